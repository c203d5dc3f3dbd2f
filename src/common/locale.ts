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
    ringing: string;
    /** `{seat}`: the agent's name. */
    active: string;
    /** Talking, when the core did not name the agent. */
    talking: string;
    ending: string;
    reconnecting: string;
    suspended: string;
  };
  /** How a call ended, by TCCC end reason; `user` when the caller hung up. */
  ended: Record<EndReason | 'user', string>;
  actions: {
    mute: string;
    speaker: string;
    keypad: string;
    camera: string;
    switchCamera: string;
    hangUp: string;
    callAudio: string;
    callVideo: string;
  };
  video: {
    waiting: string;
    cameraOff: string;
    reconnecting: string;
    network: { unknown: string; good: string; fair: string; poor: string };
  };
}

export const zhCN: Texts = {
  status: {
    idle: '联系客服',
    starting: '正在连接…',
    waiting: '等待客服接听…',
    ivr: '请按键选择服务',
    queued: '排队中，请稍候',
    queuedAhead: '排队中，前面还有 {n} 人',
    ringing: '正在为您接通客服…',
    active: '{seat} 为您服务',
    talking: '通话中',
    ending: '正在挂断…',
    reconnecting: '网络不稳定，正在重连…',
    suspended: '通话被系统打断，稍后恢复',
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
  actions: {
    mute: '静音',
    speaker: '免提',
    keypad: '键盘',
    camera: '摄像头',
    switchCamera: '翻转',
    hangUp: '挂断',
    callAudio: '语音呼叫',
    callVideo: '视频呼叫',
  },
  video: {
    waiting: '等待客服接入',
    cameraOff: '摄像头已关闭',
    reconnecting: '正在重连…',
    network: { unknown: '', good: '网络良好', fair: '网络一般', poor: '网络较差' },
  },
};

export const enUS: Texts = {
  status: {
    idle: 'Contact us',
    starting: 'Connecting…',
    waiting: 'Waiting for an agent…',
    ivr: 'Choose a service on the keypad',
    queued: 'In the queue, please wait',
    queuedAhead: 'In the queue: {n} ahead of you',
    ringing: 'Connecting you to an agent…',
    active: 'Talking with {seat}',
    talking: 'In call',
    ending: 'Hanging up…',
    reconnecting: 'Network unstable, reconnecting…',
    suspended: 'Call interrupted by the system; resuming soon',
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
  actions: {
    mute: 'Mute',
    speaker: 'Speaker',
    keypad: 'Keypad',
    camera: 'Camera',
    switchCamera: 'Flip',
    hangUp: 'Hang up',
    callAudio: 'Voice call',
    callVideo: 'Video call',
  },
  video: {
    waiting: 'Waiting for an agent',
    cameraOff: 'Camera off',
    reconnecting: 'Reconnecting…',
    network: { unknown: '', good: 'Good network', fair: 'Fair network', poor: 'Poor network' },
  },
};

export const locales: Record<string, Texts> = { 'zh-CN': zhCN, 'en-US': enUS };

export type LocaleInput = string | (Partial<{ [K in keyof Texts]: Partial<Texts[K]> }> & { base?: string });

/**
 * The texts for a `locale` property: a name (`'zh-CN'`, the default, or `'en-US'`), or an object of
 * overrides on top of `base` (a name, default zh-CN). Unknown names fall back to zh-CN.
 */
export function resolveTexts(input: unknown): Texts {
  if (typeof input === 'string') return locales[input] ?? zhCN;
  if (!input || typeof input !== 'object') return zhCN;
  const overrides = input as Record<string, unknown>;
  const base = locales[String(overrides.base)] ?? zhCN;
  const merged = { ...base } as Record<string, unknown>;
  for (const key of Object.keys(base) as (keyof Texts)[]) {
    const part = overrides[key];
    if (part && typeof part === 'object') merged[key] = { ...base[key], ...part };
  }
  return merged as unknown as Texts;
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
