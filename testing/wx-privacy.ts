/**
 * WeChat's privacy rules (base library 2.32.3+) for the test wx runtime. A privacy interface (here
 * wx.authorize of the microphone or camera, and wx.requirePrivacyAuthorize) called before the user agreed
 * to the app's privacy guide:
 * - with no wx.onNeedPrivacyAuthorization listener, fails at once: errno 104;
 * - with one, stays pending and calls it with `resolve`: `{ event: 'agree', buttonId }` lets the interface
 *   go on (and records the agreement), `{ event: 'disagree' }` fails it: errno 103.
 * A scope the guide does not declare fails with errno 112 whatever the user agreed to.
 */
type Scope = 'scope.record' | 'scope.camera';

export interface PrivacyOptions {
  /** Whether the user agreed to the privacy guide before the test. Default false. */
  agreed?: boolean;
  /** What wx.getPrivacySetting names the guide. */
  contractName?: string;
  /** Scopes the guide does not declare. */
  undeclared?: Scope[];
}

type Failure = { errMsg: string; errno: number };
type Resolution = { event?: unknown; buttonId?: unknown };
type Listener = (resolve: (result: Resolution) => void, info: { referrer: string }) => void;
type Callbacks<T> = { success?: (res: T) => void; fail?: (err: Failure) => void; complete?: () => void };

export interface PrivacyState {
  agreed: boolean;
  /** Each time the listener was called, the interface that needed the agreement. */
  requests: string[];
  /** Requests the listener has not resolved yet. */
  pending: number;
  /** resolve({ event: 'exposureAuthorization' }) calls. */
  exposures: number;
  /** The buttonId of each agreement. */
  agreedWith: string[];
  /** wx.openPrivacyContract calls. */
  contractOpened: number;
  hasListener(): boolean;
}

export interface WxPrivacy {
  state: PrivacyState;
  /** The wx.* functions of the privacy APIs. */
  api: Record<string, unknown>;
  /** Runs `proceed` once privacy allows `api` (for `scope`), else fails the way WeChat does. */
  guard(api: string, scope: Scope | null, proceed: () => void, fail: ((err: Failure) => void) | undefined): void;
}

export function wxPrivacy(options: PrivacyOptions, later: (fn: () => void) => void): WxPrivacy {
  let listener: Listener | null = null;
  const undeclared = new Set(options.undeclared ?? []);
  const state: PrivacyState = {
    agreed: options.agreed ?? false,
    requests: [],
    pending: 0,
    exposures: 0,
    agreedWith: [],
    contractOpened: 0,
    hasListener: () => listener !== null,
  };
  const failure = (api: string, errno: number, reason: string): Failure => ({ errMsg: `${api}:fail ${reason}`, errno });

  function guard(api: string, scope: Scope | null, proceed: () => void, fail: ((err: Failure) => void) | undefined): void {
    if (scope && undeclared.has(scope)) return fail?.(failure(api, 112, 'api scope is not declared in the privacy agreement'));
    if (state.agreed) return proceed();
    const current = listener;
    if (!current) return fail?.(failure(api, 104, 'privacy permission is not authorized'));
    state.requests.push(api);
    state.pending++;
    let settled = false;
    const resolve = (result: Resolution) => {
      if (settled || result?.event === 'exposureAuthorization') {
        if (!settled) state.exposures++;
        return;
      }
      settled = true;
      state.pending--;
      // WeChat checks the agreement came from a tapped agreePrivacyAuthorization button, named by its id.
      if (result?.event === 'agree' && typeof result.buttonId === 'string' && result.buttonId !== '') {
        state.agreed = true;
        state.agreedWith.push(result.buttonId);
        later(proceed);
      } else {
        later(() => fail?.(failure(api, 103, 'privacy permission is not authorized')));
      }
    };
    later(() => current(resolve, { referrer: api }));
  }

  const api = {
    getPrivacySetting: ({ success }: Callbacks<{ needAuthorization: boolean; privacyContractName: string; errMsg: string }>) =>
      later(() => success?.({ needAuthorization: !state.agreed, privacyContractName: options.contractName ?? '《示例小程序隐私保护指引》', errMsg: 'getPrivacySetting:ok' })),
    // Overwrites: WeChat keeps only the last listener registered.
    onNeedPrivacyAuthorization: (fn: Listener) => {
      listener = fn;
    },
    requirePrivacyAuthorize: ({ success, fail }: Callbacks<{ errMsg: string }>) =>
      later(() => guard('requirePrivacyAuthorize', null, () => success?.({ errMsg: 'requirePrivacyAuthorize:ok' }), fail)),
    openPrivacyContract: ({ success }: Callbacks<{ errMsg: string }> = {}) => {
      state.contractOpened++;
      later(() => success?.({ errMsg: 'openPrivacyContract:ok' }));
    },
  };
  return { state, api, guard };
}
