/**
 * Every test file runs with this guard (jest.config.js, setupFilesAfterEnv): the console prints nothing, and a
 * test that logs without capturing it fails, naming what it logged and where. A test that expects a warning
 * captures it, e.g. `jest.spyOn(console, 'warn').mockImplementation(() => undefined)`, and asserts on the spy.
 *
 * Third-party packages that narrate their work whatever their log level (trtc-wx-sdk: "Pusher reset", its
 * banner, "进房失败" when a test makes a room fail) are silenced here and never fail a test;
 * `thirdPartyLogs()` returns what they said during the current test, for a test that asserts on it.
 *
 * TCCC_TEST_LOGS=1 prints every line as jest normally would (for debugging; nothing fails then).
 */
import path from 'node:path';
import { format } from 'node:util';

const ROOT = `${path.resolve(__dirname, '../..')}${path.sep}`;
const METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir'] as const;
type Method = (typeof METHODS)[number];

/** Packages whose logging is theirs to keep, recognised by a stack frame inside them. */
const SILENCED_PACKAGES = [/[\\/]trtc-wx-sdk[\\/]trtc-wx\.js:/];

interface Logged {
  method: Method;
  text: string;
  test: string;
  at: string;
}

const printAll = process.env.TCCC_TEST_LOGS === '1';
let unexpected: Logged[] = [];
let thirdParty: Logged[] = [];
/** Set after the file's last check: what a test file's own afterAll logs later is printed, as jest would. */
let checksDone = false;

/** What silenced third-party packages logged since the current test began. */
export function thirdPartyLogs(): string[] {
  return thirdParty.map((line) => `console.${line.method}: ${line.text}`);
}

function callerOf(stack: string): string {
  const frames = stack.split('\n').slice(1).map((frame) => frame.trim());
  const caller = frames.find((frame) => !frame.includes(__filename) && !frame.includes('node:internal'));
  return caller?.replace(/^at /, '').replace(ROOT, '') ?? '(unknown)';
}

const original = Object.fromEntries(METHODS.map((method) => [method, console[method].bind(console)])) as Record<Method, (...args: unknown[]) => void>;

for (const method of METHODS) {
  console[method] = (...args: unknown[]): void => {
    if (printAll) return original[method](...args);
    const stack = new Error().stack ?? '';
    const logged: Logged = { method, text: format(...args), test: expect.getState().currentTestName ?? '(outside a test)', at: callerOf(stack) };
    if (SILENCED_PACKAGES.some((pattern) => pattern.test(stack))) thirdParty.push(logged);
    else if (checksDone) original[method](...args);
    else unexpected.push(logged);
  };
}

function takeUnexpected(): void {
  const found = unexpected;
  unexpected = [];
  if (found.length === 0) return;
  const lines = found.map(({ method, text, test, at }) => {
    const shown = text.length > 400 ? `${text.slice(0, 400)}…` : text;
    return `console.${method} in "${test}" at ${at}:\n    ${shown.replace(/\n/g, '\n    ')}`;
  });
  throw new Error(
    `Logged without being captured (${found.length}):\n${lines.join('\n')}\n` +
      `Capture what a test expects to log (jest.spyOn(console, '${found[0].method}').mockImplementation(…)) and assert on it, or stop it logging.`,
  );
}

beforeEach(() => {
  thirdParty = [];
});
// Root hooks from this file run before a test file's own root afterEach/afterAll: what those log is kept for
// the next check (naming the test it came after), and what comes after the last one is printed as usual.
afterEach(takeUnexpected);
afterAll(() => {
  checksDone = true;
  takeUnexpected();
});
