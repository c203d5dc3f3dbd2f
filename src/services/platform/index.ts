import { BackendClient } from '../backend-client';
import { CallController } from '../call-controller';
import { registerWebSocketSignaling } from '../event-stream';
import { SimulatedMedia } from '../media';
import { createSignaling } from '../signaling';
import { TokenStore } from '../token-store';
import { isDevTools, warnDevToolsOnce, wxConnectivity } from './environment';
import { wxPermissions } from './permissions';
import type { MediaHost } from './trtc-media';
import { TrtcMedia } from './trtc-media';
import { wxStorage } from './wx-storage';
import { wxTransport } from './wx-transport';

registerWebSocketSignaling(wxTransport, undefined, wxConnectivity);

export const tokenStore = new TokenStore(wxStorage);

export function backendFor(endpoint: string): BackendClient {
  return new BackendClient(endpoint, wxTransport);
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
