/**
 * The seat names a caller hears: the simulator's own (Agent Lin, Agent Chen, Agent n of --seats n) in the
 * language it speaks, read from the agent console's table; any other name as it was given.
 */
import { seatNameIn } from '../../dev-server/seat-names';
import { fill, loadConsoleTexts } from '../support/console-texts';

const texts = loadConsoleTexts();

test('in Chinese, the simulator\'s own seats are named as the console names them', () => {
  const said = seatNameIn('zh-CN', texts);
  expect(['Agent Lin', 'Agent Chen', 'Agent 1', 'Agent 10000'].map(said)).toEqual([
    texts['zh-CN'].demo_agentLin,
    texts['zh-CN'].demo_agentChen,
    fill(texts['zh-CN'].demo_agentNumbered, { n: 1 }),
    fill(texts['zh-CN'].demo_agentNumbered, { n: 10000 }),
  ]);
  expect(said('Agent Lin')).toBe('座席小林');
});

test('in English they stay as they are', () => {
  const said = seatNameIn('en-US', texts);
  for (const name of ['Agent Lin', 'Agent Chen', 'Agent 7']) expect(said(name)).toBe(name);
});

test('a name someone gave is theirs: it reaches the caller as given, in either language', () => {
  for (const language of ['zh-CN', 'en-US'] as const) {
    const said = seatNameIn(language, texts);
    for (const name of ['Alice', '小王', 'Agent Lin ', 'Agent 1x', 'Agent ', 'Agent Linda', 'Support', '']) expect(said(name)).toBe(name);
  }
});
