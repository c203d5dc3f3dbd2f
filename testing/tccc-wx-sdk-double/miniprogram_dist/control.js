// The double's script: one object on globalThis, so a test and every copy of this module (test runners
// reload modules) see the same state. tccc-dev-server/testing drives it (tcccWxSdkDouble()); tests may read
// it as globalThis.__tcccWxSdkDouble.
const KEY = '__tcccWxSdkDouble';

function createControl() {
  const control = {
    /** Every method call the component received: { method, args }. */
    calls: [],
    /** The attached tccc-wx-sdk components, oldest first. */
    instances: [],
    loggedIn: {},
    /** What the next startCall/startSession does: 'resolve', 'hold' (until settle()), or { reject: message }. */
    nextStart: 'resolve',
    /** The sessionEnded detail the caller's own endCall/endSession emits; null: it emits none. */
    hangUpDetail: { closeBy: 'user' },
    /** The id of the live call, or null. */
    session: null,
    /** Every call started: { sessionId, method, channelId, accepted, ended (the sessionEnded detail, or null) }. */
    sessions: [],
    pending: null,
    count: 0,
    reset() {
      control.calls = [];
      control.loggedIn = {};
      control.nextStart = 'resolve';
      control.hangUpDetail = { closeBy: 'user' };
      control.session = null;
      control.sessions = [];
      control.pending = null;
    },
    /** The live call's record, or null. */
    live() {
      return control.sessions.find((session) => session.sessionId === control.session) || null;
    },
    latest() {
      const found = control.instances[control.instances.length - 1];
      if (!found) throw new Error('tccc-wx-sdk double: no component is attached');
      return found;
    },
    /** Settles a held start: resolves it, or rejects it with `rejectMessage`. */
    settle(rejectMessage) {
      const pending = control.pending;
      if (!pending) throw new Error('tccc-wx-sdk double: no start is held');
      control.pending = null;
      if (rejectMessage) return pending.reject(new Error(rejectMessage));
      pending.resolve();
    },
    accept(detail) {
      const live = control.live();
      if (live) live.accepted = true;
      control.latest().triggerEvent('accepted', detail || {});
    },
    /** Ends the call from the other side: closeBy 'seat' (the agent) or 'admin' (the system), or any detail. */
    end(detail) {
      const live = control.live();
      if (live) live.ended = detail || {};
      control.session = null;
      control.latest().triggerEvent('sessionEnded', detail || {});
    },
    fail(detail) {
      control.latest().triggerEvent('error', detail || {});
    },
  };
  return control;
}

const control = globalThis[KEY] || (globalThis[KEY] = createControl());

module.exports = control;
