// A test double of Tencent's tccc-wx-sdk component, written from its public doc alone (see README.md).
const control = require('./control');

function record(method, args) {
  control.calls.push({ method: method, args: Array.prototype.slice.call(args) });
}

function start(component, method, options) {
  record(method, [options]);
  if (!options || typeof options.channelId !== 'string' || options.channelId === '') {
    return Promise.reject(new Error('channelId is required'));
  }
  if (control.session) return Promise.reject(new Error('a call is in progress'));
  const script = control.nextStart;
  control.nextStart = 'resolve';
  const begin = () => {
    control.count += 1;
    const sessionId = 'double-session-' + control.count;
    control.session = sessionId;
    control.sessions.push({ sessionId: sessionId, method: method, channelId: options.channelId, accepted: false, ended: null });
    component.triggerEvent('sessionStart', { sessionId: sessionId });
    return { sessionId: sessionId };
  };
  if (script && typeof script === 'object' && script.reject) return Promise.reject(new Error(script.reject));
  if (script === 'hold') {
    return new Promise(function (resolve, reject) {
      control.pending = { resolve: function () { resolve(begin()); }, reject: reject };
    });
  }
  return Promise.resolve().then(begin);
}

function hangUp(component, method) {
  record(method, []);
  const live = control.live();
  if (!live) return;
  live.ended = control.hangUpDetail || { closeBy: 'user' };
  control.session = null;
  if (control.hangUpDetail) component.triggerEvent('sessionEnded', control.hangUpDetail);
}

Component({
  options: { multipleSlots: true },
  properties: {
    sdkAppId: { type: String, optionalTypes: [Number], value: '' },
  },
  lifetimes: {
    attached() {
      control.instances.push(this);
    },
    detached() {
      control.instances = control.instances.filter((instance) => instance !== this);
    },
  },
  methods: {
    startCall(options) {
      return start(this, 'startCall', options);
    },
    startSession(options) {
      return start(this, 'startSession', options);
    },
    endCall() {
      hangUp(this, 'endCall');
    },
    endSession() {
      hangUp(this, 'endSession');
    },
    sendDigits() {
      record('sendDigits', arguments);
    },
    switchCamera() {
      record('switchCamera', arguments);
    },
    disableCamera() {
      record('disableCamera', arguments);
    },
    enableCamera() {
      record('enableCamera', arguments);
    },
    setSoundMode() {
      record('setSoundMode', arguments);
    },
    muteAudio() {
      record('muteAudio', arguments);
    },
    unmnuteAudio() {
      record('unmnuteAudio', arguments);
    },
  },
});
