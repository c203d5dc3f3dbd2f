import { defineComponent } from '../../common/component';
import { devChecks } from '../../common/dev-hooks';
import type { Scheme } from './theme-vars';
import { onBrandFor, varsFor } from './theme-vars';

type ThemeListener = (result: { theme?: string }) => void;
const listeners = new WeakMap<object, ThemeListener>();

/** The system's light or dark mode as WeChat reports it ('light' unless app.json sets "darkmode": true). */
function currentScheme(): Scheme {
  try {
    const info = typeof wx.getAppBaseInfo === 'function' ? wx.getAppBaseInfo() : wx.getSystemInfoSync();
    return (info as { theme?: string }).theme === 'dark' ? 'dark' : 'light';
  } catch {
    return 'light';
  }
}

/**
 * Sets `--tccc-*` CSS variables for everything inside it from a `themeVars` object, e.g.
 * `{ colorBrand: '#c2410c', callBarHangupBackground: '#c00' }`, and from `themeVarsDark` in dark mode.
 * The style string is built in WXS. A light brand with no `colorOnBrand` gets dark labels; with
 * `tccc-call-kit/dev`'s `checkContrast()`, a theme whose colours still miss their contrast is warned of.
 */
defineComponent({
  properties: {
    /** camelCase token names without the `--tccc-` prefix (or full `--tccc-…` names) to CSS values. */
    themeVars: { type: Object, value: {} },
    /** The same for dark mode; there, theme-vars keep only their non-colour values. */
    themeVarsDark: { type: Object, value: {} },
  },
  data: {
    /** 'light' or 'dark', followed with wx.onThemeChange. */
    scheme: 'light' as Scheme,
    /** Labels on the theme's brand, per mode, where white would not read ('' keeps the default). */
    onBrand: { light: '', dark: '' },
  },
  observers: {
    'themeVars, themeVarsDark'() {
      this.applyTheme();
    },
  },
  lifetimes: {
    attached() {
      const scheme = currentScheme();
      if (scheme !== this.data.scheme) this.setData({ scheme });
      if (typeof wx.onThemeChange === 'function') {
        const listener: ThemeListener = ({ theme }) => {
          const next: Scheme = theme === 'dark' ? 'dark' : 'light';
          if (next !== this.data.scheme) this.setData({ scheme: next });
        };
        listeners.set(this, listener);
        wx.onThemeChange(listener);
      }
      this.applyTheme();
    },
    detached() {
      const listener = listeners.get(this);
      if (listener && typeof wx.offThemeChange === 'function') wx.offThemeChange(listener);
      listeners.delete(this);
    },
  },
  methods: {
    /** Picks the brand labels' colour per mode, and hands the drawn colours to the contrast check if it is on. */
    applyTheme() {
      const light = (this.data.themeVars ?? {}) as Record<string, unknown>;
      const dark = (this.data.themeVarsDark ?? {}) as Record<string, unknown>;
      const onBrand = { light: '', dark: '' };
      for (const scheme of ['light', 'dark'] as const) {
        const vars = varsFor(scheme, light, dark);
        onBrand[scheme] = onBrandFor(vars);
        const drawn = onBrand[scheme] ? { ...vars, colorOnBrand: onBrand[scheme] } : vars;
        devChecks.themeContrast?.(scheme, drawn);
      }
      if (onBrand.light !== this.data.onBrand.light || onBrand.dark !== this.data.onBrand.dark) this.setData({ onBrand });
    },
  },
});
