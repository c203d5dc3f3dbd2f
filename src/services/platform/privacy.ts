import { ErrorCode, TcccError } from '../errors';

export type Scope = 'scope.record' | 'scope.camera';

/** How the scopes are named in the messages, and in WeChat's privacy guide (用户隐私保护指引). */
const SCOPE_NAMES: Record<Scope, { en: string; guide: string }> = {
  'scope.record': { en: 'microphone', guide: '麦克风' },
  'scope.camera': { en: 'camera', guide: '摄像头' },
};

export function scopeName(scope: Scope): string {
  return SCOPE_NAMES[scope].en;
}

const GUIDE_PATH = '微信公众平台 → 设置 → 服务内容声明 → 用户隐私保护指引';

/**
 * WeChat's errno for a privacy interface called before the user agreed to the privacy guide: 104 when
 * nothing asked the user, 103 when the user refused. 112: the guide does not declare the interface.
 */
const NOT_AGREED_ERRNOS = new Set([103, 104]);
const UNDECLARED_ERRNO = 112;

export type PrivacyFailure = 'not-agreed' | 'undeclared';

interface WxFailure {
  errMsg?: unknown;
  errno?: unknown;
}

/**
 * Which privacy rule a WeChat API failure broke. WeChat's errMsg says it in words; errno 103/104 are read
 * only when there is no errMsg, since other failures (a refused scope) may share those numbers.
 */
export function privacyFailureOf(failure: unknown): PrivacyFailure | null {
  if (!failure || typeof failure !== 'object') return null;
  const { errMsg, errno } = failure as WxFailure;
  const message = typeof errMsg === 'string' ? errMsg : '';
  if (errno === UNDECLARED_ERRNO || /not declared in the privacy agreement/i.test(message)) return 'undeclared';
  if (/privacy permission is not authorized/i.test(message)) return 'not-agreed';
  if (message === '' && typeof errno === 'number' && NOT_AGREED_ERRNOS.has(errno)) return 'not-agreed';
  return null;
}

function errnoOf(failure: unknown): number | undefined {
  const errno = failure && typeof failure === 'object' ? (failure as WxFailure).errno : undefined;
  return typeof errno === 'number' ? errno : undefined;
}

/** `privacy-not-authorized`, with what the developer has to do for this case. */
export function privacyError(kind: PrivacyFailure, scopes: Scope[], failure?: unknown): TcccError {
  const names = scopes.map(scopeName).join(' and ');
  const declarations = scopes.map((scope) => SCOPE_NAMES[scope].guide).join(' / ');
  const errno = errnoOf(failure);
  const detail = { scope: scopes[0], privacy: kind, ...(errno === undefined ? {} : { errno }) };
  if (kind === 'undeclared') {
    return new TcccError(
      ErrorCode.PrivacyNotAuthorized,
      `WeChat disabled the ${names} because this mini program's privacy guide does not declare it (${GUIDE_PATH}: declare ${declarations}). Once the updated guide is approved, start the call again.`,
      detail,
    );
  }
  return new TcccError(
    ErrorCode.PrivacyNotAuthorized,
    `The user has not agreed to this mini program's privacy guide, which WeChat requires before the ${names} can be used. Declare ${declarations} in ${GUIDE_PATH}, and show a consent on the page: <tccc-privacy-consent> (the call screen includes it) or a <button open-type="agreePrivacyAuthorization"> answering wx.onNeedPrivacyAuthorization. Then start the call again.`,
    detail,
  );
}

/** Base library 2.32.3 and later: the privacy APIs exist. Older ones have no privacy check at all. */
function hasPrivacyApis(): boolean {
  return typeof wx.getPrivacySetting === 'function' && typeof wx.requirePrivacyAuthorize === 'function';
}

/** Whether WeChat still waits for the user's agreement to the privacy guide. A failed query says no: authorize will tell. */
function needsAuthorization(): Promise<boolean> {
  return new Promise((resolve) => {
    wx.getPrivacySetting({
      success: (res) => resolve(res.needAuthorization === true),
      fail: () => resolve(false),
    });
  });
}

/**
 * Before the microphone or camera is asked for: when the user has not agreed to the privacy guide yet,
 * `wx.requirePrivacyAuthorize` raises the app's consent (wx.onNeedPrivacyAuthorization, e.g. the kit's
 * `tccc-privacy-consent`) and resolves once the user agrees. Rejects with `privacy-not-authorized`.
 * On base libraries without the privacy APIs it resolves at once.
 */
export function ensurePrivacyConsent(scopes: Scope[]): Promise<void> {
  if (!hasPrivacyApis()) return Promise.resolve();
  return needsAuthorization().then((needed) => {
    if (!needed) return;
    return new Promise<void>((resolve, reject) => {
      wx.requirePrivacyAuthorize({
        success: () => resolve(),
        fail: (failure: unknown) => reject(privacyError(privacyFailureOf(failure) ?? 'not-agreed', scopes, failure)),
      });
    });
  });
}
