import { defineComponent } from '../../common/component';
import { localeBehavior } from '../../common/locale-behavior';
import { selectComponent } from '../../common/select';
import { ErrorCode, TcccError, toTcccError } from '../../services/errors';
import { digitsLineOf, MAX_TYPED } from './digits-line';

const KEYS = [
  { key: '1', letters: '' },
  { key: '2', letters: 'ABC' },
  { key: '3', letters: 'DEF' },
  { key: '4', letters: 'GHI' },
  { key: '5', letters: 'JKL' },
  { key: '6', letters: 'MNO' },
  { key: '7', letters: 'PQRS' },
  { key: '8', letters: 'TUV' },
  { key: '9', letters: 'WXYZ' },
  { key: '*', letters: '' },
  { key: '0', letters: '+' },
  { key: '#', letters: '' },
];

type DigitsTarget = { sendDigits(options: { digits: string }): Promise<unknown> };

/** What was typed, kept apart from the digits line: with `show-digits` off nothing is rendered, yet `digits` stays whole. */
const typedBy = new WeakMap<object, string>();

/**
 * A DTMF keypad. Each press emits `digits` ({ key, digits }); with `sdk` set to the selector of a
 * `tccc-wx-sdk` in the same page (or component), it also sends the key with `sendDigits` and reports a
 * rejection as an `error` event.
 */
defineComponent({
  // The keys' names for screen readers (`*` and `#` are read by name) follow the locale.
  behaviors: [localeBehavior('keypad')],
  properties: {
    /** Selector of the root `tccc-wx-sdk` component (e.g. '#tcccSdk') whose `sendDigits` each key drives. */
    sdk: { type: String, value: '' },
    disabled: { type: Boolean, value: false },
    /** Shows the digits typed so far above the keys. */
    showDigits: { type: Boolean, value: true },
  },
  data: {
    keys: KEYS,
    /** The digits line: the latest keys, after a '…' when earlier ones no longer fit. */
    digits: '',
  },
  methods: {
    onPress(event: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { key: string }>) {
      if (this.data.disabled) return;
      const { key } = event.currentTarget.dataset;
      const typed = ((typedBy.get(this) ?? '') + key).slice(-MAX_TYPED);
      typedBy.set(this, typed);
      if (this.data.showDigits) this.setData({ digits: digitsLineOf(typed) });
      this.triggerEvent('digits', { key, digits: typed });
      if (this.data.sdk) this.send(key);
    },
    /** Forgets what was typed and empties the digits line (the call screen does so when a call ends). */
    clear() {
      typedBy.delete(this);
      if (this.data.digits) this.setData({ digits: '' });
    },
    send(key: string) {
      const owner = this.selectOwnerComponent() as WechatMiniprogram.Component.TrivialInstance | null;
      const target = selectComponent<Partial<DigitsTarget>>(owner, this.data.sdk);
      if (!target || typeof target.sendDigits !== 'function') {
        const error = new TcccError(ErrorCode.InvalidArgument, `keypad: no tccc-wx-sdk matches sdk="${this.data.sdk}" in this page.`);
        this.triggerEvent('error', error.toJSON());
        return;
      }
      // The doc promises no return value from sendDigits: a rejection is reported, anything else is fine.
      new Promise((resolve) => resolve(target.sendDigits!({ digits: key }))).catch((error: unknown) => {
        this.triggerEvent('error', toTcccError(error, ErrorCode.Server).toJSON());
      });
    },
  },
});
