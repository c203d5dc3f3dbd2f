import type { Texts } from './locale';
import { resolveTexts, zhCN } from './locale';

/** A stable key for a `locale` value: the name, or the overrides object as JSON. */
export function localeKey(locale: unknown): string {
  return typeof locale === 'string' ? locale : JSON.stringify(locale ?? null);
}

/**
 * The `locale` property and the `t` texts of one part of the locale. The texts are sent only when the
 * locale really changes: a component created with the default sends nothing.
 */
export function localeBehavior<K extends keyof Texts>(part: K): string {
  const shown = new WeakMap<object, string>();
  return Behavior({
    properties: {
      /** 'zh-CN' (default), 'en-US', or an object of overrides; see the UI kit README. */
      locale: { type: null, value: 'zh-CN' },
    },
    data: { t: zhCN[part] },
    observers: {
      locale(this: WechatMiniprogram.Component.TrivialInstance, locale: unknown) {
        const key = localeKey(locale);
        if ((shown.get(this) ?? 'zh-CN') === key) return;
        shown.set(this, key);
        this.setData({ t: resolveTexts(locale)[part] });
      },
    },
  });
}
