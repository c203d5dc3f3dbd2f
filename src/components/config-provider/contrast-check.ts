import type { DrawnPair } from '../../common/contrast';
import { contrastRatio, pairProblem, parseColour } from '../../common/contrast';

export type Scheme = 'light' | 'dark';
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

/** The dark text put on a light brand when the theme names no `colorOnBrand` and white would not read. */
export const DARK_ON_BRAND = '#1d2129';

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

const COLOUR_NAME = /(^--tccc-color-|-color$|-background$|-scrim$)/;
const COLOUR_VALUE = /^\s*(#|rgba?\(|hsla?\(|hwb\(|lab\(|lch\(|oklab\(|oklch\(|color\(|transparent\b|currentcolor\b)/i;

/** `colorBrand` / `--tccc-color-brand` as the CSS variable it sets (index.wxs does the same). */
export function cssName(key: string): string {
  return key.startsWith('--') ? key : `--tccc-${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/**
 * A colour, by the token's name (`…Color`, `…Background`, `color…`, `…Scrim`) or by its value: what dark mode
 * drops from theme-vars, whatever way the colour is written (`white`, `var(--x)`, `oklch()` …).
 */
export function isColourVar(key: string, value: unknown): boolean {
  return COLOUR_NAME.test(cssName(key)) || (typeof value === 'string' && COLOUR_VALUE.test(value));
}

/** The values index.wxs applies: empty ones are skipped. */
function applied(vars: ThemeVars): ThemeVars {
  const kept: ThemeVars = {};
  for (const key of Object.keys(vars)) if (vars[key] !== undefined && vars[key] !== null && vars[key] !== '') kept[key] = vars[key];
  return kept;
}

/** Mirrors index.wxs: in dark mode, theme-vars keep their non-colour values and theme-vars-dark adds its own. */
export function varsFor(scheme: Scheme, light: ThemeVars, dark: ThemeVars): ThemeVars {
  if (scheme === 'light') return applied(light);
  const carried: ThemeVars = {};
  const shown = applied(light);
  for (const key of Object.keys(shown)) if (!isColourVar(key, shown[key])) carried[key] = shown[key];
  return { ...carried, ...applied(dark) };
}

/**
 * The label colour for a theme's own brand when it names none: '' when white reads on it (the default), else
 * the dark text if that reads better. It fixes the label in every build, where a warning reaches no caller.
 */
export function onBrandFor(vars: ThemeVars): string {
  if ('colorOnBrand' in vars || !('colorBrand' in vars)) return '';
  const brand = parseColour(vars.colorBrand);
  if (!brand) return '';
  const white = contrastRatio([255, 255, 255], brand);
  return white < 4.5 && contrastRatio(parseColour(DARK_ON_BRAND)!, brand) > white ? DARK_ON_BRAND : '';
}

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
