import fs from 'node:fs';
import path from 'node:path';
import { CORE_DIST, KIT_DIST, tagOf } from './simulate-root';
import type { Rendered } from './ui-host';

// miniprogram-simulate's own wxss compiler: the same class prefixing as the rendered DOM.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const wxss = require('miniprogram-simulate/src/wxss') as { compile(css: string, options: { prefix: string }): string };

/**
 * Turns a component rendered by miniprogram-simulate into a standalone HTML page Chromium can draw: the
 * compiled wxss of every loaded component with rpx as WeChat scales it (750rpx = the window's width) and
 * `env(safe-area-inset-bottom)` as the phone gives it, and base styles for the `wx-*` elements WeChat would
 * draw itself. The kit draws its icons itself (masks in its wxss), so no icon font is needed.
 */
const RPX = /(-?\d*\.?\d+)rpx/g;
const SAFE_BOTTOM = /env\(safe-area-inset-bottom\)/g;

function atWindow(css: string, width: number, safeBottom: number): string {
  return css.replace(RPX, (_, value: string) => `${(Number(value) * width) / 750}px`).replace(SAFE_BOTTOM, `${safeBottom}px`);
}

/** Our components (a folder's index, or a variant's path) and the tag each is registered under (the prefix simulate gives its classes). */
const KIT_TAGS: Record<string, string> = {
  '.': 'tccc-wx-sdk',
  pusher: 'tccc-wx-sdk-pusher',
  player: 'tccc-wx-sdk-player',
  ...Object.fromEntries(
    ['call-bar', 'keypad', 'call-timer', 'video-panel', 'call-screen', 'call-screen/audio', 'config-provider', 'privacy-consent'].map((name) => [name, tagOf(name)]),
  ),
};

const IMPORT = /@import\s+(["'])([^"']+)\1;?/g;

/** A wxss file with its imports in place (the kit's shared theme.wxss), as WeChat applies them to the component. */
function withImports(file: string): string {
  return fs.readFileSync(file, 'utf8').replace(IMPORT, (_, __, spec: string) => withImports(path.resolve(path.dirname(file), spec)));
}

/**
 * simulate turns `1rpx` into `1px` (it renders at 750px wide); our styles are compiled again here at the
 * window's scale and appended, overriding the same selectors. vant's styles are written in px and stay as
 * simulate inserted them.
 */
const kitStyles = new Map<string, string>();

function kitStylesAt(width: number, safeBottom: number): string {
  const key = `${width}/${safeBottom}`;
  let styles = kitStyles.get(key);
  if (styles === undefined) {
    styles = Object.entries(KIT_TAGS)
      .map(([dir, tag]) => {
        const file = path.join(['.', 'pusher', 'player'].includes(dir) ? CORE_DIST : KIT_DIST, dir.includes('/') ? `${dir}.wxss` : path.join(dir, 'index.wxss'));
        return fs.existsSync(file) ? wxss.compile(atWindow(withImports(file), width, safeBottom), { prefix: tag }) : '';
      })
      .join('\n');
    kitStyles.set(key, styles);
  }
  return styles;
}

/** Roughly what WeChat's webview gives its built-in elements; enough for vant and our layouts. */
const BASE_STYLES = `
html, body { margin: 0; padding: 0; }
body { font-family: -apple-system, "PingFang SC", "WenQuanYi Micro Hei", "Helvetica Neue", sans-serif; font-size: 16px; line-height: 1.4; -webkit-font-smoothing: antialiased; }
wx-view, wx-movable-area, wx-live-player, wx-live-pusher { display: block; }
wx-text { display: inline; white-space: pre-wrap; }
wx-button { position: relative; display: block; box-sizing: border-box; margin: 0 auto; padding: 0 14px; overflow: hidden; font-size: 18px; line-height: 2.556; text-align: center; border-radius: 5px; color: #000; background-color: #f8f8f8; }
wx-button::after { content: " "; position: absolute; top: 0; left: 0; box-sizing: border-box; width: 200%; height: 200%; border: 1px solid rgba(0, 0, 0, 0.2); border-radius: 10px; transform: scale(0.5); transform-origin: 0 0; }
wx-movable-view { display: block; position: absolute; top: 0; left: 0; }
`;

/** A host page that gives its page a fixed height, as \`page { height: 100% }\` in app.wxss does. */
const FIXED_HEIGHT_PAGE = 'html, body, #frame { height: 100%; }';

export interface SnapshotOptions {
  /** The window's width in px (default 375): rpx scale with it. */
  width?: number;
  /** `env(safe-area-inset-bottom)` in px (34 on an iPhone with a home indicator). */
  safeBottom?: number;
  /** The host page sets `page { height: 100% }`. */
  fixedHeightPage?: boolean;
  /** Extra CSS variables (or any declarations) on the frame. */
  frameStyle?: string;
  background?: string;
  /** Extra style rules, e.g. a bright frame standing in for the agent's video. */
  css?: string;
}

/** A frame of `width` px around the rendered component, optionally with extra CSS variables on it. */
export function snapshotHtml(rendered: Rendered, options: SnapshotOptions = {}): string {
  const styles = Array.from(document.head.querySelectorAll('style'))
    .map((style) => style.textContent ?? '')
    .join('\n')
    .replace(/@font-face\s*{[^}]*vant-icon[^}]*}/g, '');
  const body = rendered.dom.outerHTML;
  const width = options.width ?? 375;
  const frame = `width:${width}px;background:${options.background ?? 'transparent'};${options.frameStyle ?? ''}`;
  const page = `${options.fixedHeightPage ? FIXED_HEIGHT_PAGE : ''}${options.css ?? ''}`;
  return `<!doctype html><html><head><meta charset="utf-8"><style>${BASE_STYLES}\n${styles}\n${kitStylesAt(width, options.safeBottom ?? 0)}\n${page}</style></head><body><div id="frame" style="${frame}">${body}</div></body></html>`;
}
