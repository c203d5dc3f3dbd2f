import fs from 'node:fs';
import type { MediaKind } from '../src/services/protocol';

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

function fail(file: string, message: string): never {
  throw new Error(`${file}: ${message}`);
}

/** Reads a channels file: a JSON array of channels. Every field is checked, with the entry named on error. */
export function loadChannels(file: string): Channel[] {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    fail(file, `cannot read it as JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(raw) || raw.length === 0) fail(file, 'expected a non-empty JSON array of channels');
  const seen = new Set<string>();
  return raw.map((entry: unknown, index) => {
    const where = `channel #${index + 1}`;
    if (typeof entry !== 'object' || entry === null) fail(file, `${where} is not an object`);
    const c = entry as Record<string, unknown>;
    if (typeof c.id !== 'string' || !c.id.trim() || c.id.length > 64) fail(file, `${where}: "id" must be a non-empty string of at most 64 characters`);
    if (seen.has(c.id)) fail(file, `${where}: duplicate id "${c.id}"`);
    seen.add(c.id);
    const media = c.media ?? 'both';
    if (media !== 'audio' && media !== 'video' && media !== 'both') fail(file, `${where}: "media" must be audio, video or both`);
    let ivr: Channel['ivr'];
    if (c.ivr !== undefined) {
      const v = c.ivr as Record<string, unknown>;
      if (typeof v !== 'object' || v === null || typeof v.prompt !== 'string' || !Number.isInteger(v.digits) || (v.digits as number) < 1 || (v.digits as number) > 32) {
        fail(file, `${where}: "ivr" must be { "prompt": string, "digits": 1..32 }`);
      }
      ivr = { prompt: v.prompt as string, digits: v.digits as number };
    }
    return { id: c.id, name: typeof c.name === 'string' ? c.name : c.id, media, open: c.open !== false, ivr };
  });
}
