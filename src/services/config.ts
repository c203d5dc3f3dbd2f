import { parseEndpoint } from './validate';

/**
 * The backend every login, checkLogin and call talks to, unless `configure({ endpoint })` says otherwise.
 * The default is the local simulator (`npm start` / `npx tccc-dev-server`); a phone reaches it only on the
 * same network, so real apps set their own backend.
 */
export const DEFAULT_ENDPOINT = 'http://127.0.0.1:5700';

export interface SdkConfig {
  endpoint: string;
}

let current: SdkConfig = { endpoint: DEFAULT_ENDPOINT };

export function configure(options: { endpoint?: unknown }): SdkConfig {
  current = { ...current, ...(options.endpoint === undefined ? {} : { endpoint: parseEndpoint(options.endpoint) }) };
  return current;
}

export function getConfig(): SdkConfig {
  return current;
}

/** Back to defaults; for tests. */
export function resetConfig(): void {
  current = { endpoint: DEFAULT_ENDPOINT };
}
