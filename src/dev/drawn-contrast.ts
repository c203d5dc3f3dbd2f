import type { DrawnComponent } from '../common/dev-hooks';
import { pairProblem, warnOnce } from './warn';

type Drawn = { color?: string; backgroundColor?: string } | null;

/**
 * The call screen's colours as drawn, whoever set them (app.wxss, a config provider, custom-style): the brand
 * label, the status line and the title against WCAG AA, read once from computed styles and warned of once.
 */
export function checkDrawnContrast(screen: DrawnComponent): void {
  const selectors = ['.tccc-call-screen', '.tccc-call-screen__probe', '.tccc-call-screen__status', '.tccc-call-screen__title'];
  const query = screen.createSelectorQuery();
  for (const selector of selectors) query.select(selector).fields({ computedStyle: ['color', 'backgroundColor'] }, () => undefined);
  query.exec((results: Drawn[]) => {
    const [screenStyle, probe, status, title] = results.map((result) => result ?? {});
    const pairs = [
      { fg: probe.color, bg: probe.backgroundColor, min: 4.5, what: "the start button's label (--tccc-color-on-brand on --tccc-color-brand)" },
      { fg: status.color, bg: screenStyle.backgroundColor, min: 4.5, what: 'the status line' },
      { fg: title.color, bg: screenStyle.backgroundColor, min: 4.5, what: 'the title' },
    ];
    for (const pair of pairs) {
      const problem = pairProblem({ ...pair, fg: pair.fg ?? '', bg: pair.bg ?? '' });
      if (problem) warnOnce('call-screen', problem);
    }
  });
}
