import { asPromise } from '../async';
import { BackendClient } from '../backend-client';
import { CallController } from '../call-controller';
import { registerWebSocketSignaling } from '../event-stream';
import { getConfig } from '../config';
import { SimulatedMedia } from '../media';
import { createSignaling } from '../signaling';
import { TokenStore } from '../token-store';
import { isDevTools, warnDevToolsOnce, wxConnectivity } from './environment';
import { wxPermissions } from './permissions';
import type { MediaHost } from './trtc-media';
import { TrtcMedia } from './trtc-media';
import { wxStorage } from './wx-storage';
import { wxLoginCode } from './wx-login';
import { wxTransport } from './wx-transport';

registerWebSocketSignaling(wxTransport, undefined, wxConnectivity);

export const tokenStore = new TokenStore(wxStorage);

export function backendFor(endpoint: string): BackendClient {
  return new BackendClient(endpoint, wxTransport);
}

/**
 * `configure({ autoLogin: true })`: logs in again for `sdkAppId` with a fresh `wx.login` code, at the backend
 * that issued the expired login (else the configured one).
 */
function renewLogin(sdkAppId: string): Promise<void> {
  return asPromise(() => {
    const endpoint = tokenStore.get(sdkAppId)?.endpoint ?? getConfig().endpoint;
    return wxLoginCode()
      .then((jsCode) => backendFor(endpoint).login({ sdkAppId, jsCode }))
      .then((response) => tokenStore.save(sdkAppId, { ...response, endpoint }));
  });
}

export interface ControllerHost {
  sdkAppId(): string;
  mediaHost: MediaHost;
  /** Told about each TRTC media session, so element events can reach it; null when it ends. */
  onMedia(media: TrtcMedia | null): void;
}

/** A CallController wired to the WeChat runtime. */
export function createCallController(host: ControllerHost): CallController {
  return new CallController({
    sdkAppId: host.sdkAppId,
    tokens: tokenStore,
    backendFor,
    permissions: wxPermissions,
    renewLogin: (sdkAppId) => (getConfig().autoLogin ? renewLogin(sdkAppId) : null),
    createSignaling,
    createMedia: (rtc, callbacks) => {
      if (rtc.type !== 'trtc') return new SimulatedMedia();
      if (isDevTools()) {
        warnDevToolsOnce();
        return new SimulatedMedia();
      }
      const media = new TrtcMedia(rtc, callbacks, host.mediaHost);
      host.onMedia(media);
      return media;
    },
  });
}
