import { DEFAULT_CHANNELS } from '../dev-server/channels';
import { startDevServer } from '../dev-server/server';
import type { SimulatorAgent } from './agent';
import { simulatorAgent } from './agent';

/** An IVR entry of the simulator: the `channelId` an app calls, and which calls it takes. */
export interface SimulatorChannel {
  id: string;
  name?: string;
  /** Default `both`. */
  media?: 'audio' | 'video' | 'both';
  /** False: calls end at once as `notWorkTime`. Default true. */
  open?: boolean;
  /** A spoken menu first: the caller presses `digits` keys before the call queues for an agent. */
  ivr?: { prompt: string; digits: number };
}

export interface SimulatorOptions {
  /** The entries it takes. Default: its own, `audio-support` (with an IVR: press 1), `video-support`, `support` and `after-hours` (closed). */
  channels?: SimulatorChannel[];
  /** The agents' names, one per seat. Default `Agent Lin` and `Agent Chen`. */
  seats?: string[];
}

/** A local contact center, on a free loopback port, for one test file. */
export interface Simulator {
  /** Its address, `http://127.0.0.1:<port>`: the `endpoint` the app calls. */
  url: string;
  /** Its agents: wait for a call, answer, hang up, transfer. */
  agent: SimulatorAgent;
  close(): Promise<void>;
}

/** The simulator's built-in entries, as `startSimulator` takes them by default. */
export const SIMULATOR_CHANNELS: readonly SimulatorChannel[] = DEFAULT_CHANNELS;

/**
 * Starts tccc-dev-server, the contact center of the open core, on 127.0.0.1 and a free port. Calls wait a
 * minute (not the usual 20–30 s) in the IVR and ringing, so a slow test machine never misses one.
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const server = await startDevServer({
    port: 0,
    host: '127.0.0.1',
    channels: options.channels?.map(channelOf),
    center: { ivrTimeoutMs: 60000, ringTimeoutMs: 60000, ...(options.seats ? { seats: options.seats } : {}) },
  });
  return { url: server.url, agent: simulatorAgent(server.url), close: () => server.close() };
}

function channelOf(channel: SimulatorChannel) {
  if (typeof channel?.id !== 'string' || channel.id.trim() === '') throw new Error(`startSimulator: each channel needs an id, got ${JSON.stringify(channel)}`);
  return { id: channel.id, name: channel.name ?? channel.id, media: channel.media ?? 'both', open: channel.open ?? true, ivr: channel.ivr };
}
