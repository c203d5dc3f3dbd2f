// trtc-wx-sdk prints a banner each time it loads (every page rendered, every isolated module registry):
// tests drop it, and keep every other console.info. A setup file of the jest preset (and of our own tests).
const info = console.info.bind(console);
console.info = (...args) => {
  if (args[0] === 'TRTC-WX') return;
  info(...args);
};
