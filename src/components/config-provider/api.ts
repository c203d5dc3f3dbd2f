/** Types of `<tccc-config-provider>`. */

/**
 * Its `theme-vars`: camelCase token names without the `--tccc-` prefix (`colorBrand`,
 * `callBarHangupBackground`), or full `--tccc-…` names, to CSS values.
 */
export type ThemeVars = Record<string, string>;
