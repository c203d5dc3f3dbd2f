import { defineComponent } from '../../common/component';
import type { Scheme } from './contrast-check';
import { contrastProblems, varsFor } from './contrast-check';

type ThemeListener = (result: { theme?: string }) => void;
const listeners = new WeakMap<object, ThemeListener>();
const warned = new Set<string>();

/** The system's light or dark mode as WeChat reports it ('light' unless app.json sets "darkmode": true). */
function currentScheme(): Scheme {
  try {
    const info = typeof wx.getAppBaseInfo === 'function' ? wx.getAppBaseInfo() : wx.getSystemInfoSync();
    return (info as { theme?: string }).theme === 'dark' ? 'dark' : 'light';
  } catch {
    return 'light';
  }
}

/** Development and trial builds; a release build never warns. */
function isDevelopment(): boolean {
  try {
    return wx.getAccountInfoSync().miniProgram.envVersion !== 'release';
  } catch {
    return true;
  }
}

function warnOnce(problem: string): void {
  if (warned.has(problem)) return;
  warned.add(problem);
  console.warn(`[tccc-wx-sdk] config-provider: ${problem}`);
}

/**
 * Sets `--tccc-*` CSS variables for everything inside it from a `themeVars` object, e.g.
 * `{ colorBrand: '#ff6a00', callBarHangupBackground: '#c00' }`, and from `themeVarsDark` in dark mode.
 * The style string is built in WXS. In development it warns when a theme's colours miss WCAG AA.
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
  },
  observers: {
    'themeVars, themeVarsDark'() {
      this.checkContrast();
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
      this.checkContrast();
    },
    detached() {
      const listener = listeners.get(this);
      if (listener && typeof wx.offThemeChange === 'function') wx.offThemeChange(listener);
      listeners.delete(this);
    },
  },
  methods: {
    checkContrast() {
      if (!isDevelopment()) return;
      const light = (this.data.themeVars ?? {}) as Record<string, unknown>;
      const dark = (this.data.themeVarsDark ?? {}) as Record<string, unknown>;
      for (const scheme of ['light', 'dark'] as const) {
        for (const problem of contrastProblems(scheme, varsFor(scheme, light, dark))) warnOnce(problem);
      }
    },
  },
});
