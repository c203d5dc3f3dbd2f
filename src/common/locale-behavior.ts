import type { SharedTexts, Texts } from './locale';
import { resolvePart, resolveTexts } from './locale';

/** A stable key for a `locale` value: the name, or the overrides object as JSON. */
export function localeKey(locale: unknown): string {
  return typeof locale === 'string' ? locale : JSON.stringify(locale ?? null);
}

/**
 * The `locale` property and the `t` texts of one part of the locale: from the shared tables, or from the
 * part's own `tables` by language (the video panel's). The texts are sent only when the locale really
 * changes: a component created with the default sends nothing.
 */
export function localeBehavior<K extends keyof SharedTexts>(part: K): string;
export function localeBehavior<K extends keyof Texts>(part: K, tables: Record<string, Texts[K]>): string;
export function localeBehavior<K extends keyof Texts>(part: K, tables?: Record<string, Texts[K]>): string {
  const textsOf = (locale: unknown) => (tables ? resolvePart(locale, part, tables) : resolveTexts(locale)[part as keyof SharedTexts]);
  const shown = new WeakMap<object, string>();
  return Behavior({
    properties: {
      /** 'zh-CN' (default), 'en-US', or an object of overrides; see the UI kit README. */
      locale: { type: null, value: 'zh-CN' },
    },
    data: { t: textsOf('zh-CN') },
    observers: {
      locale(this: WechatMiniprogram.Component.TrivialInstance, locale: unknown) {
        const key = localeKey(locale);
        if ((shown.get(this) ?? 'zh-CN') === key) return;
        shown.set(this, key);
        this.setData({ t: textsOf(locale) });
      },
    },
  });
}
