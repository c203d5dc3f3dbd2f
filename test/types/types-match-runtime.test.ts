/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import type * as Contract from '../../src/common/contract';
import type { CallScreen } from '../../src/components/call-screen/api';
import type { Keypad } from '../../src/components/keypad/api';
import type { TcccSdk } from '../../src/components/tccc-wx-sdk/api';
import type * as Protocol from '../../src/services/protocol';
import type * as Machine from '../../src/services/session-machine';
import { renderSdkPage } from '../support/sdk-host';
import { renderInHost } from '../support/ui-host';
import type { WxRuntime } from '../../testing';
import { installWxRuntime } from '../../testing';

/** Compiles only when A and B are the same type. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
function same<A, B>(proof: Same<A, B>): Same<A, B> {
  return proof;
}

/** Every key of T, listed once at run time; compiles only when the list is complete. */
function allKeys<T>() {
  return <K extends readonly (keyof T)[]>(...keys: K & ([Exclude<keyof T, K[number]>] extends [never] ? unknown : never)) => keys;
}

const TCCC_SDK_METHODS = allKeys<TcccSdk>()(
  'startCall', 'startSession', 'endCall', 'endSession', 'sendDigits', 'setSoundMode', 'muteAudio', 'unmuteAudio',
  'unmnuteAudio', 'switchCamera', 'disableCamera', 'enableCamera', 'getState',
);

test('the documented contract the kit is typed by says what the core says', () => {
  // The kit cannot import the core's types (it runs on Tencent's core too), so the unions live twice.
  expect(same<Contract.CloseBy, Protocol.CloseBy>(true)).toBe(true);
  expect(same<Contract.EndReason, Protocol.EndReason>(true)).toBe(true);
  expect(same<Contract.EndStatus, Protocol.EndStatus>(true)).toBe(true);
  expect(same<Contract.MediaKind, Protocol.MediaKind>(true)).toBe(true);
  expect(same<Contract.SoundMode, Machine.SoundMode>(true)).toBe(true);
});

describe('every method a type names is there at run time', () => {
  let wx: WxRuntime;
  beforeEach(() => {
    wx = installWxRuntime();
  });
  afterEach(() => wx.restore());

  test('TcccSdk: the built root component', () => {
    const { sdk } = renderSdkPage({ sdkAppId: '1400000000' });
    const instance = sdk() as unknown as Record<string, unknown>;
    expect(TCCC_SDK_METHODS.filter((name) => typeof instance[name] !== 'function')).toEqual([]);
    expect(TCCC_SDK_METHODS).toHaveLength(13);
  });

  test('CallScreen and Keypad: the built kit components', () => {
    const methods = { 'call-screen': allKeys<CallScreen>()('start', 'hangUp'), keypad: allKeys<Keypad>()('clear') };
    for (const [name, names] of Object.entries(methods)) {
      const instance = renderInHost(name).page.querySelector('#subject')!.instance;
      expect(names.filter((method) => typeof instance[method] !== 'function')).toEqual([]);
    }
  });
});
