type DataOption = WechatMiniprogram.Component.DataOption;
type PropertyOption = WechatMiniprogram.Component.PropertyOption;
type MethodOption = WechatMiniprogram.Component.MethodOption;
type BehaviorOption = WechatMiniprogram.Component.BehaviorOption;

/**
 * `Component()` with what every tccc component has: the `custom-class` external class, a `customStyle`
 * property for inline overrides (CSS variables included), and multiple slots.
 */
export function defineComponent<
  TData extends DataOption,
  TProperty extends PropertyOption,
  TMethod extends MethodOption,
  TBehavior extends BehaviorOption = [],
  TCustom extends WechatMiniprogram.IAnyObject = {},
>(options: WechatMiniprogram.Component.Options<TData, TProperty, TMethod, TBehavior, TCustom>): string {
  return Component<TData, TProperty & { customStyle: StringConstructor }, TMethod, TBehavior, TCustom>({
    ...options,
    externalClasses: ['custom-class', ...(options.externalClasses ?? [])],
    properties: { customStyle: String, ...options.properties } as TProperty & { customStyle: StringConstructor },
    options: { multipleSlots: true, ...options.options },
  } as WechatMiniprogram.Component.Options<TData, TProperty & { customStyle: StringConstructor }, TMethod, TBehavior, TCustom>);
}
