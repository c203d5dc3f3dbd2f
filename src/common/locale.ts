import type { EndReason } from '../services/protocol';

/** Every caller-facing text of the UI kit. `{n}` and `{seat}` are filled in where noted. */
export interface Texts {
  status: {
    idle: string;
    starting: string;
    /** The call is placed and no one has answered yet (a core that tells no more: IVR, queue, ringing). */
    waiting: string;
    ivr: string;
    queued: string;
    /** With the queue position: `{n}` callers ahead. */
    queuedAhead: string;
    /** First in the queue. */
    queuedNext: string;
    ringing: string;
    /** `{seat}`: the agent's name. */
    active: string;
    /** Talking, when the core did not name the agent. */
    talking: string;
    ending: string;
    reconnecting: string;
    suspended: string;
    /** The agent has answered but no audio arrives. */
    mediaSilent: string;
  };
  /** How a call ended, by TCCC end reason; `user` when the caller hung up. */
  ended: Record<EndReason | 'user', string>;
  /** Why a call could not start, shown in place of the status line (by error code; `other` for the rest). */
  startFailed: { permissionDenied: string; privacyNotAuthorized: string; notLoggedIn: string; network: string; busy: string; other: string };
  actions: {
    mute: string;
    speaker: string;
    keypad: string;
    camera: string;
    switchCamera: string;
    hangUp: string;
    /**
     * What a screen reader says for a toggle: `{name}` (the label under the button) and `{state}`, one of
     * the state words below, since the button's colour alone shows its state.
     */
    withState: string;
    /** The state of speaker and camera. */
    on: string;
    off: string;
    /** The state of mute. */
    muted: string;
    unmuted: string;
    /** The state of the keypad button. */
    keypadShown: string;
    keypadHidden: string;
    /** The name read for flip, whose visible label is short. */
    switchCameraName: string;
    /** Said after the name of a button that is disabled (while a call connects or ends). */
    unavailable: string;
    callAudio: string;
    callVideo: string;
  };
  video: {
    waiting: string;
    cameraOff: string;
    reconnecting: string;
    network: { unknown: string; good: string; fair: string; poor: string };
    /** The picture-in-picture's name for a screen reader, camera on and off. */
    pip: string;
    pipCameraOff: string;
  };
  /** What a screen reader says for the keypad: `*` and `#` by name, and the digits line (`{digits}`). */
  keypad: {
    star: string;
    pound: string;
    typed: string;
  };
  /**
   * What a screen reader says for the call timer: `duration` when focused (`{time}` spelled out), and
   * `elapsed` once a minute. Units are `{n}` templates, singular and plural.
   */
  timer: {
    duration: string;
    elapsed: string;
    hour: string;
    hours: string;
    minute: string;
    minutes: string;
    second: string;
    seconds: string;
  };
  /** The privacy consent: `lead`, the guide's name (a link; `contract` when WeChat gives none), `after`. */
  privacy: {
    title: string;
    lead: string;
    contract: string;
    after: string;
    agree: string;
    refuse: string;
  };
}

/**
 * The texts of every component but the video panel, whose own (video-panel/texts.ts) only it loads: an app
 * without video ships none of them.
 */
export type SharedTexts = Omit<Texts, 'video'>;

export const zhCN: SharedTexts = {
  status: {
    idle: '联系客服',
    starting: '正在连接…',
    waiting: '等待客服接听…',
    ivr: '请按键选择服务',
    queued: '排队中，请稍候',
    queuedAhead: '排队中，前面还有 {n} 人',
    queuedNext: '排队中，下一位就是您',
    ringing: '正在为您接通客服…',
    active: '{seat} 为您服务',
    talking: '通话中',
    ending: '正在挂断…',
    reconnecting: '网络不稳定，正在重连…',
    suspended: '通话被系统打断，稍后恢复',
    mediaSilent: '听不到客服的声音？请检查网络，或挂断后重拨',
  },
  ended: {
    user: '通话已结束',
    ok: '通话已结束',
    blackList: '暂时无法为您服务',
    ivrGiveUp: '已退出语音导航',
    waitingGiveUp: '已取消排队',
    ringingGiveUp: '已取消呼叫',
    noSeatOnline: '暂无客服在线，请稍后再试',
    notWorkTime: '当前不在服务时间',
    ivrEnd: '语音导航已结束',
    clientError: '通话异常结束',
    callConflict: '您已在通话中',
    clientTimeout: '网络连接中断，通话已结束',
    voipClientError: '音视频异常，通话已结束',
  },
  startFailed: {
    permissionDenied: '未获得麦克风或摄像头权限，无法呼叫',
    privacyNotAuthorized: '同意隐私保护指引后才能通话',
    notLoggedIn: '登录已失效，请重新进入后再试',
    network: '网络异常，呼叫未能发出',
    busy: '已有通话在进行',
    other: '呼叫未能接通，请稍后再试',
  },
  actions: {
    mute: '静音',
    speaker: '免提',
    keypad: '键盘',
    camera: '摄像头',
    switchCamera: '翻转',
    hangUp: '挂断',
    withState: '{name}，{state}',
    on: '已开启',
    off: '已关闭',
    muted: '已静音',
    unmuted: '未静音',
    keypadShown: '已展开',
    keypadHidden: '已收起',
    switchCameraName: '翻转摄像头',
    unavailable: '暂不可用',
    callAudio: '语音呼叫',
    callVideo: '视频呼叫',
  },
  keypad: {
    star: '星号',
    pound: '井号',
    typed: '已输入 {digits}',
  },
  timer: {
    duration: '通话时长 {time}',
    elapsed: '已通话 {time}',
    hour: '{n} 小时',
    hours: '{n} 小时',
    minute: '{n} 分钟',
    minutes: '{n} 分钟',
    second: '{n} 秒',
    seconds: '{n} 秒',
  },
  privacy: {
    title: '隐私保护提示',
    lead: '通话会使用您的麦克风（视频通话还会使用摄像头）。开始前请阅读',
    contract: '《用户隐私保护指引》',
    after: '，同意后即可继续呼叫。',
    agree: '同意并继续',
    refuse: '不同意',
  },
};

export const enUS: SharedTexts = {
  status: {
    idle: 'Contact us',
    starting: 'Connecting…',
    waiting: 'Waiting for an agent…',
    ivr: 'Choose a service on the keypad',
    queued: 'In the queue, please wait',
    queuedAhead: 'In the queue: {n} ahead of you',
    queuedNext: 'In the queue: you are next',
    ringing: 'Connecting you to an agent…',
    active: 'Talking with {seat}',
    talking: 'In call',
    ending: 'Hanging up…',
    reconnecting: 'Reconnecting…',
    suspended: 'Call interrupted by the system; resuming soon',
    mediaSilent: "Can't hear the agent? Check your network, or hang up and call again",
  },
  ended: {
    user: 'Call ended',
    ok: 'Call ended',
    blackList: 'We cannot take your call right now',
    ivrGiveUp: 'You left the menu',
    waitingGiveUp: 'You left the queue',
    ringingGiveUp: 'Call cancelled',
    noSeatOnline: 'No agent is available; please try again later',
    notWorkTime: 'We are closed right now',
    ivrEnd: 'The menu ended the call',
    clientError: 'The call ended unexpectedly',
    callConflict: 'You are already in a call',
    clientTimeout: 'Connection lost; the call ended',
    voipClientError: 'Audio/video failed; the call ended',
  },
  startFailed: {
    permissionDenied: 'Allow the microphone (and camera) to call',
    privacyNotAuthorized: 'Agree to the privacy guide to call',
    notLoggedIn: 'Please sign in again, then call',
    network: 'Network problem: the call did not go out',
    busy: 'A call is already in progress',
    other: 'The call could not be placed; please try again later',
  },
  actions: {
    mute: 'Mute',
    speaker: 'Speaker',
    keypad: 'Keypad',
    camera: 'Camera',
    switchCamera: 'Flip',
    hangUp: 'Hang up',
    withState: '{name}, {state}',
    on: 'on',
    off: 'off',
    muted: 'muted',
    unmuted: 'not muted',
    keypadShown: 'shown',
    keypadHidden: 'hidden',
    switchCameraName: 'Flip camera',
    unavailable: 'unavailable',
    callAudio: 'Voice call',
    callVideo: 'Video call',
  },
  keypad: {
    star: 'star',
    pound: 'pound',
    typed: 'Typed {digits}',
  },
  timer: {
    duration: 'Call time {time}',
    elapsed: '{time} into the call',
    hour: '{n} hour',
    hours: '{n} hours',
    minute: '{n} minute',
    minutes: '{n} minutes',
    second: '{n} second',
    seconds: '{n} seconds',
  },
  privacy: {
    title: 'Your privacy',
    lead: 'Calls use your microphone (and your camera for video). Before you call, please read ',
    contract: 'the privacy guide',
    after: '. Agree to go on with the call.',
    agree: 'Agree and continue',
    refuse: 'Decline',
  },
};

export const locales: Record<string, SharedTexts> = { 'zh-CN': zhCN, 'en-US': enUS };

export type LocaleInput = string | (Partial<{ [K in keyof Texts]: Partial<Texts[K]> }> & { base?: string });

/** The language a `locale` value names: the name itself, or an overrides object's `base`. */
function languageOf(input: unknown): string {
  if (typeof input === 'string') return input;
  return input && typeof input === 'object' ? String((input as { base?: unknown }).base) : '';
}

/** An overrides object's texts for `part`, if it has any. */
function overridesOf(input: unknown, part: keyof Texts): object | null {
  const overrides = input && typeof input === 'object' ? (input as Record<string, unknown>)[part] : null;
  return overrides && typeof overrides === 'object' ? overrides : null;
}

/**
 * The texts for a `locale` property: a name (`'zh-CN'`, the default, or `'en-US'`), or an object of
 * overrides on top of `base` (a name, default zh-CN). Unknown names fall back to zh-CN.
 */
export function resolveTexts(input: unknown): SharedTexts {
  const base = locales[languageOf(input)] ?? zhCN;
  if (!input || typeof input !== 'object') return base;
  const merged = { ...base } as Record<string, unknown>;
  for (const key of Object.keys(base) as (keyof SharedTexts)[]) {
    const part = overridesOf(input, key);
    if (part) merged[key] = { ...base[key], ...part };
  }
  return merged as unknown as SharedTexts;
}

/** The texts of a part that keeps its own `tables` by language (the video panel's), for a `locale` property as resolveTexts reads it. */
export function resolvePart<K extends keyof Texts>(input: unknown, part: K, tables: Record<string, Texts[K]>): Texts[K] {
  const base = tables[languageOf(input)] ?? tables['zh-CN'];
  const overrides = overridesOf(input, part);
  return overrides ? { ...base, ...overrides } : base;
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
