import type { Permissions } from '../call-controller';
import { ErrorCode, TcccError } from '../errors';
import type { MediaKind } from '../protocol';

type Scope = 'scope.record' | 'scope.camera';

const SCOPE_NAMES: Record<Scope, string> = { 'scope.record': 'microphone', 'scope.camera': 'camera' };

function denied(scope: Scope): TcccError {
  return new TcccError(
    ErrorCode.PermissionDenied,
    `The ${SCOPE_NAMES[scope]} permission (${scope}) was refused. Ask the user to allow it with wx.openSetting (from a tap), then start the call again.`,
    { scope },
  );
}

function authorize(scope: Scope): Promise<void> {
  return new Promise((resolve, reject) => {
    wx.authorize({ scope, success: () => resolve(), fail: () => reject(denied(scope)) });
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
 * (`wx.authorize` fails at once), so the error says how to recover instead of asking in a loop.
 */
export const wxPermissions: Permissions = {
  async ensure(kind: MediaKind) {
    const scopes: Scope[] = kind === 'video' ? ['scope.record', 'scope.camera'] : ['scope.record'];
    const setting = await currentSetting();
    for (const scope of scopes) {
      if (setting[scope] === true) continue;
      if (setting[scope] === false) throw denied(scope);
      await authorize(scope);
    }
  },
};
