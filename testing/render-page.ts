import fs from 'node:fs';
import path from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import type * as Simulate from 'miniprogram-simulate';
import { resolveComponents } from './components';
import { peer } from './peers';
import { readProject } from './project';
import type { Control, Rendered } from './screen';
import { controlsOf, statusOf, tap, textOf, waitForStatus } from './screen';
import { stageMiniprogram } from './stage';
import type { WxRuntime, WxRuntimeOptions } from './wx-runtime';
import { installWxRuntime } from './wx-runtime';

export interface RenderPageOptions {
  /**
   * Where the app's network goes, by origin, as a hosts file would: `{ 'http://127.0.0.1:5700': simulator.url }`
   * sends what the app sends to its configured endpoint to a simulator on a free port. Targets are loopback;
   * anything else fails as a domain outside WeChat's whitelist.
   */
  routes?: Record<string, string>;
  /** The rest of the `wx` runtime: platform, permissions, WeChat's privacy rules (see `installWxRuntime`). */
  wx?: Omit<WxRuntimeOptions, 'routes'>;
  /**
   * `'double'`: Tencent's tccc-wx-sdk, which runs only inside WeChat, replaced by the double written from its
   * public doc (drive it with `tcccWxSdkDouble()`). Default `'installed'`: the core 构建 npm built.
   */
  tcccWxSdk?: 'installed' | 'double';
  /** The page's query, as `onLoad` receives it. */
  query?: Record<string, string>;
  /** How long the page's `onLoad` may take when it returns a promise (its login, say). Default 10 s. */
  timeoutMs?: number;
}

/** A page as the user sees it, with a finger and eyes. */
export interface RenderedPage {
  /** The page component: its `data`, its methods on `instance`, its DOM. */
  root: Rendered;
  /** The `wx` runtime under it: requests made, sockets open, modals and toasts shown… */
  wx: WxRuntime;
  /** What the page shows, as text. */
  text(): string;
  /** The buttons on screen, by the names a screen reader gives them. */
  controls(): Control[];
  /** Taps the control named `name` (`语音呼叫`, `挂断`, `键盘`, `1`…), waiting up to `timeoutMs` (5 s) for it. */
  tap(name: string, options?: { timeoutMs?: number }): Promise<void>;
  /** The call screen's status line; '' when there is none. */
  status(): string;
  /** Waits until the status line reads `expected` (or matches it); default 10 s. */
  waitForStatus(expected: string | RegExp, timeoutMs?: number): Promise<void>;
  /** Closes the page (its components detach, as when the user leaves), restores `wx`, removes the staged copy. */
  close(): void;
}

type PageDefinition = Record<string, unknown> & { data?: Record<string, unknown> };

const WCC_OUTPUT_LIMIT = 512 * 1024 * 1024;

/**
 * Loads `pagePath` (as app.json names it: `pages/call/index`, `packageTccc/pages/call/index`) of the mini
 * program in `projectPath` as WeChat would: in miniprogram-simulate, after app.js, its components resolved
 * from `miniprogram_npm` (a subpackage's own first), with a `wx` runtime whose network goes to loopback;
 * then `onLoad`, `onShow` and `onReady`. Run `buildNpm(projectPath)` first. Needs jest's jsdom environment.
 */
export async function renderPage(projectPath: string, pagePath: string, options: RenderPageOptions = {}): Promise<RenderedPage> {
  if (typeof document === 'undefined') throw new Error("renderPage needs a DOM: jest's jsdom environment (the preset tccc-dev-server/testing sets it).");
  const layout = readProject(projectPath);
  const page = pagePath.replace(/^\/+/, '').replace(/\.(js|ts|json|wxml)$/, '');
  const { independent } = registration(layout.miniprogramRoot, page);
  const simulate = peer<typeof Simulate>('miniprogram-simulate', 'renderPage');
  const dir = stageMiniprogram(layout, { double: options.tcccWxSdk === 'double' });
  let wx: WxRuntime | null = null;
  let rendered: (Rendered & { detach(): void }) | null = null;
  const close = () => {
    if (rendered) rendered.detach();
    rendered = null;
    wx?.restore();
    wx = null;
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const globalComponents = resolveComponents(dir, page, { global: !independent });
    wx = installWxRuntime({ ...options.wx, routes: options.routes });
    const query = options.query ?? {};
    // WeChat opens a page of an independent subpackage without the main package: no app.js (getApp() gives
    // nothing, or a default when asked to) and none of app.json's global components.
    if (independent) withoutApp();
    else runApp(dir, page, query);
    usePageConstructor();
    // WeChat's wcc compiles every template of the mini program at once: a real app's (a UI library from
    // npm, several subpackages) prints far more than the default 1 MB it is given.
    const id = simulate.load(path.join(dir, page), 'page', { rootPath: dir, usingComponents: globalComponents, compilerOptions: { maxBuffer: WCC_OUTPUT_LIMIT } });
    const root = simulate.render(id) as unknown as Rendered & { detach(): void; attach(parent: Element): void };
    root.attach(document.createElement('parent-wrapper'));
    rendered = root;
    await settle(lifetime(root, 'onLoad', query), `${page}'s onLoad`, options.timeoutMs ?? 10000);
    lifetime(root, 'onShow');
    lifetime(root, 'onReady');
    const runtime = wx;
    return {
      root,
      wx: runtime,
      text: () => textOf(root),
      controls: () => controlsOf(root),
      tap: (name, tapOptions) => tap(root, name, tapOptions),
      status: () => statusOf(root),
      waitForStatus: (expected, timeoutMs) => waitForStatus(root, expected, timeoutMs),
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}

interface AppJson {
  pages?: string[];
  subpackages?: Array<{ root: string; pages: string[]; independent?: boolean }>;
  subPackages?: Array<{ root: string; pages: string[]; independent?: boolean }>;
}

/**
 * Where app.json lists the page: whether in an independent subpackage. A page it does not list is a page
 * WeChat never opens: said before anything else.
 */
function registration(miniprogramRoot: string, page: string): { independent: boolean } {
  const file = path.join(miniprogramRoot, 'app.json');
  const app = JSON.parse(fs.readFileSync(file, 'utf8')) as AppJson;
  const subpackages = [...(app.subpackages ?? []), ...(app.subPackages ?? [])];
  const inSubpackage = subpackages.find((sub) => sub.pages.some((inner) => path.posix.join(sub.root, inner) === page));
  if (inSubpackage) return { independent: inSubpackage.independent === true };
  if (app.pages?.includes(page)) return { independent: false };
  const pages = [...(app.pages ?? []), ...subpackages.flatMap((sub) => sub.pages.map((inner) => path.posix.join(sub.root, inner)))];
  throw new Error(`${file} lists no page ${page} (it has: ${pages.join(', ') || 'none'}).`);
}

function withoutApp(): void {
  const scope = globalThis as Record<string, unknown>;
  scope.App = () => undefined;
  scope.getApp = (options?: { allowDefault?: boolean }) => (options?.allowDefault ? { globalData: {} } : undefined);
}

/** app.js first, as WeChat runs it: `App()` registers the app that `getApp()` returns, then its onLaunch and onShow. */
function runApp(dir: string, page: string, query: Record<string, string>): void {
  const scope = globalThis as Record<string, unknown>;
  let app: Record<string, unknown> = { globalData: {} };
  scope.App = (definition: Record<string, unknown>) => {
    app = { globalData: {}, ...definition };
  };
  scope.getApp = () => app;
  const file = path.join(dir, 'app.js');
  if (fs.existsSync(file)) require(file);
  const launch = { path: page, query, scene: 1001 };
  (app.onLaunch as ((options: unknown) => void) | undefined)?.call(app, launch);
  (app.onShow as ((options: unknown) => void) | undefined)?.call(app, launch);
}

/** `Page({...})` as a component (miniprogram-simulate knows only `Component`): its functions become methods. */
function usePageConstructor(): void {
  const scope = globalThis as Record<string, unknown>;
  scope.Page = (definition: PageDefinition) => {
    const methods = Object.fromEntries(Object.entries(definition).filter(([, value]) => typeof value === 'function'));
    (scope.Component as (options: unknown) => void)({ data: definition.data ?? {}, methods });
  };
}

/** Calls a page's lifetime method (`onLoad`, …) as WeChat does, when the page has it; what it returns. */
function lifetime(root: Rendered, name: string, ...args: unknown[]): unknown {
  const method = root.instance[name];
  return typeof method === 'function' ? (method as (...values: unknown[]) => unknown).apply(root.instance, args) : undefined;
}

/** Waits for `value` when it is a promise, up to `timeoutMs`; a rejection or a timeout fails the render. */
async function settle(value: unknown, what: string, timeoutMs: number): Promise<void> {
  if (!value || typeof (value as Promise<unknown>).then !== 'function') return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not settle within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([value, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
