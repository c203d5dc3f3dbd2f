/**
 * Runs `work` with console.log and console.info captured instead of printed: miniprogram-ci logs its
 * progress there ("[miniprogram-builder] initservices CI"), which jest would print as blocks in every run.
 * What it logged is kept in the error if `work` fails, so nothing useful is lost.
 */
export async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const { log, info } = console;
  const captured: string[] = [];
  const capture = (...args: unknown[]) => void captured.push(args.map(String).join(' '));
  console.log = capture;
  console.info = capture;
  try {
    return await work();
  } catch (error) {
    if (error instanceof Error && captured.length > 0) error.message += `\n(logged meanwhile:)\n${captured.join('\n')}`;
    throw error;
  } finally {
    console.log = log;
    console.info = info;
  }
}
