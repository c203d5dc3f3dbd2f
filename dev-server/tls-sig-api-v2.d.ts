// tls-sig-api-v2 ships no declarations, and its package.json "main" names a file it does not ship.
declare module 'tls-sig-api-v2/TLSSigAPIv2' {
  export class Api {
    constructor(sdkAppId: number, secretKey: string);
    genUserSig(userId: string, expireSeconds: number): string;
    genPrivateMapKey(userId: string, expireSeconds: number, roomId: number, privilegeMap: number): string;
    genPrivateMapKeyWithStringRoomID(userId: string, expireSeconds: number, roomId: string, privilegeMap: number): string;
  }
}
