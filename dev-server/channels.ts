import fs from 'node:fs';
import type { MediaKind } from '../src/services/protocol';
import { StartupProblem } from './startup-problem';

/** An IVR entry (the `channelId` a mini program calls). */
export interface Channel {
  id: string;
  name: string;
  /** Which calls it takes. */
  media: MediaKind | 'both';
  /** False: calls end at once with `notWorkTime`. */
  open: boolean;
  /** Optional IVR: a prompt, then this many digits (or `#`) before the call queues. */
  ivr?: { prompt: string; digits: number };
}

export const DEFAULT_CHANNELS: Channel[] = [
  { id: 'audio-support', name: 'Audio support', media: 'audio', open: true, ivr: { prompt: 'Press 1 for orders, 2 for anything else.', digits: 1 } },
  { id: 'video-support', name: 'Video support', media: 'video', open: true },
  // For apps that offer both (the scaffolder's `full` template): voice and video on one channel.
  { id: 'support', name: 'Support', media: 'both', open: true },
  { id: 'after-hours', name: 'After hours', media: 'both', open: false },
];

/** Reads a channels file: a JSON array of channels. Every field is checked; a StartupProblem names the entry. */
export function loadChannels(file: string): Channel[] {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new StartupProblem({ code: 'channels-unreadable', file, detail: (error as Error).message });
  }
  if (!Array.isArray(raw) || raw.length === 0) throw new StartupProblem({ code: 'channels-empty', file });
  const seen = new Set<string>();
  return raw.map((entry: unknown, index) => {
    const where = { file, index: index + 1 };
    if (typeof entry !== 'object' || entry === null) throw new StartupProblem({ code: 'channel-not-object', ...where });
    const c = entry as Record<string, unknown>;
    if (typeof c.id !== 'string' || !c.id.trim() || c.id.length > 64) throw new StartupProblem({ code: 'channel-bad-id', ...where });
    if (seen.has(c.id)) throw new StartupProblem({ code: 'channel-duplicate-id', ...where, id: c.id });
    seen.add(c.id);
    const media = c.media ?? 'both';
    if (media !== 'audio' && media !== 'video' && media !== 'both') throw new StartupProblem({ code: 'channel-bad-media', ...where });
    let ivr: Channel['ivr'];
    if (c.ivr !== undefined) {
      const v = c.ivr as Record<string, unknown>;
      if (typeof v !== 'object' || v === null || typeof v.prompt !== 'string' || !Number.isInteger(v.digits) || (v.digits as number) < 1 || (v.digits as number) > 32) {
        throw new StartupProblem({ code: 'channel-bad-ivr', ...where });
      }
      ivr = { prompt: v.prompt as string, digits: v.digits as number };
    }
    return { id: c.id, name: typeof c.name === 'string' ? c.name : c.id, media, open: c.open !== false, ivr };
  });
}
