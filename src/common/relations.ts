/**
 * Relations by behavior rather than by path: `tccc-wx-sdk/pusher` and `tccc-wx-sdk/player` find the root
 * `tccc-wx-sdk` among their ancestors wherever the files sit (see common/media-child.ts).
 */
export const rootBehavior = Behavior({});
