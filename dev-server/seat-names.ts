import vm from 'node:vm';
import type { Language } from './language';

/** The agent console's texts (console/texts.js), one table per language. */
export type ConsoleTexts = Record<Language, Record<string, string>>;

/** The tables of console/texts.js, read the way the browser reads them: a script that sets a global. */
export function consoleTextsOf(textsJs: string): ConsoleTexts {
  const sandbox = { window: {} as { TCCC_CONSOLE_TEXTS?: ConsoleTexts } };
  vm.runInNewContext(textsJs, sandbox, { timeout: 1000 });
  if (!sandbox.window.TCCC_CONSOLE_TEXTS) throw new Error('texts.js did not set window.TCCC_CONSOLE_TEXTS');
  return sandbox.window.TCCC_CONSOLE_TEXTS;
}

/**
 * A seat's name as a caller hears it in `language`. The names the simulator makes up (Agent Lin, Agent Chen,
 * Agent n of --seats n) are demo data, said as the agent console says them: its demo_agent* texts, whose
 * English is the name given ({n} a number). Any other name is someone's own, and stays as it is.
 */
export function seatNameIn(language: Language, texts: ConsoleTexts): (name: string) => string {
  const demoSeats = Object.keys(texts['en-US'])
    .filter((key) => key.startsWith('demo_agent'))
    .map((key) => ({ pattern: patternOf(texts['en-US'][key]), said: texts[language][key] }));
  return (name) => {
    for (const { pattern, said } of demoSeats) {
      const match = pattern.exec(name);
      if (match) return said.replace(/\{(\w+)\}/g, (_, slot: string) => match.groups?.[slot] ?? '');
    }
    return name;
  };
}

/** `Agent {n}` → /^Agent (?<n>\d+)$/: the text, its slots filled by numbers. */
function patternOf(text: string): RegExp {
  const parts = text.split(/\{(\w+)\}/).map((part, i) => (i % 2 === 1 ? `(?<${part}>\\d+)` : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp(`^${parts.join('')}$`);
}
