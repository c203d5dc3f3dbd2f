import { randomInt } from 'node:crypto';
import { Api } from 'tls-sig-api-v2/TLSSigAPIv2';
import type { MediaKind, RtcDescriptor } from '../src/services/protocol';

/** UserSigs live a day; a call never outlasts that. */
const USERSIG_TTL_SECONDS = 24 * 60 * 60;
/** TRTC numeric room ids are 1..4294967294. */
const MAX_ROOM_ID = 4294967294;

/**
 * Real TRTC rooms: the simulator signs each caller's UserSig with the application's secret key, on the
 * server, as any production backend must. The key never leaves this process.
 */
export function trtcMedia(config: { sdkAppId: number; secretKey: string }): (session: { userId: string; media: MediaKind }) => RtcDescriptor {
  const api = new Api(config.sdkAppId, config.secretKey);
  return ({ userId }) => ({
    type: 'trtc',
    sdkAppId: config.sdkAppId,
    roomId: randomInt(1, MAX_ROOM_ID),
    userId,
    userSig: api.genUserSig(userId, USERSIG_TTL_SECONDS),
  });
}

/** A UserSig for the agent side of a room (e.g. to join it from the TRTC web demo). */
export function agentUserSig(config: { sdkAppId: number; secretKey: string }, agentId: string): string {
  return new Api(config.sdkAppId, config.secretKey).genUserSig(agentId, USERSIG_TTL_SECONDS);
}
