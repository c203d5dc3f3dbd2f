import validatePackageName from 'validate-npm-package-name';

export const TEMPLATES = ['audio', 'video', 'full'] as const;
export type TemplateName = (typeof TEMPLATES)[number];

/**
 * Where calls go: `tccc`, Tencent Cloud Contact Center through Tencent's own `tccc-wx-sdk`; `open`, the local
 * simulator or your own backend through open-tccc-wx-sdk (installed under the name tccc-wx-sdk).
 */
export const CORES = ['tccc', 'open'] as const;
export type CoreName = (typeof CORES)[number];

export const PACKAGE_MANAGERS = ['npm', 'pnpm', 'yarn'] as const;
export type PackageManager = (typeof PACKAGE_MANAGERS)[number];

/** WeChat's AppID for tests and tourists: DevTools opens a project with it, no account needed. */
export const TEST_APPID = 'touristappid';
export const SIMULATOR_ENDPOINT = 'http://127.0.0.1:5700';
/** The simulator's channel for each template: a built-in channel of `tccc-dev-server` that takes every call its buttons start. */
export const SIMULATOR_CHANNELS: Record<TemplateName, string> = { audio: 'audio-support', video: 'video-support', full: 'support' };
/** An SDKAppID the simulator accepts; a real one comes from the TCCC console. */
export const SIMULATOR_SDK_APP_ID = '1400000001';

export interface ProjectOptions {
  /** Target directory, as typed (relative to the working directory). */
  directory: string;
  /** package.json name, derived from the directory. */
  packageName: string;
  core: CoreName;
  template: TemplateName;
  sdkAppId: string;
  channelId: string;
  appId: string;
  /** The backend of the open core; '' for the tccc core, which talks to TCCC itself and takes no endpoint. */
  endpoint: string;
  /** The app's code in TypeScript, compiled by WeChat DevTools (`useCompilerPlugins: ['typescript']`). */
  typescript: boolean;
}

/** Each validator returns an error message, or null when the value is fine. */
export type Validator = (value: string) => string | null;

export const validateSdkAppId: Validator = (value) =>
  /^\d{1,20}$/.test(value) ? null : `SDKAppID must be digits (the number on the TCCC console), got ${quote(value)}.`;

export const validateChannelId: Validator = (value) => {
  if (value.trim() === '') return 'ChannelId must not be empty: it is the IVR entry your calls go to.';
  if (value.length > 128) return 'ChannelId is at most 128 characters.';
  return null;
};

export const validateAppId: Validator = (value) =>
  value === TEST_APPID || /^wx[0-9a-f]{16}$/.test(value)
    ? null
    : `AppID is "wx" followed by 16 hex digits (or ${TEST_APPID} to try it without one), got ${quote(value)}.`;

export const validateEndpoint: Validator = (value) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `The server must be an http(s) URL such as ${SIMULATOR_ENDPOINT}, got ${quote(value)}.`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `The server must be http or https, got ${url.protocol}`;
  if (url.username || url.password) return 'The server URL must not carry a user name or password: it ships inside the app.';
  if (url.search || url.hash) return 'The server URL takes no query or fragment.';
  return null;
};

export const validateCore: Validator = (value) =>
  (CORES as readonly string[]).includes(value) ? null : `Core is tccc (Tencent's tccc-wx-sdk, calls to TCCC) or open (the simulator and your own backend), got ${quote(value)}.`;

export const validateTemplate: Validator = (value) =>
  (TEMPLATES as readonly string[]).includes(value) ? null : `Template is one of ${TEMPLATES.join(', ')}, got ${quote(value)}.`;

/** The directory's last segment must be a valid npm package name (it becomes package.json's name). */
export const validateDirectory: Validator = (value) => {
  if (value.trim() === '') return 'Give the project a directory name.';
  const name = packageNameOf(value);
  const result = validatePackageName(name);
  if (!result.validForNewPackages) {
    const problems = [...(result.errors ?? []), ...(result.warnings ?? [])].join('; ');
    return `"${name}" cannot be a package name: ${problems}.`;
  }
  return null;
};

export function packageNameOf(directory: string): string {
  const segments = directory.replace(/\\/g, '/').split('/').filter((segment) => segment !== '' && segment !== '.');
  return segments[segments.length - 1] ?? '';
}

/**
 * What Tencent Cloud secrets look like: an API SecretId (`AKID` + 32), an API SecretKey (32 letters and
 * digits, mixed case) or a TRTC/IM SDK secret key (64 hex digits). SDKAppIDs are digits; ChannelIds and
 * AppIDs have their own shapes, so none of them is mistaken for one.
 */
export function looksLikeSecret(value: string): boolean {
  const apiSecretId = /^AKID[0-9A-Za-z]{28,40}$/.test(value);
  const apiSecretKey = /^[0-9A-Za-z]{32}$/.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value) && /\d/.test(value);
  const sdkSecretKey = /^[0-9a-f]{64}$/.test(value);
  return apiSecretId || apiSecretKey || sdkSecretKey;
}

export const SECRET_REFUSAL = [
  'That looks like a secret key. It does not go into a mini program: everything in the app package can be',
  'read by anyone who has the app, so a key there lets strangers sign in as you and run up your bill.',
  'Keep it on your server, which signs UserSigs and calls TCCC for the app (for the local simulator:',
  'TRTC_SECRET_KEY=… npx tccc-dev-server). The app only needs the SDKAppID and a ChannelId.',
].join('\n');

function quote(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
}
