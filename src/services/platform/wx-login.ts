import { ErrorCode, TcccError } from '../errors';

/** How long `wx.login` may take before the SDK stops waiting for it. */
export const WX_LOGIN_TIMEOUT_MS = 10000;

/** A fresh code from `wx.login`, for the backend's login; rejects with a TcccError, always within the timeout. */
export function wxLoginCode(): Promise<string> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(guard);
      action();
    };
    const guard = setTimeout(
      () => settle(() => reject(new TcccError(ErrorCode.Timeout, `wx.login did not answer within ${WX_LOGIN_TIMEOUT_MS} ms.`))),
      WX_LOGIN_TIMEOUT_MS,
    );
    wx.login({
      success: ({ code }) =>
        settle(() => (code ? resolve(code) : reject(new TcccError(ErrorCode.LoginExpired, 'wx.login gave no code; call login yourself.')))),
      fail: ({ errMsg }) => settle(() => reject(new TcccError(ErrorCode.LoginExpired, `Could not log in again: ${errMsg}.`))),
    });
  });
}
