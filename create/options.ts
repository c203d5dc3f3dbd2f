import validatePackageName from 'validate-npm-package-name';
import { validateServerUrl } from './server-url';
import { validateTargetPath } from './target-path';
import type { Messages } from './messages';
import { EN_US } from './messages';

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
  /** The app gets its own test (`npm test`, see app-tests.ts); false with `--no-tests`. Absent: true. */
  tests?: boolean;
}

/** Each validator returns an error message (in the language of `m`, English by default), or null when the value is fine. */
export type Validator = (value: string, m?: Messages) => string | null;

/**
 * What a Chinese input method types for ASCII, as ASCII: full-width forms (`１４００…`, `ｗｘ…`) and the
 * ideographic space; then trimmed. Every value typed or passed is read through it before it is checked.
 */
export function normalizeInput(value: string): string {
  return value.replace(/[\uff01-\uff5e]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ').trim();
}

/** An SDKAppID as the TCCC console shows it and the doc writes it (`1400000000`): ten digits, no leading zero. */
export const validateSdkAppId: Validator = (value, m = EN_US) => (/^[1-9]\d{9}$/.test(value) ? null : m.errors.sdkAppId(quote(value)));

export const validateChannelId: Validator = (value, m = EN_US) => {
  if (value.trim() === '') return m.errors.channelIdEmpty;
  if (value.length > 128) return m.errors.channelIdLong;
  return null;
};

export const validateAppId: Validator = (value, m = EN_US) => (value === TEST_APPID || /^wx[0-9a-f]{16}$/.test(value) ? null : m.errors.appId(TEST_APPID, quote(value)));

export const validateEndpoint: Validator = (value, m = EN_US) => validateServerUrl(value, { looksLikeSecret, refusal: m.errors.secret }, m);

export const validateCore: Validator = (value, m = EN_US) => ((CORES as readonly string[]).includes(value) ? null : m.errors.core(quote(value)));

export const validateTemplate: Validator = (value, m = EN_US) => ((TEMPLATES as readonly string[]).includes(value) ? null : m.errors.template(TEMPLATES, quote(value)));

/**
 * Any folder name a shell can take safely (Chinese included); package.json's name is derived from it
 * (packageNameOf), and refused only when even that is not a name npm takes (`node_modules`, 215 letters).
 */
export const validateDirectory: Validator = (value, m = EN_US) => {
  if (value.trim() === '') return m.errors.directoryEmpty;
  const unsafe = validateTargetPath(value, m);
  if (unsafe) return unsafe;
  const name = packageNameOf(value);
  if (!validatePackageName(name).validForNewPackages) return m.errors.packageName(folderNameOf(value), name);
  return null;
};

/** The last folder of a target path, as typed: the project's display name (DevTools' project name, the README's title). */
export function folderNameOf(directory: string): string {
  const segments = directory.replace(/\\/g, '/').split('/').filter((segment) => segment !== '' && segment !== '.');
  return segments[segments.length - 1] ?? '';
}

/** The package name of a folder with none of its own letters left (`我的小程序`). */
export const FALLBACK_PACKAGE_NAME = 'tccc-miniprogram';

/**
 * package.json's name for a project folder: lower case, every run of characters npm names do not take
 * (spaces, Chinese) as one `-`, no leading `.`/`_`; a folder with nothing left gets FALLBACK_PACKAGE_NAME.
 * `My App` → `my-app`, `客服demo` → `demo`, `我的小程序` → `tccc-miniprogram`.
 */
export function packageNameOf(directory: string): string {
  const name = folderNameOf(directory)
    .toLowerCase()
    .replace(/[^a-z0-9._~-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-._~]+|-+$/g, '');
  return name === '' ? FALLBACK_PACKAGE_NAME : name;
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

/** The refusal of a secret, in English (Messages.errors.secret in each language). */
export const SECRET_REFUSAL = EN_US.errors.secret;

function quote(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
}
