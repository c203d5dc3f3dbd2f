import { contrastRatio, parseColour } from '../common/contrast';

/** A pair the kit draws: what (`fg`) on what (`bg`), and the ratio it needs (4.5 text, 3 icons and edges). */
export interface DrawnPair {
  fg: string;
  bg: string;
  min: number;
  what: string;
}

/** A readable line when the pair misses its ratio; '' when it passes or either colour cannot be read. */
export function pairProblem(pair: DrawnPair, fgName = pair.fg, bgName = pair.bg): string {
  const fg = parseColour(pair.fg);
  const bg = parseColour(pair.bg);
  if (!fg || !bg) return '';
  const ratio = contrastRatio(fg, bg);
  return ratio < pair.min ? `${fgName} on ${bgName} is ${ratio.toFixed(2)}:1; ${pair.what} needs ${pair.min}:1 (WCAG AA).` : '';
}

const warned = new Set<string>();

/** console.warn once per app run and problem. */
export function warnOnce(source: string, problem: string): void {
  const line = `[tccc-wx-sdk] ${source}: ${problem}`;
  if (warned.has(line)) return;
  warned.add(line);
  console.warn(line);
}
