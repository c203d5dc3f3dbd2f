/**
 * The agent console's texts: one table per language with the same keys and slots, every key used and every
 * used key there, a label for every TCCC end reason, and no text written into the markup itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import { EndStatus } from '../../src/services/protocol';
import { CONSOLE_DIR, loadConsoleTexts, slotsOf } from '../support/console-texts';

const texts = loadConsoleTexts();
const english = texts['en-US'];
const chinese = texts['zh-CN'];
const html = fs.readFileSync(path.join(CONSOLE_DIR, 'index.html'), 'utf8');
const script = fs.readFileSync(path.join(CONSOLE_DIR, 'console.js'), 'utf8');

test('the console speaks English and Chinese', () => {
  expect(Object.keys(texts).sort()).toEqual(['en-US', 'zh-CN']);
});

test('both tables have the same keys, each a non-empty text with the same {slots}', () => {
  expect(Object.keys(chinese).sort()).toEqual(Object.keys(english).sort());
  for (const key of Object.keys(english)) {
    expect([key, english[key].trim().length > 0, chinese[key].trim().length > 0]).toEqual([key, true, true]);
    expect([key, slotsOf(chinese[key])]).toEqual([key, slotsOf(english[key])]);
  }
});

test('the Chinese table is Chinese: every text that is not a name or a code has Chinese characters', () => {
  // Texts that are the same in both languages by nature: the product name beside its role, and the data fill-ins.
  const sameByNature = new Set(['channelMedia']);
  const untranslated = Object.keys(chinese).filter((key) => !sameByNature.has(key) && !/[\u4e00-\u9fff]/.test(chinese[key]));
  expect(untranslated).toEqual([]);
});

test('every key the markup and the script name is in the table, and every key in the table is named', () => {
  const fromMarkup = [...html.matchAll(/data-text(?:-title|-aria-label)?="([^"]+)"/g)].map((match) => match[1]);
  const fromScript = [...script.matchAll(/'(\w+)'/g)].map((match) => match[1]).filter((key) => key in english);
  const endKeys = Object.keys(EndStatus).map((reason) => `end_${reason}`);
  for (const key of [...fromMarkup, ...endKeys]) expect([key, key in english]).toEqual([key, true]);
  const named = new Set([...fromMarkup, ...fromScript, ...endKeys, 'languageName']);
  expect(Object.keys(english).filter((key) => !named.has(key))).toEqual([]);
});

test('the markup writes no text of its own: every text and label comes from the table', () => {
  const markup = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<script[\s\S]*?<\/script>/g, '');
  const textOutsideTags = markup.replace(/<[^>]*>/g, ' ');
  expect(textOutsideTags.match(/[A-Za-z\u4e00-\u9fff]+/g)).toBeNull();
  expect(markup.match(/\s(?:title|aria-label|placeholder|alt)="[^"]*"/g)).toBeNull();
});
