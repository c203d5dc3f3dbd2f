/**
 * Opt-in IM signaling: `require('tccc-wx-sdk/im')` once in app.js when your backend signals calls through
 * Tencent Cloud IM (`signaling.type === 'tim'`). Apps that do not require this file carry no tim-wx-sdk.
 */
import TIM from 'tim-wx-sdk';
import { registerSignaling } from '../services/signaling';
import { TimSignaling } from './tim-signaling';

registerSignaling('tim', (descriptor, _token, callbacks) => new TimSignaling(TIM, descriptor, callbacks));

export { TimSignaling };
