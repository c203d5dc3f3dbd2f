/**
 * Audio interruptions: a phone call, an alarm, another app taking the audio session. While one lasts,
 * WeChat stops our audio anyway; the call pauses its microphone and playback and resumes them after.
 * iOS can report a Begin with no End (on resume, after the app was suspended), so coming back to the
 * foreground counts as the end too. Returns the function that stops watching.
 */
export function watchAudioInterruptions(onChange: (interrupted: boolean) => void): () => void {
  if (typeof wx.onAudioInterruptionBegin !== 'function') return () => undefined;
  const begin = () => onChange(true);
  const end = () => onChange(false);
  wx.onAudioInterruptionBegin(begin);
  wx.onAudioInterruptionEnd(end);
  const watchesShow = typeof wx.onAppShow === 'function';
  if (watchesShow) wx.onAppShow(end);
  return () => {
    wx.offAudioInterruptionBegin?.(begin);
    wx.offAudioInterruptionEnd?.(end);
    if (watchesShow) wx.offAppShow?.(end);
  };
}
