// Node's own timers, not a host environment's globals (the server also runs inside jsdom test environments).
import { clearTimeout, setTimeout } from 'node:timers';
import { createHmac, randomBytes } from 'node:crypto';
import type {
  CallEvent,
  CloseBy,
  EndReason,
  LoginResponse,
  MediaKind,
  RtcDescriptor,
  ServerErrorCode,
  ServerPhase,
} from '../src/services/protocol';
import { EndStatus } from '../src/services/protocol';
import { AddressQuota } from './address-quota';
import type { Channel } from './channels';
import { guarded } from './guard';
import { TokenTable } from './token-table';

export class CenterError extends Error {
  constructor(
    readonly code: ServerErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface CenterOptions {
  channels: Channel[];
  seats: string[];
  /** A seat's name as the caller is told it (ringing, accepted); the agent API and console keep the seat's own. */
  callerSeatName: (seat: string) => string;
  /** A ringing seat that does not answer in time releases the call back to the queue. */
  ringTimeoutMs: number;
  /** An IVR without (enough) digits moves on to the queue after this long. */
  ivrTimeoutMs: number;
  /** A caller with a live call and no event connection for this long is gone: `clientTimeout` (the caller window, sent in `welcome`). */
  clientGraceMs: number;
  tokenTtlMs: number;
  maxSessions: number;
  /** Live calls created from one client address; past it that address gets 429 until one ends. */
  maxSessionsPerAddress: number;
  /** Login tokens kept; past it the address holding the most loses its oldest. */
  maxTokens: number;
  /** Login tokens one client address holds; past it that address's oldest is forgotten. */
  maxTokensPerAddress: number;
  /** Events kept per caller for replay after a reconnect. */
  replayBuffer: number;
  /** Seats accept ringing calls by themselves after this long; null: a person clicks accept. */
  autoAnswerMs: number | null;
  /** What media a new session gets: simulated, or a real TRTC room. */
  media(session: { sessionId: string; userId: string; media: MediaKind }): RtcDescriptor;
}

export const DEFAULT_CENTER_OPTIONS: Omit<CenterOptions, 'channels' | 'media'> = {
  seats: ['Agent Lin', 'Agent Chen'],
  callerSeatName: (seat) => seat,
  ringTimeoutMs: 30000,
  ivrTimeoutMs: 20000,
  clientGraceMs: 30000,
  tokenTtlMs: 2 * 60 * 60 * 1000,
  maxSessions: 5000,
  maxSessionsPerAddress: 1000,
  maxTokens: 20000,
  maxTokensPerAddress: 5000,
  replayBuffer: 200,
  autoAnswerMs: null,
};

const RECENT_LIMIT = 50;

interface User {
  userId: string;
  sdkAppId: string;
  expiresAt: number;
}

export interface SessionRecord {
  sessionId: string;
  userId: string;
  channel: Channel;
  media: MediaKind;
  phase: ServerPhase | 'ended';
  seatName: string;
  digits: string;
  createdAt: number;
  acceptedAt: number | null;
  endedAt: number | null;
  end: { closeBy: CloseBy; endStatus: EndStatus; reason: EndReason } | null;
  rtc: RtcDescriptor;
  /** The caller's event seq before this call's first event: the `since` for its subscription. */
  since: number;
  timer: NodeJS.Timeout | null;
  declinedBy: Set<string>;
  /** The call's own credential: its events, digits and hang-up stay allowed for its life, whatever the login's expiry. */
  sessionToken: string;
  caller: User;
  /** The client address that created the call. */
  address: string;
}

interface Seat {
  name: string;
  online: boolean;
  sessionId: string | null;
}

type Listener = (event: CallEvent) => void;

/** Who an event socket's token speaks for: a caller, and for a session token that one call only. */
export interface EventsAccess {
  user: User;
  /** The call a session token belongs to; null for a login token (all of the caller's calls). */
  sessionId: string | null;
}

interface UserLog {
  seq: number;
  events: CallEvent[];
  listeners: Set<Listener>;
  graceTimer: NodeJS.Timeout | null;
}

export interface SessionSummary {
  sessionId: string;
  userId: string;
  channelId: string;
  channelName: string;
  media: MediaKind;
  phase: SessionRecord['phase'];
  seatName: string;
  digits: string;
  createdAt: number;
  acceptedAt: number | null;
  endedAt: number | null;
  end: SessionRecord['end'];
  queuePosition: number | null;
  roomId: number | null;
}

/** The contact center of the simulator: logins, sessions, IVR, queue, seats, and per-caller event logs. */
export class ContactCenter {
  private readonly tokens: TokenTable;
  private readonly sessionTokens = new Map<string, SessionRecord>();
  private readonly sessions = new Map<string, SessionRecord>();
  private readonly queue: string[] = [];
  private readonly recent: SessionRecord[] = [];
  private readonly logs = new Map<string, UserLog>();
  private readonly seats: Seat[];
  private readonly changeListeners = new Set<() => void>();
  /** Live calls per client address. */
  private readonly liveByAddress: AddressQuota;
  /** Keys the caller ids of this server run: a seen id cannot be traced back to, or forged from, a jsCode. */
  private readonly idSecret = randomBytes(32);
  readonly options: CenterOptions;

  constructor(options: CenterOptions) {
    this.options = options;
    this.tokens = new TokenTable(options.maxTokens, options.maxTokensPerAddress);
    this.liveByAddress = new AddressQuota(options.maxSessionsPerAddress);
    this.seats = options.seats.map((name) => ({ name, online: true, sessionId: null }));
  }

  // ─── Callers ────────────────────────────────────────────────────────────────────────────────

  /** Simulator mode: any jsCode logs in; the same jsCode is the same caller. `address`: the client's. */
  login(body: Record<string, unknown>, address = 'local'): LoginResponse {
    const { sdkAppId, jsCode } = body;
    if (typeof sdkAppId !== 'string' || !/^\d{1,20}$/.test(sdkAppId)) throw new CenterError('invalid-argument', 'sdkAppId must be a string of digits.');
    if (typeof jsCode !== 'string' || jsCode === '' || jsCode.length > 4096) throw new CenterError('invalid-argument', 'jsCode must be a non-empty string.');
    for (const field of ['dataEnv', 'dataIv', 'mobileEnv', 'mobileIv']) {
      if (body[field] !== undefined && typeof body[field] !== 'string') throw new CenterError('invalid-argument', `${field} must be a string.`);
    }
    this.pruneLogs();
    // 96 bits: `user-` and 24 hex digits, within TRTC's 32-character user ids.
    const userId = `user-${createHmac('sha256', this.idSecret).update(`${sdkAppId}:${jsCode}`).digest('hex').slice(0, 24)}`;
    const token = randomBytes(24).toString('base64url');
    const expiresAt = Date.now() + this.options.tokenTtlMs;
    this.tokens.add(token, { userId, sdkAppId, expiresAt, address });
    return { token, userId, expiresAt };
  }

  authenticate(token: string | undefined): User {
    const user = token ? this.tokens.get(token) : undefined;
    if (!user) throw new CenterError('unauthenticated', 'Missing or unknown token: log in again.');
    if (user === 'expired') throw new CenterError('unauthenticated', 'The token has expired: log in again.');
    return user;
  }

  /**
   * For requests about one call: its session token (while the call is live or among the recent ones, so a
   * late hang-up still learns how it ended), else a valid login token.
   */
  authenticateFor(token: string | undefined, sessionId: string): User {
    const session = token ? this.sessionTokens.get(token) : undefined;
    if (session && session.sessionId === sessionId) return session.caller;
    return this.authenticate(token);
  }

  /**
   * For the event socket: a valid login token (every call of its caller), or the session token of a live
   * or recent call (its resume: that call's events only).
   */
  authenticateEvents(token: string | undefined): EventsAccess {
    const session = token ? this.sessionTokens.get(token) : undefined;
    return session ? { user: session.caller, sessionId: session.sessionId } : { user: this.authenticate(token), sessionId: null };
  }

  /** Ends every token (tests use it to expire logins). */
  expireTokens(): void {
    this.tokens.expireAll();
  }

  /** A new call for `user`, created from the client `address`. */
  createSession(user: User, body: Record<string, unknown>, address = 'local'): SessionRecord {
    const { channelId, media } = body;
    if (typeof channelId !== 'string' || channelId.trim() === '') throw new CenterError('invalid-argument', 'channelId must be a non-empty string.');
    if (media !== 'audio' && media !== 'video') throw new CenterError('invalid-argument', "media must be 'audio' or 'video'.");
    const channel = this.options.channels.find((c) => c.id === channelId);
    if (!channel) throw new CenterError('not-found', `No channel "${channelId.slice(0, 64)}". Known: ${this.options.channels.map((c) => c.id).join(', ')}.`);
    if (channel.media !== 'both' && channel.media !== media) throw new CenterError('invalid-argument', `Channel "${channel.id}" takes ${channel.media} calls only.`);
    if (this.liveSessionOf(user.userId)) throw new CenterError('conflict', 'This caller already has a call in progress (callConflict).');
    if (this.liveByAddress.isFull(address)) {
      throw new CenterError('rate-limited', `Too many live calls from this address (at most ${this.options.maxSessionsPerAddress}); end one first.`);
    }
    if (this.sessions.size >= this.options.maxSessions) throw new CenterError('unavailable', 'The contact center is at capacity; try again later.');

    const sessionId = `s-${randomBytes(8).toString('hex')}`;
    const session: SessionRecord = {
      sessionId,
      userId: user.userId,
      channel,
      media,
      phase: channel.ivr ? 'ivr' : 'queued',
      seatName: '',
      digits: '',
      createdAt: Date.now(),
      acceptedAt: null,
      endedAt: null,
      end: null,
      rtc: this.options.media({ sessionId, userId: user.userId, media }),
      since: this.log(user.userId).seq,
      timer: null,
      declinedBy: new Set(),
      sessionToken: randomBytes(24).toString('base64url'),
      caller: user,
      address,
    };
    this.sessions.set(sessionId, session);
    this.liveByAddress.take(address);
    this.sessionTokens.set(session.sessionToken, session);
    this.watchPresence(user.userId);
    if (!channel.open) {
      this.end(session, 'admin', 'notWorkTime');
    } else if (channel.ivr) {
      this.emit(session, { type: 'ivr', prompt: channel.ivr.prompt });
      this.schedule(session, this.options.ivrTimeoutMs, () => this.enqueue(session));
    } else {
      this.enqueue(session);
    }
    this.changed();
    return session;
  }

  sendDigits(user: User, sessionId: string, digits: unknown): void {
    if (typeof digits !== 'string' || !/^[0-9*#]{1,32}$/.test(digits)) throw new CenterError('invalid-argument', 'digits must be 1-32 characters of 0-9, * and #.');
    const session = this.ownSession(user, sessionId);
    if (session.phase === 'ended') throw new CenterError('not-found', 'The call has ended.');
    session.digits = (session.digits + digits).slice(-64);
    const ivr = session.channel.ivr;
    if (session.phase === 'ivr' && ivr && (digits.includes('#') || session.digits.replace(/[*#]/g, '').length >= ivr.digits)) {
      this.enqueue(session);
    }
    this.changed();
  }

  hangUpByUser(user: User, sessionId: string): SessionRecord {
    const session = this.ownSession(user, sessionId);
    if (session.phase !== 'ended') {
      const reason: Record<ServerPhase, EndReason> = { ivr: 'ivrGiveUp', queued: 'waitingGiveUp', ringing: 'ringingGiveUp', active: 'ok' };
      this.end(session, 'user', reason[session.phase]);
    }
    return session;
  }

  /**
   * Subscribes to a caller's events after `since` (of one call only, given its `sessionId`); returns what
   * was missed, oldest first.
   */
  subscribe(userId: string, since: number, listener: Listener, sessionId: string | null = null): { replay: CallEvent[]; seq: number; unsubscribe: () => void } {
    const log = this.log(userId);
    const ofThisAccess = (event: CallEvent) => sessionId === null || event.sessionId === sessionId;
    const filtered: Listener = (event) => {
      if (ofThisAccess(event)) listener(event);
    };
    log.listeners.add(filtered);
    if (log.graceTimer) clearTimeout(log.graceTimer);
    log.graceTimer = null;
    const replay = log.events.filter((event) => event.seq > since && ofThisAccess(event));
    return {
      replay,
      seq: log.seq,
      unsubscribe: () => {
        log.listeners.delete(filtered);
        if (log.listeners.size === 0) this.watchPresence(userId);
      },
    };
  }

  // ─── Agents ─────────────────────────────────────────────────────────────────────────────────

  accept(sessionId: string): SessionRecord {
    const session = this.agentSession(sessionId);
    if (session.phase === 'active') return session;
    if (session.phase === 'ended') throw new CenterError('conflict', 'The call has already ended.');
    if (session.phase !== 'ringing') {
      // A person clicking accept on a waiting call takes it with any free seat.
      const seat = this.freeSeat(session);
      if (!seat) throw new CenterError('conflict', 'No free seat to take the call.');
      this.ring(session, seat);
    }
    this.clearTimer(session);
    session.phase = 'active';
    session.acceptedAt = Date.now();
    this.emit(session, { type: 'accepted', seatName: this.options.callerSeatName(session.seatName) });
    this.changed();
    return session;
  }

  hangUpByAgent(sessionId: string): SessionRecord {
    const session = this.agentSession(sessionId);
    if (session.phase !== 'ended') this.end(session, 'seat', session.phase === 'active' ? 'ok' : 'noSeatOnline');
    return session;
  }

  /** Transfers the call to a skill group with nobody online: it ends as `noSeatOnline`. */
  transferToNoAgent(sessionId: string): SessionRecord {
    const session = this.agentSession(sessionId);
    if (session.phase !== 'ended') this.end(session, 'admin', 'noSeatOnline');
    return session;
  }

  settings(): { autoAnswerMs: number | null; seats: Array<{ name: string; online: boolean; busy: boolean }> } {
    return {
      autoAnswerMs: this.options.autoAnswerMs,
      seats: this.seats.map((s) => ({ name: s.name, online: s.online, busy: s.sessionId !== null })),
    };
  }

  updateSettings(body: Record<string, unknown>): void {
    if ('autoAnswerMs' in body) {
      const value = body.autoAnswerMs;
      if (value !== null && (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 600000)) {
        throw new CenterError('invalid-argument', 'autoAnswerMs must be null or 0..600000.');
      }
      this.options.autoAnswerMs = value as number | null;
    }
    if ('seatsOnline' in body) {
      if (typeof body.seatsOnline !== 'boolean') throw new CenterError('invalid-argument', 'seatsOnline must be a boolean.');
      for (const seat of this.seats) seat.online = body.seatsOnline;
    }
    this.dispatch();
    this.changed();
  }

  list(): SessionSummary[] {
    const live = Array.from(this.sessions.values());
    return [...live, ...this.recent].map((s) => ({
      sessionId: s.sessionId,
      userId: s.userId,
      channelId: s.channel.id,
      channelName: s.channel.name,
      media: s.media,
      phase: s.phase,
      seatName: s.seatName,
      digits: s.digits,
      createdAt: s.createdAt,
      acceptedAt: s.acceptedAt,
      endedAt: s.endedAt,
      end: s.end,
      queuePosition: s.phase === 'queued' ? this.queue.indexOf(s.sessionId) + 1 : null,
      roomId: s.rtc.type === 'trtc' ? s.rtc.roomId : null,
    }));
  }

  liveCount(): number {
    return this.sessions.size;
  }

  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  dispose(): void {
    for (const session of this.sessions.values()) this.clearTimer(session);
    for (const log of this.logs.values()) if (log.graceTimer) clearTimeout(log.graceTimer);
    this.changeListeners.clear();
  }

  // ─── Internals ──────────────────────────────────────────────────────────────────────────────

  private ownSession(user: User, sessionId: string): SessionRecord {
    const session = this.sessions.get(sessionId) ?? this.recent.find((s) => s.sessionId === sessionId);
    if (!session || session.userId !== user.userId) throw new CenterError('not-found', `No call "${sessionId.slice(0, 64)}" for this caller.`);
    return session;
  }

  private agentSession(sessionId: string): SessionRecord {
    const session = this.sessions.get(sessionId) ?? this.recent.find((s) => s.sessionId === sessionId);
    if (!session) throw new CenterError('not-found', `No call "${sessionId.slice(0, 64)}".`);
    return session;
  }

  private liveSessionOf(userId: string): SessionRecord | undefined {
    for (const session of this.sessions.values()) if (session.userId === userId) return session;
    return undefined;
  }

  private enqueue(session: SessionRecord): void {
    this.clearTimer(session);
    if (!this.seats.some((seat) => seat.online)) {
      this.end(session, 'admin', 'noSeatOnline');
      return;
    }
    session.phase = 'queued';
    session.seatName = '';
    if (!this.queue.includes(session.sessionId)) this.queue.push(session.sessionId);
    this.emit(session, { type: 'queued', position: this.queue.indexOf(session.sessionId) + 1 });
    this.dispatch();
    this.changed();
  }

  private freeSeat(session: SessionRecord): Seat | undefined {
    const free = this.seats.filter((seat) => seat.online && seat.sessionId === null);
    return free.find((seat) => !session.declinedBy.has(seat.name)) ?? free[0];
  }

  /** Rings free seats for the calls at the head of the queue. */
  private dispatch(): void {
    for (const sessionId of Array.from(this.queue)) {
      const session = this.sessions.get(sessionId);
      if (!session) continue;
      const seat = this.freeSeat(session);
      if (!seat) break;
      this.ring(session, seat);
    }
  }

  private ring(session: SessionRecord, seat: Seat): void {
    this.removeFromQueue(session);
    seat.sessionId = session.sessionId;
    session.phase = 'ringing';
    session.seatName = seat.name;
    this.emit(session, { type: 'ringing', seatName: this.options.callerSeatName(seat.name) });
    const { autoAnswerMs, ringTimeoutMs } = this.options;
    // A seat set to answer by itself does, however long its delay: the ring timeout is for a person who does not click.
    if (autoAnswerMs !== null) {
      this.schedule(session, autoAnswerMs, () => this.accept(session.sessionId));
    } else {
      this.schedule(session, ringTimeoutMs, () => {
        session.declinedBy.add(seat.name);
        seat.sessionId = null;
        this.enqueue(session);
      });
    }
    this.changed();
  }

  private end(session: SessionRecord, closeBy: CloseBy, reason: EndReason): void {
    if (session.phase === 'ended') return;
    this.clearTimer(session);
    this.removeFromQueue(session);
    for (const seat of this.seats) if (seat.sessionId === session.sessionId) seat.sessionId = null;
    session.phase = 'ended';
    session.endedAt = Date.now();
    session.end = { closeBy, endStatus: EndStatus[reason], reason };
    this.sessions.delete(session.sessionId);
    this.liveByAddress.release(session.address);
    this.recent.unshift(session);
    for (const forgotten of this.recent.splice(RECENT_LIMIT)) this.sessionTokens.delete(forgotten.sessionToken);
    this.emit(session, { type: 'ended', ...session.end });
    this.dispatch();
    this.changed();
  }

  private removeFromQueue(session: SessionRecord): void {
    const index = this.queue.indexOf(session.sessionId);
    if (index >= 0) this.queue.splice(index, 1);
  }

  private emit(session: SessionRecord, body: DistributiveOmit<CallEvent, 'seq' | 'sessionId' | 'at'>): void {
    const log = this.log(session.userId);
    log.seq += 1;
    const event = { ...body, seq: log.seq, sessionId: session.sessionId, at: Date.now() } as CallEvent;
    log.events.push(event);
    if (log.events.length > this.options.replayBuffer) log.events.splice(0, log.events.length - this.options.replayBuffer);
    // One listener's failure (a socket that went away oddly) never keeps the event from the others.
    for (const listener of Array.from(log.listeners)) guarded(listener)(event);
  }

  private log(userId: string): UserLog {
    let log = this.logs.get(userId);
    if (!log) {
      log = { seq: 0, events: [], listeners: new Set(), graceTimer: null };
      this.logs.set(userId, log);
    }
    return log;
  }

  /** A caller with a live call must hold an event connection; without one for the grace period, the call ends. */
  private watchPresence(userId: string): void {
    const log = this.log(userId);
    if (log.listeners.size > 0 || log.graceTimer) return;
    log.graceTimer = setTimeout(
      guarded(() => {
        log.graceTimer = null;
        const session = this.liveSessionOf(userId);
        if (session && log.listeners.size === 0) this.end(session, 'admin', 'clientTimeout');
      }),
      this.options.clientGraceMs,
    );
    log.graceTimer.unref();
  }

  private schedule(session: SessionRecord, ms: number, action: () => void): void {
    this.clearTimer(session);
    session.timer = setTimeout(
      guarded(() => {
        session.timer = null;
        if (session.phase !== 'ended') action();
      }),
      ms,
    );
    session.timer.unref();
  }

  private clearTimer(session: SessionRecord): void {
    if (session.timer) clearTimeout(session.timer);
    session.timer = null;
  }

  /** Forgets the event logs of callers with no call and no connection, once there are many. */
  private pruneLogs(): void {
    if (this.logs.size < this.options.maxTokens) return;
    for (const [userId, log] of this.logs) {
      if (log.listeners.size === 0 && !this.liveSessionOf(userId)) this.logs.delete(userId);
    }
  }

  private changed(): void {
    for (const listener of Array.from(this.changeListeners)) guarded(listener)();
  }
}

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;
