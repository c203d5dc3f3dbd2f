import { defineComponent } from '../../common/component';
import { localeBehavior } from '../../common/locale-behavior';

/**
 * The in-call controls: mute, speaker/earpiece, keypad, camera on/off and flip (video), hang up. It owns no
 * call state: it shows the properties it is given and emits one event per action with the state asked for.
 */
defineComponent({
  behaviors: [localeBehavior('actions')],
  properties: {
    /** 'audio' or 'video'; video adds the camera buttons. */
    media: { type: String, value: 'audio' },
    muted: { type: Boolean, value: false },
    /** 'speaker' or 'ear', as `setSoundMode` takes it. */
    soundMode: { type: String, value: 'speaker' },
    cameraEnabled: { type: Boolean, value: true },
    /** Whether the keypad button shows, and whether the keypad is open. */
    showKeypad: { type: Boolean, value: true },
    keypadOpen: { type: Boolean, value: false },
    /** Disables every button but hang-up (e.g. while connecting). */
    disabled: { type: Boolean, value: false },
    /** Shows hang-up as busy and disables it (while `endCall` is in flight). */
    hangingUp: { type: Boolean, value: false },
    /** One row (mute, keypad, speaker, hang-up) for short screens, e.g. while the keypad is open. A video bar is one row anyway. */
    compact: { type: Boolean, value: false },
  },
  methods: {
    onMute() {
      this.triggerEvent('mute', { muted: !this.data.muted });
    },
    onSpeaker() {
      this.triggerEvent('speaker', { soundMode: this.data.soundMode === 'speaker' ? 'ear' : 'speaker' });
    },
    onKeypad() {
      this.triggerEvent('keypad', { open: !this.data.keypadOpen });
    },
    onCamera() {
      this.triggerEvent('camera', { enabled: !this.data.cameraEnabled });
    },
    onSwitchCamera() {
      this.triggerEvent('switchcamera', {});
    },
    onHangUp() {
      this.triggerEvent('hangup', {});
    },
  },
});
