/** Types of `<tccc-keypad>`. */
import type { TcccError } from '../../services/errors';

export type DtmfKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '*' | '#';

/** `<tccc-keypad>` as `this.selectComponent<Keypad>('#keypad')` returns it. */
export interface Keypad {
  /** Empties the digits line. */
  clear(): void;
}

export interface KeypadDigitsDetail {
  /** The key just pressed. */
  key: DtmfKey;
  /** The latest keys pressed, this one last (up to 24). */
  digits: string;
}

export interface KeypadEventDetails {
  digits: KeypadDigitsDetail;
  /** With `sdk` set: no core matched it, or its `sendDigits` rejected. */
  error: ReturnType<TcccError['toJSON']>;
}

export type KeypadEvent<Name extends keyof KeypadEventDetails> = WechatMiniprogram.CustomEvent<KeypadEventDetails[Name]>;
