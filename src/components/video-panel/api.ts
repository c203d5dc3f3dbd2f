/** Types of `<tccc-video-panel>`. */
export interface VideoPanelEventDetails {
  /** The caller dragged the picture-in-picture here (px from the panel's top left). */
  pipmove: { x: number; y: number };
}

export type VideoPanelEvent<Name extends keyof VideoPanelEventDetails> = WechatMiniprogram.CustomEvent<VideoPanelEventDetails[Name]>;
