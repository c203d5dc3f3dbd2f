import fs from 'node:fs';
import path from 'node:path';
import type { ConsoleTexts } from '../../dev-server/seat-names';
import { consoleTextsOf } from '../../dev-server/seat-names';

export type { ConsoleTexts };

export const CONSOLE_DIR = path.resolve(__dirname, '../../dev-server/console');

/** The agent console's tables of texts, read the way the browser reads them (a script that sets a global). */
export function loadConsoleTexts(): ConsoleTexts {
  return consoleTextsOf(fs.readFileSync(path.join(CONSOLE_DIR, 'texts.js'), 'utf8'));
}

/** A text with its `{name}` slots filled. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The names of a text's `{name}` slots, sorted. */
export function slotsOf(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
}
