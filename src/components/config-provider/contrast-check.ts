import { contrastRatio, parseColour } from '../../common/contrast';

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
    colorSurface: '#ffffff',
    colorSurfaceRaised: '#f0f2f5',
    colorBackdrop: '#f5f6f8',
  },
  dark: {
    colorBrand: '#2f6fe0',
    colorOnBrand: '#ffffff',
    colorDanger: '#f0585b',
    colorTextInverse: '#ffffff',
    colorText: '#f2f3f5',
    colorTextSecondary: '#9aa1ab',
    colorSurface: '#1c1d21',
    colorSurfaceRaised: '#2b2d33',
    colorBackdrop: '#111215',
  },
};

/** Colour pairs the kit draws, with the WCAG AA ratio each needs (4.5 text, 3 icons). */
const PAIRS: Array<{ fg: string; bg: string; min: number; what: string }> = [
  { fg: 'colorOnBrand', bg: 'colorBrand', min: 4.5, what: "the start button's label" },
  { fg: 'colorTextInverse', bg: 'colorDanger', min: 3, what: 'the hang-up icon' },
  { fg: 'colorText', bg: 'colorBackdrop', min: 4.5, what: 'the title' },
  { fg: 'colorTextSecondary', bg: 'colorBackdrop', min: 4.5, what: 'the status line and labels' },
  { fg: 'colorText', bg: 'colorSurfaceRaised', min: 4.5, what: 'the keypad digits' },
  { fg: 'colorBrand', bg: 'colorSurface', min: 3, what: 'the avatar icon' },
];

/** Mirrors index.wxs: in dark mode, theme-vars keep their non-colour values and theme-vars-dark adds its own. */
export function varsFor(scheme: Scheme, light: ThemeVars, dark: ThemeVars): ThemeVars {
  if (scheme === 'light') return light;
  const carried: ThemeVars = {};
  for (const key of Object.keys(light)) if (!isColourValue(light[key])) carried[key] = light[key];
  return { ...carried, ...dark };
}

export function isColourValue(value: unknown): boolean {
  return typeof value === 'string' && /^\s*(#|rgb|hsl)/i.test(value);
}

/** One readable line per pair that a theme (not the defaults alone) pushes below its ratio. */
export function contrastProblems(scheme: Scheme, vars: ThemeVars): string[] {
  const problems: string[] = [];
  for (const pair of PAIRS) {
    if (!(pair.fg in vars) && !(pair.bg in vars)) continue;
    const fgText = String(vars[pair.fg] ?? DEFAULT_PALETTE[scheme][pair.fg]);
    const bgText = String(vars[pair.bg] ?? DEFAULT_PALETTE[scheme][pair.bg]);
    const fg = parseColour(fgText);
    const bg = parseColour(bgText);
    if (!fg || !bg) continue;
    const ratio = contrastRatio(fg, bg);
    if (ratio < pair.min) {
      problems.push(
        `${scheme} mode: ${pair.fg} ${fgText} on ${pair.bg} ${bgText} is ${ratio.toFixed(2)}:1; ${pair.what} needs ${pair.min}:1 (WCAG AA).`,
      );
    }
  }
  return problems;
}
