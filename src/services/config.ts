import { ErrorCode, TcccError } from './errors';
import { parseEndpoint } from './validate';

/**
 * The backend every login, checkLogin and call talks to, unless `configure({ endpoint })` says otherwise.
 * The default is the local simulator (`npm start` / `npx tccc-dev-server`); a phone reaches it only on the
 * same network, so real apps set their own backend.
 */
export const DEFAULT_ENDPOINT = 'http://127.0.0.1:5700';

export interface SdkConfig {
  endpoint: string;
  /** When a call finds the login expired, log in again (`wx.login` + `login`) once and retry the start. */
  autoLogin: boolean;
}

const DEFAULTS: SdkConfig = { endpoint: DEFAULT_ENDPOINT, autoLogin: false };
let current: SdkConfig = DEFAULTS;

export function configure(options: { endpoint?: unknown; autoLogin?: unknown }): SdkConfig {
  const { endpoint, autoLogin } = options;
  if (autoLogin !== undefined && typeof autoLogin !== 'boolean') {
    throw new TcccError(ErrorCode.InvalidArgument, `configure: autoLogin must be true or false, got ${typeof autoLogin}.`, { argument: 'autoLogin' });
  }
  current = {
    ...current,
    ...(endpoint === undefined ? {} : { endpoint: parseEndpoint(endpoint) }),
    ...(autoLogin === undefined ? {} : { autoLogin }),
  };
  return current;
}

export function getConfig(): SdkConfig {
  return current;
}

/** Back to defaults; for tests. */
export function resetConfig(): void {
  current = DEFAULTS;
}
