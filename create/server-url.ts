import type { Messages } from './messages';
import { EN_US } from './messages';

/** What `--server` must look like, shown in messages. */
const EXAMPLE = 'http://127.0.0.1:5700';

/** How secrets are recognised, and what to say about one (options.ts owns both). */
export interface SecretRule {
  looksLikeSecret(word: string): boolean;
  refusal: string;
}

/**
 * The backend URL for config.js, parsed with `URL` and held to what ships in an app: http or https
 * spelled out (`http:/x` is refused, not repaired), no credentials, query or fragment, no whitespace or
 * control characters (which `URL` would silently drop), no backslash, and no secret anywhere in it.
 * Returns a message, or null when the value is fine.
 *
 * config.js gets the value as typed (a JSON string literal), not `URL`'s normal form: what the developer
 * wrote is what they find in their app. So nothing may be left that parsers read differently: a backslash
 * is a `/` to `URL` but not to every HTTP client, so it is refused rather than written; a scheme in capitals
 * (`HTTP://h`) or a numeric host (`http://0x7f.1/`) means the same to every parser and stays as typed.
 */
export function validateServerUrl(value: string, secrets: SecretRule, m: Messages = EN_US): string | null {
  const shown = JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (carriesSecret(value, secrets.looksLikeSecret)) return secrets.refusal;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return m.errors.endpointNotUrl(EXAMPLE, shown);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return m.errors.endpointScheme(url.protocol);
  if (!/^https?:\/\/[^/\\]/i.test(value)) return m.errors.endpointSlashes(EXAMPLE, shown);
  if (/[\s\u0000-\u001f\u007f-\u009f\u2028\u2029]/u.test(value)) return m.errors.endpointWhitespace(shown);
  if (value.includes('\\')) return m.errors.endpointBackslash(shown);
  if (url.username || url.password) return m.errors.endpointCredentials;
  if (url.search || url.hash || value.includes('?') || value.includes('#')) return m.errors.endpointQuery;
  return null;
}

/** A secret as a whole word anywhere in the value: `https://h/AKID…`, `?key=<64 hex>`, `user:<key>@h`. */
function carriesSecret(value: string, looksLikeSecret: (word: string) => boolean): boolean {
  let decoded = value;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    // Broken escapes: the raw text is checked.
  }
  return [value, decoded].some((text) => text.split(/[^A-Za-z0-9]+/).some((word) => word !== '' && looksLikeSecret(word)));
}
