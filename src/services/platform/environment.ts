/** True in WeChat DevTools, where <live-pusher> and <live-player> do not render. */
export function isDevTools(): boolean {
  try {
    const info = typeof wx.getDeviceInfo === 'function' ? wx.getDeviceInfo() : wx.getSystemInfoSync();
    return info.platform === 'devtools';
  } catch {
    return false;
  }
}

let warned = false;

/** Warns once per app run that calls run without real media in DevTools. */
export function warnDevToolsOnce(): void {
  if (warned) return;
  warned = true;
  console.warn(
    '[tccc-wx-sdk] WeChat DevTools cannot render <live-pusher>/<live-player>: the call flow runs, but no audio or video. Test media on a real device.',
  );
}
