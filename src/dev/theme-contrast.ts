import type { Scheme } from '../components/config-provider/theme-vars';
import type { DrawnPair } from './warn';
import { pairProblem, warnOnce } from './warn';
import { parseColour } from '../common/contrast';

type ThemeVars = Record<string, unknown>;

/** The kit's default colours (src/common/style/_tokens.less), by theme-vars key. */
export const DEFAULT_PALETTE: Record<Scheme, Record<string, string>> = {
  light: {
    colorBrand: '#0066ff',
    colorOnBrand: '#ffffff',
    colorDanger: '#e5383b',
    colorTextInverse: '#ffffff',
    colorText: '#1d2129',
    colorTextSecondary: '#646b78',
    colorTextWarning: '#9a5b00',
    colorTextBrand: '#0066ff',
    colorSurface: '#ffffff',
    colorSurfaceRaised: '#f0f2f5',
    colorBackdrop: '#f5f6f8',
    colorBorder: '#80868f',
  },
  dark: {
    colorBrand: '#2f6fe0',
    colorOnBrand: '#ffffff',
    colorDanger: '#f0585b',
    colorTextInverse: '#ffffff',
    colorText: '#f2f3f5',
    colorTextSecondary: '#9aa1ab',
    colorTextWarning: '#f7ad4a',
    colorTextBrand: '#6b9bff',
    colorSurface: '#1c1d21',
    colorSurfaceRaised: '#2b2d33',
    colorBackdrop: '#111215',
    colorBorder: '#6b7280',
  },
};

/** Colour pairs the kit draws, by theme-vars key, with the WCAG AA ratio each needs (4.5 text, 3 icons and edges). */
const PAIRS: DrawnPair[] = [
  { fg: 'colorOnBrand', bg: 'colorBrand', min: 4.5, what: "the start button's and the consent's agree label" },
  { fg: 'colorTextInverse', bg: 'colorDanger', min: 3, what: 'the hang-up icon' },
  { fg: 'colorText', bg: 'colorBackdrop', min: 4.5, what: 'the title' },
  { fg: 'colorTextSecondary', bg: 'colorBackdrop', min: 4.5, what: 'the status line and labels' },
  { fg: 'colorTextWarning', bg: 'colorBackdrop', min: 4.5, what: 'a problem on the status line' },
  { fg: 'colorText', bg: 'colorSurfaceRaised', min: 4.5, what: 'the keypad digits' },
  { fg: 'colorBrand', bg: 'colorSurface', min: 3, what: 'the avatar icon' },
  { fg: 'colorTextBrand', bg: 'colorSurface', min: 4.5, what: "the privacy consent's link" },
  { fg: 'colorBorder', bg: 'colorBackdrop', min: 3, what: "an off button's and a key's edge" },
  { fg: 'colorBrand', bg: 'colorBackdrop', min: 3, what: "an on button's edge" },
  { fg: 'colorDanger', bg: 'colorBackdrop', min: 3, what: "the hang-up button's edge" },
];

/** A theme's value for `key`, the link falling back to the theme's brand as the stylesheet does. */
function valueOf(vars: ThemeVars, scheme: Scheme, key: string): string {
  if (key in vars) return String(vars[key]);
  if (key === 'colorTextBrand' && 'colorBrand' in vars) return String(vars.colorBrand);
  return DEFAULT_PALETTE[scheme][key];
}

/** One readable line per pair that a theme (not the defaults alone) pushes below its ratio, or writes unreadably. */
export function contrastProblems(scheme: Scheme, vars: ThemeVars): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(vars)) {
    const used = PAIRS.some((pair) => pair.fg === key || pair.bg === key);
    if (used && parseColour(vars[key]) === null) problems.push(`${scheme} mode: ${key} ${String(vars[key])} cannot be checked for contrast; write it as #rrggbb or rgb().`);
  }
  for (const pair of PAIRS) {
    if (!(pair.fg in vars) && !(pair.bg in vars) && !(pair.fg === 'colorTextBrand' && 'colorBrand' in vars)) continue;
    const fg = valueOf(vars, scheme, pair.fg);
    const bg = valueOf(vars, scheme, pair.bg);
    const problem = pairProblem({ ...pair, fg, bg }, `${pair.fg} ${fg}`, `${pair.bg} ${bg}`);
    if (problem) problems.push(`${scheme} mode: ${problem}`);
  }
  return problems;
}

/** config-provider's check: each problem of a mode's theme, warned of once. */
export function warnOfThemeContrast(scheme: Scheme, vars: ThemeVars): void {
  for (const problem of contrastProblems(scheme, vars)) warnOnce('config-provider', problem);
}
