// trtc-wx-sdk prints a banner at every load (each isolated module registry loads it again); tests drop it.
const info = console.info.bind(console);
console.info = (...args: unknown[]) => {
  if (args[0] === 'TRTC-WX') return;
  info(...args);
};
