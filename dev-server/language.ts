/** The languages tccc-dev-server speaks in the terminal. */
export const LANGUAGES = ['zh-CN', 'en-US'] as const;
export type Language = (typeof LANGUAGES)[number];

/** `--lang`: zh-CN or en-US, in any case, with `-` or `_`; a bare `zh` or `en` too. Null for anything else. */
export function parseLanguage(value: string): Language | null {
  const tag = value.trim().toLowerCase().replace('_', '-');
  if (tag === 'zh' || tag === 'zh-cn') return 'zh-CN';
  if (tag === 'en' || tag === 'en-us') return 'en-US';
  return null;
}

export interface LocaleSources {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** The locale Intl resolves, which on Windows follows the display language. */
  intlLocale: () => string;
}

/**
 * The terminal's language, as POSIX programs pick their messages: the first of LC_ALL, LC_MESSAGES and LANG
 * that is set decides (zh… is Chinese, anything else English, `C` included). Windows consoles set none of
 * them, so there the system's locale (through Intl) decides.
 */
export function terminalLanguage({ env, platform, intlLocale }: LocaleSources): Language {
  const posix = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  if (posix !== undefined) return /^zh/i.test(posix) ? 'zh-CN' : 'en-US';
  if (platform === 'win32') return /^zh/i.test(intlLocale()) ? 'zh-CN' : 'en-US';
  return 'en-US';
}

/** This process's terminal language. */
export function currentTerminalLanguage(): Language {
  return terminalLanguage({ env: process.env, platform: process.platform, intlLocale: () => Intl.DateTimeFormat().resolvedOptions().locale });
}
