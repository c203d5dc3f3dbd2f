import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

export type ConsoleLanguage = 'en-US' | 'zh-CN';
export type ConsoleTexts = Record<ConsoleLanguage, Record<string, string>>;

export const CONSOLE_DIR = path.resolve(__dirname, '../../dev-server/console');

/** The agent console's tables of texts, read the way the browser reads them (a script that sets a global). */
export function loadConsoleTexts(): ConsoleTexts {
  const sandbox = { window: {} as { TCCC_CONSOLE_TEXTS?: ConsoleTexts } };
  vm.runInNewContext(fs.readFileSync(path.join(CONSOLE_DIR, 'texts.js'), 'utf8'), sandbox, { timeout: 1000 });
  if (!sandbox.window.TCCC_CONSOLE_TEXTS) throw new Error('texts.js did not set window.TCCC_CONSOLE_TEXTS');
  return sandbox.window.TCCC_CONSOLE_TEXTS;
}

/** A text with its `{name}` slots filled. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The names of a text's `{name}` slots, sorted. */
export function slotsOf(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
}
