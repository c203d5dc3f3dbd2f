type Instance = WechatMiniprogram.Component.TrivialInstance;

/**
 * `selectComponent` that answers null for no match in every runtime: WeChat returns null, while
 * miniprogram-simulate's j-component throws, and an invalid selector throws everywhere.
 */
export function selectComponent<T>(scope: Instance | null | undefined, selector: string): T | null {
  if (!scope || !selector) return null;
  try {
    return (scope.selectComponent(selector) as unknown as T | null) ?? null;
  } catch {
    return null;
  }
}
