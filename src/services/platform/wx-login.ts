import { withTimeout } from '../async';
import { ErrorCode, TcccError } from '../errors';

/** How long `wx.login` may take before the SDK stops waiting for it. */
export const WX_LOGIN_TIMEOUT_MS = 10000;

/** A fresh code from `wx.login`, for the backend's login; rejects with a TcccError, always within the timeout. */
export function wxLoginCode(): Promise<string> {
  const code = new Promise<string>((resolve, reject) => {
    wx.login({
      success: ({ code }) => (code ? resolve(code) : reject(new TcccError(ErrorCode.LoginExpired, 'wx.login gave no code; call login yourself.'))),
      fail: ({ errMsg }) => reject(new TcccError(ErrorCode.LoginExpired, `Could not log in again: ${errMsg}.`)),
    });
  });
  return withTimeout(code, WX_LOGIN_TIMEOUT_MS, 'wx.login');
}
