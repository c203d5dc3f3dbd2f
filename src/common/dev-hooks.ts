/**
 * Development checks the components call when something installs them, and skip otherwise. They ship in
 * `tccc-call-kit/dev` (`checkContrast()`), never in the components: a release that does not require that
 * entry carries none of their code. One module for both sides, so the entry and the components share it.
 */

/** What a drawn check reads: the component it is given, by its selector query. */
export interface DrawnComponent {
  createSelectorQuery(): WechatMiniprogram.SelectorQuery;
}

/** A mode's theme variables as the provider draws them (its own label colour included). */
export type DrawnThemeVars = Record<string, unknown>;

export interface DevChecks {
  /** call-screen, once it is drawn: its colours as computed, whoever set them. */
  drawnContrast?: (screen: DrawnComponent) => void;
  /** config-provider, for each mode of the theme it is given. */
  themeContrast?: (scheme: 'light' | 'dark', vars: DrawnThemeVars) => void;
}

export const devChecks: DevChecks = {};
