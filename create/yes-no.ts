import { createPrompt, isEnterKey, isTabKey, makeTheme, useKeypress, usePrefix, useState } from '@inquirer/core';
import { normalizeInput } from './options';

// @inquirer/prompts' confirm reads only y/yes and n/no, and anything else as the default: a Chinese
// speaker's 是 became "no". This is that confirm (same keys, same (y/N) hint, as Taro's `taro init`
// shows it to Chinese users), reading the words people type for yes and no in either language, and
// asking again, with what it takes, when an answer is neither.

/** Typed answers that mean no are checked first: 不是, 不对 and 不确定 start with 不. */
const NO = /^(n|no|否|不)/i;
const YES = /^(y|yes|是|好|对|确定|确认|要|行|可以)/i;

/** What a typed answer means; undefined when it is neither yes nor no. */
export function readYesNo(typed: string): boolean | undefined {
  const answer = normalizeInput(typed);
  if (NO.test(answer)) return false;
  if (YES.test(answer)) return true;
  return undefined;
}

export interface YesNoConfig {
  message: string;
  default: boolean;
  /** The words the answer is echoed in (是/否, Yes/No); Tab types them too. */
  yes: string;
  no: string;
  /** Said under the question when an answer is neither yes nor no, by what Enter alone answers. */
  unclear(defaultAnswer: boolean): string;
}

export const yesNoPrompt = createPrompt<boolean, YesNoConfig>((config, done) => {
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [value, setValue] = useState('');
  const [unclear, setUnclear] = useState(false);
  const theme = makeTheme();
  const prefix = usePrefix({ status, theme });
  const word = (answer: boolean) => (answer ? config.yes : config.no);
  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    if (isEnterKey(key)) {
      const answer = value.trim() === '' ? config.default : readYesNo(value);
      if (answer === undefined) {
        setValue('');
        setUnclear(true);
        return;
      }
      setValue(word(answer));
      setStatus('done');
      done(answer);
    } else if (isTabKey(key)) {
      const toggled = word(!(readYesNo(value) ?? config.default));
      rl.clearLine(0); // the tab character
      rl.write(toggled);
      setValue(toggled);
    } else {
      setValue(rl.line);
      setUnclear(false);
    }
  });
  const message = theme.style.message(config.message, status);
  const line =
    status === 'done'
      ? `${prefix} ${message} ${theme.style.answer(value)}`
      : `${prefix} ${message} ${theme.style.defaultAnswer(config.default ? 'Y/n' : 'y/N')} ${value}`;
  return unclear ? [line, theme.style.error(config.unclear(config.default))] : line;
});
