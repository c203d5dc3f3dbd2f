import { defineComponent } from '../../common/component';

/**
 * Sets `--tccc-*` CSS variables for everything inside it from a `themeVars` object, e.g.
 * `{ colorBrand: '#ff6a00', callBarHangupBackground: '#c00' }`. The style string is built in WXS.
 */
defineComponent({
  properties: {
    /** camelCase token names without the `--tccc-` prefix (or full `--tccc-…` names) to CSS values. */
    themeVars: { type: Object, value: {} },
  },
});
