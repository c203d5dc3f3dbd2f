/** How many keys the `digits` event remembers: far more than any IVR asks for, and still bounded. */
export const MAX_TYPED = 256;

/**
 * The digits line shows this many of the latest keys: at the keypad's font size they fit its narrowest
 * width (the video call screen's keypad column at 320 px) without clipping.
 */
export const SHOWN_DIGITS = 16;

/** The latest keys, led by '…' when earlier ones scrolled away, so the caller sees that there were more. */
export function digitsLineOf(typed: string): string {
  return typed.length > SHOWN_DIGITS ? `…${typed.slice(-(SHOWN_DIGITS - 1))}` : typed;
}
