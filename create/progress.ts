/** A one-line spinner on a terminal; a plain start line elsewhere (CI logs stay readable). */
export function progress(text: string, stream: NodeJS.WriteStream = process.stdout): { stop(final: string): void } {
  if (!stream.isTTY) {
    stream.write(`${text}\n`);
    return { stop: (final) => stream.write(`${final}\n`) };
  }
  const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
  const started = Date.now();
  let frame = 0;
  const draw = () => {
    const seconds = Math.round((Date.now() - started) / 1000);
    stream.write(`\r${frames[frame++ % frames.length]} ${text} ${seconds}s`);
  };
  draw();
  const timer = setInterval(draw, 100);
  return {
    stop(final) {
      clearInterval(timer);
      stream.write(`\r\x1b[2K${final}\n`);
    },
  };
}
