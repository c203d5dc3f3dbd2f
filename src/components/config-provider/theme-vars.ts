import { contrastRatio, parseColour } from '../../common/contrast';

export type Scheme = 'light' | 'dark';
type ThemeVars = Record<string, unknown>;

/** The dark text put on a light brand when the theme names no `colorOnBrand` and white would not read. */
export const DARK_ON_BRAND = '#1d2129';

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
