/**
 * Audio interruptions: a phone call, an alarm, another app taking the audio session. While one lasts,
 * WeChat stops our audio anyway; the call pauses its microphone and playback and resumes them after.
 * Returns the function that stops watching.
 */
export function watchAudioInterruptions(onChange: (interrupted: boolean) => void): () => void {
  if (typeof wx.onAudioInterruptionBegin !== 'function') return () => undefined;
  const begin = () => onChange(true);
  const end = () => onChange(false);
  wx.onAudioInterruptionBegin(begin);
  wx.onAudioInterruptionEnd(end);
  return () => {
    wx.offAudioInterruptionBegin?.(begin);
    wx.offAudioInterruptionEnd?.(end);
  };
}
