import { ErrorCode, TcccError } from './errors';
import type { LoginRequest } from './protocol';
import type { SoundMode } from './session-machine';

export const MAX_CHANNEL_ID_LENGTH = 64;
export const MAX_DIGITS_LENGTH = 32;
export const MAX_CREDENTIAL_LENGTH = 4096;

function invalid(argument: string, message: string): TcccError {
  return new TcccError(ErrorCode.InvalidArgument, message, { argument });
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${value.slice(0, 40)}"`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireOptions(value: unknown, method: string, example: string): Record<string, unknown> {
  if (!isPlainObject(value)) throw invalid('options', `${method} expects an options object like ${example}, got ${describe(value)}.`);
  return value;
}

/** sdkAppId: the doc types it as a string; a number is accepted and normalised. */
export function parseSdkAppId(value: unknown, method: string): string {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof text !== 'string' || !/^\d{1,20}$/.test(text)) {
    throw invalid('sdkAppId', `${method}: sdkAppId must be the numeric SdkAppId of your TCCC application (e.g. "1400000000"), got ${describe(value)}.`);
  }
  return text;
}

export function parseChannelOptions(value: unknown, method: string): { channelId: string } {
  const options = requireOptions(value, method, "{ channelId: 'xxx' }");
  const channelId = options.channelId;
  if (typeof channelId !== 'string' || channelId.trim() === '') {
    throw invalid('channelId', `${method}: channelId (the IVR entry ID) must be a non-empty string, got ${describe(channelId)}.`);
  }
  if (channelId.length > MAX_CHANNEL_ID_LENGTH) {
    throw invalid('channelId', `${method}: channelId is longer than ${MAX_CHANNEL_ID_LENGTH} characters.`);
  }
  return { channelId: channelId.trim() };
}

/** Accepts `{ digits: '123#' }` as documented, or the digits string itself. */
export function parseDigits(value: unknown): string {
  const digits = typeof value === 'string' ? value : isPlainObject(value) ? value.digits : undefined;
  if (typeof digits !== 'string' || !/^[0-9*#]+$/.test(digits)) {
    throw invalid('digits', `sendDigits: digits must be a non-empty string of 0-9, * and #, got ${describe(digits)}.`);
  }
  if (digits.length > MAX_DIGITS_LENGTH) {
    throw invalid('digits', `sendDigits: at most ${MAX_DIGITS_LENGTH} digits at a time.`);
  }
  return digits;
}

export function parseSoundMode(value: unknown): SoundMode {
  if (value !== 'speaker' && value !== 'ear') {
    throw invalid('soundMode', `setSoundMode: soundMode must be 'speaker' or 'ear', got ${describe(value)}.`);
  }
  return value;
}

const OPTIONAL_LOGIN_FIELDS = ['dataEnv', 'dataIv', 'mobileEnv', 'mobileIv'] as const;

export function parseLoginOptions(value: unknown): LoginRequest {
  const options = requireOptions(value, 'login', '{ sdkAppId, jsCode }');
  const sdkAppId = parseSdkAppId(options.sdkAppId, 'login');
  const jsCode = options.jsCode;
  if (typeof jsCode !== 'string' || jsCode === '' || jsCode.length > MAX_CREDENTIAL_LENGTH) {
    throw invalid('jsCode', `login: jsCode must be the code from wx.login, got ${describe(jsCode)}.`);
  }
  const request: LoginRequest = { sdkAppId, jsCode };
  for (const field of OPTIONAL_LOGIN_FIELDS) {
    const fieldValue = options[field];
    if (fieldValue === undefined) continue;
    if (typeof fieldValue !== 'string' || fieldValue.length > MAX_CREDENTIAL_LENGTH) {
      throw invalid(field, `login: ${field} must be a string when given, got ${describe(fieldValue)}.`);
    }
    request[field] = fieldValue;
  }
  return request;
}

export function parseCheckLoginOptions(value: unknown): { sdkAppId: string } {
  const options = requireOptions(value, 'checkLogin', '{ sdkAppId }');
  return { sdkAppId: parseSdkAppId(options.sdkAppId, 'checkLogin') };
}

export function parseEndpoint(value: unknown): string {
  if (typeof value !== 'string' || !/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(value)) {
    throw invalid('endpoint', `endpoint must be an http(s) URL such as "https://tccc.example.com", got ${describe(value)}.`);
  }
  return value.replace(/\/+$/, '');
}
