import type { Permissions } from '../call-controller';
import { ErrorCode, TcccError } from '../errors';
import type { MediaKind } from '../protocol';
import type { Scope } from './privacy';
import { ensurePrivacyConsent, privacyError, privacyFailureOf, scopeName } from './privacy';

function denied(scope: Scope): TcccError {
  return new TcccError(
    ErrorCode.PermissionDenied,
    `The ${scopeName(scope)} permission (${scope}) was refused. Ask the user to allow it with wx.openSetting (from a tap), then start the call again.`,
    { scope },
  );
}

/** A failed wx.authorize: WeChat's privacy rules (errno 103/104/112), else the user's refusal of the scope. */
function authorize(scope: Scope): Promise<void> {
  return new Promise((resolve, reject) => {
    wx.authorize({
      scope,
      success: () => resolve(),
      fail: (failure: unknown) => {
        const privacy = privacyFailureOf(failure);
        reject(privacy ? privacyError(privacy, [scope], failure) : denied(scope));
      },
    });
  });
}

function currentSetting(): Promise<Record<string, boolean | undefined>> {
  return new Promise((resolve) => {
    wx.getSetting({
      success: (res) => resolve(res.authSetting as Record<string, boolean | undefined>),
      fail: () => resolve({}),
    });
  });
}

/**
 * Microphone for every call, camera too for video. A scope refused before is not asked again by WeChat
 * (`wx.authorize` fails at once), so the error says how to recover instead of asking in a loop; it is
 * checked first, so the user is not asked to agree to the privacy guide for a call that cannot start.
 * Then the privacy guide (base library 2.32.3+), then each scope not granted yet.
 */
export const wxPermissions: Permissions = {
  ensure(kind: MediaKind) {
    const scopes: Scope[] = kind === 'video' ? ['scope.record', 'scope.camera'] : ['scope.record'];
    return currentSetting().then((setting) => {
      const refused = scopes.find((scope) => setting[scope] === false);
      if (refused) throw denied(refused);
      return ensurePrivacyConsent(scopes).then(() => authorizeEach(scopes.filter((scope) => setting[scope] !== true)));
    });
  },
};

/** One scope after the other: WeChat shows one dialog at a time. */
function authorizeEach(scopes: Scope[]): Promise<void> {
  return scopes.length === 0 ? Promise.resolve() : authorize(scopes[0]).then(() => authorizeEach(scopes.slice(1)));
}
