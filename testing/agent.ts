import type { SessionSummary } from '../dev-server/contact-center';
import { httpJson } from './http';
import { waitFor } from './wait';

/** A call as the agent's side sees it. */
export interface AgentCall {
  sessionId: string;
  /** The IVR entry the app called (`channelId` of its config). */
  channelId: string;
  media: 'audio' | 'video';
  /** `ivr` (the caller is choosing), `queued`, `ringing` (for an agent), `active` (talking) or `ended`. */
  phase: 'ivr' | 'queued' | 'ringing' | 'active' | 'ended';
  /** The agent who answered; '' before. */
  seatName: string;
  /** The keys the caller pressed. */
  digits: string;
  /** How it ended (`closeBy` `user`, `seat` or `admin`, TCCC's `endStatus` and its name); null while it lasts. */
  end: { closeBy: 'user' | 'seat' | 'admin'; endStatus: number; reason: string } | null;
}

/** The agent's side of the contact center, as a test plays it. */
export interface Agent {
  /** Every call the contact center has seen, oldest first. */
  calls(): Promise<AgentCall[]>;
  /** Resolves the first call ringing for an agent; rejects after `timeoutMs` (default 10 s) naming what there is instead. */
  waitForCall(options?: { timeoutMs?: number }): Promise<AgentCall>;
  /** Answers it. */
  accept(call: AgentCall | string): Promise<AgentCall>;
  /** Hangs up from the agent's side (`closeBy: 'seat'`). */
  hangUp(call: AgentCall | string): Promise<AgentCall>;
  /** Transfers it to a skill group with nobody online: the call ends, `closeBy: 'admin'`, `noSeatOnline` where the core reports it. */
  transferToNoSeat(call: AgentCall | string): Promise<AgentCall>;
}

/** What the simulator's settings are: the seats' auto-answer delay (null: a person answers) and each seat. */
export interface SimulatorSettings {
  autoAnswerMs: number | null;
  seats: Array<{ name: string; online: boolean; busy: boolean }>;
}

/** The simulator's agent, through the agent API its console uses. */
export interface SimulatorAgent extends Agent {
  /** Changes the simulator's settings (`PUT /agent/settings`: `seatsOnline`, `autoAnswerMs`); resolves them as they are then. */
  settings(changes: Partial<{ seatsOnline: boolean; autoAnswerMs: number | null }>): Promise<SimulatorSettings>;
}

export const DEFAULT_WAIT_MS = 10000;

export const isRinging = (call: AgentCall): boolean => call.phase === 'ringing';

export const idOf = (call: AgentCall | string): string => (typeof call === 'string' ? call : call.sessionId);

/** Describes what the agent can see, for a failed wait. */
export function describeCalls(calls: AgentCall[]): string {
  if (calls.length === 0) return 'no call reached the contact center at all (did the page place one? is the channelId one it has?)';
  return `the contact center has: ${calls.map((call) => `${call.channelId} ${call.media} ${call.phase}${call.end ? ` (${call.end.reason})` : ''}`).join(', ')}`;
}

/** The agent of a tccc-dev-server at `baseUrl` (one `startSimulator` started, or `npm run simulator`'s). */
export function simulatorAgent(baseUrl: string): SimulatorAgent {
  const toCall = (summary: SessionSummary): AgentCall => summary;
  const post = async (call: AgentCall | string, action: string) => {
    const res = await httpJson('POST', `${baseUrl}/agent/sessions/${encodeURIComponent(idOf(call))}/${action}`);
    if (res.status !== 200) throw new Error(`The agent could not ${action} call ${idOf(call)}: ${res.status} ${JSON.stringify(res.body)}`);
    return toCall(res.body as SessionSummary);
  };
  const calls = async () => ((await httpJson('GET', `${baseUrl}/agent/sessions`)).body.sessions as SessionSummary[]).map(toCall);
  return {
    calls,
    async waitForCall({ timeoutMs = DEFAULT_WAIT_MS } = {}) {
      let seen: AgentCall[] = [];
      await waitFor(async () => (seen = await calls()).some(isRinging), 'a call to ring for the agent', timeoutMs, () => describeCalls(seen));
      return seen.find(isRinging)!;
    },
    accept: (call) => post(call, 'accept'),
    hangUp: (call) => post(call, 'hangup'),
    transferToNoSeat: (call) => post(call, 'transfer-no-agent'),
    settings: async (changes) => (await httpJson('PUT', `${baseUrl}/agent/settings`, changes)).body as SimulatorSettings,
  };
}
