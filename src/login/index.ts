import { asPromise } from '../services/async';
import { configure as configureSdk, getConfig } from '../services/config';
import { ErrorCode, TcccError } from '../services/errors';
import { backendFor, tokenStore } from '../services/platform';
import { localDeadline } from '../services/token-store';
import type { LoginRequest } from '../services/protocol';
import { parseCheckLoginOptions, parseLoginOptions } from '../services/validate';

export { DEFAULT_ENDPOINT } from '../services/config';
export { ErrorCode, TcccError, isTcccError } from '../services/errors';

export interface LoginResult {
  userId: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/**
 * Sets the backend for login, checkLogin and calls. Call it once (app.js) before `login`;
 * the default is the local simulator, `DEFAULT_ENDPOINT`. With `autoLogin: true`, a call that finds the
 * login expired logs in again by itself (`wx.login` + `login`, once) and retries the start.
 */
export function configure(options: { endpoint?: string; autoLogin?: boolean }): void {
  if (typeof options !== 'object' || options === null) {
    throw new TcccError(ErrorCode.InvalidArgument, 'configure expects an options object like { endpoint, autoLogin }.', { argument: 'options' });
  }
  configureSdk(options);
}

/** Logs in to TCCC with the code from `wx.login`; the token is kept for `sdkAppId`. */
export function login(options: LoginRequest): Promise<LoginResult> {
  return asPromise(() => {
    const request = parseLoginOptions(options);
    const { endpoint } = getConfig();
    return backendFor(endpoint)
      .login(request)
      .then(({ token, userId, expiresAt, serverTime }) => {
        const localExpiresAt = localDeadline(expiresAt, serverTime, tokenStore.currentTime());
        tokenStore.save(request.sdkAppId, { token, userId, expiresAt, endpoint, localExpiresAt });
        return { userId, expiresAt };
      });
  });
}

/**
 * Resolves true when a login for `sdkAppId` exists and the server still accepts it, false when it is
 * missing or expired (log in again). Rejects only when the server cannot be asked.
 */
export function checkLogin(options: { sdkAppId: string }): Promise<boolean> {
  return asPromise(() => {
    const { sdkAppId } = parseCheckLoginOptions(options);
    const stored = tokenStore.get(sdkAppId);
    if (!stored || stored.endpoint !== getConfig().endpoint) return false;
    if (tokenStore.isExpired(stored)) {
      tokenStore.clear(sdkAppId);
      return false;
    }
    return backendFor(stored.endpoint)
      .checkLogin(stored.token)
      .then(({ expiresAt, serverTime }) => {
        // The server may have extended the session: keep its expiry.
        const shifted = stored.localExpiresAt === undefined ? undefined : stored.localExpiresAt + (expiresAt - stored.expiresAt);
        const localExpiresAt = localDeadline(expiresAt, serverTime, tokenStore.currentTime()) ?? shifted;
        // Unless a logout or another login replaced it meanwhile.
        if (tokenStore.get(sdkAppId)?.token === stored.token) tokenStore.save(sdkAppId, { ...stored, expiresAt, localExpiresAt });
        return true;
      })
      .catch((error: unknown) => {
        if (error instanceof TcccError && error.code === ErrorCode.LoginExpired) {
          tokenStore.clear(sdkAppId);
          return false;
        }
        throw error;
      });
  });
}

/** Forgets the login for `sdkAppId` on this device. */
export function logout(options: { sdkAppId: string }): void {
  tokenStore.clear(parseCheckLoginOptions(options).sdkAppId);
}
