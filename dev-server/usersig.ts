import { randomInt } from 'node:crypto';
import { Api } from 'tls-sig-api-v2/TLSSigAPIv2';
import type { MediaKind, RtcDescriptor } from '../src/services/protocol';

/** UserSigs and room tickets live a day; a call never outlasts that. */
const USERSIG_TTL_SECONDS = 24 * 60 * 60;
/** TRTC numeric room ids are 1..4294967294. */
const MAX_ROOM_ID = 4294967294;

/** TRTC's privilege bits (tls-sig-api-v2's genPrivateMapKey). */
export const ROOM_PRIVILEGE = { create: 1, enter: 2, sendAudio: 4, receiveAudio: 8, sendVideo: 16, receiveVideo: 32 } as const;

/** What a caller may do in their own room: an audio call sends and receives audio; a video call video too. */
export function callerPrivileges(media: MediaKind): number {
  const { create, enter, sendAudio, receiveAudio, sendVideo, receiveVideo } = ROOM_PRIVILEGE;
  const audio = create | enter | sendAudio | receiveAudio;
  return media === 'video' ? audio | sendVideo | receiveVideo : audio;
}

/**
 * Real TRTC rooms: the simulator signs each caller's UserSig with the application's secret key, on the
 * server, as any production backend must, and a `privateMapKey` that lets that user into their own room
 * only (with "启用高级权限控制" on in the TRTC console, a UserSig alone enters no room). The key never
 * leaves this process.
 */
export function trtcMedia(config: { sdkAppId: number; secretKey: string }): (session: { userId: string; media: MediaKind }) => RtcDescriptor {
  const api = new Api(config.sdkAppId, config.secretKey);
  return ({ userId, media }) => {
    const roomId = randomInt(1, MAX_ROOM_ID);
    return {
      type: 'trtc',
      sdkAppId: config.sdkAppId,
      roomId,
      userId,
      userSig: api.genUserSig(userId, USERSIG_TTL_SECONDS),
      privateMapKey: api.genPrivateMapKey(userId, USERSIG_TTL_SECONDS, roomId, callerPrivileges(media)),
    };
  };
}
