import path from 'node:path';
import simulate from 'miniprogram-simulate';
import type { Rendered as RenderedNode } from '../../testing';
import type { KitCore } from './simulate-root';
import { KIT_PACKAGE, simulateRootOf, tagOf } from './simulate-root';

const loaded = new Map<string, string>();
let kitCore: KitCore = 'open';

/** The kit's development entry as built (`tccc-call-kit/dev`). */
export type KitDevEntry = typeof import('../../src/dev');
/** The dev entry beside each load of components: each load runs on modules of its own (see loadKitComponent). */
const devEntries: KitDevEntry[] = [];
let contrastChecked = false;

/**
 * Which core the kit components of this test file run on: ours (`open`, the default) or the double of
 * Tencent's (`double`). Call it before the first load; wcc keeps one compiled template per path, so a
 * test file stays on one core.
 */
export function useKitCore(core: KitCore): void {
  if (loaded.size > 0 && core !== kitCore) throw new Error('useKitCore: components are loaded already; use one core per test file.');
  kitCore = core;
}

/**
 * A built component (`call-bar`, `keypad`…, a variant such as `call-screen/audio`, or `tccc-wx-sdk` for the
 * core's root) with its real vant children and the core's components, loaded once per test file from
 * miniprogram_npm as WeChat would.
 */
export function loadKitComponent(name: string): string {
  let id = loaded.get(name);
  if (!id) {
    const npm = path.join(simulateRootOf(kitCore), 'miniprogram_npm');
    const file = name === 'tccc-wx-sdk' ? path.join(npm, 'tccc-wx-sdk', 'index') : path.join(npm, KIT_PACKAGE, name.includes('/') ? name : `${name}/index`);
    // simulate runs each component's JS with require() and then clears Node's require cache, which jest's
    // module registry ignores: without a reset, a component already run by an earlier load (vant's button
    // inside another kit component) would never register under this load and render as an empty tag.
    jest.resetModules();
    id = simulate.load(file, tagOf(name), { rootPath: simulateRootOf(kitCore) });
    loaded.set(name, id);
    // Required right after the load, the entry shares that load's modules (the hooks' chunk), as in an app.
    const devEntry = require(path.join(simulateRootOf(kitCore), 'miniprogram_npm', KIT_PACKAGE, 'dev', 'index')) as KitDevEntry;
    devEntries.push(devEntry);
    if (contrastChecked) devEntry.checkContrast();
  }
  return id;
}

/**
 * `require('tccc-call-kit/dev').checkContrast()` as an app.js would call it: the contrast warnings, for the
 * components loaded in this test file so far and from now on (a test file is one app run).
 */
export function checkContrastInKit(): void {
  contrastChecked = true;
  for (const devEntry of devEntries) devEntry.checkContrast();
}

/** What miniprogram-simulate hands back for a rendered host page: a node as the testing entry types it, and more. */
export interface Rendered extends RenderedNode {
  instance: Record<string, any>;
  querySelector(selector: string): Rendered | undefined;
  querySelectorAll(selector: string): Rendered[];
  triggerPageLifeTime(name: string): void;
  detach(): void;
}

export interface Host {
  page: Rendered;
  /** Every event the host received, by name, in order. */
  events: Record<string, unknown[]>;
}

/**
 * Renders `<tccc-{name} id="subject" {attributes} bind:{event}="…">` in a host page that records the
 * given events. `data` becomes the host's data, so attributes can bind to it and tests can change it.
 */
export function renderInHost(name: string, options: { attributes?: string; events?: string[]; data?: Record<string, unknown>; inner?: string; using?: Record<string, string> } = {}): Host {
  const events: Record<string, unknown[]> = {};
  const methods: Record<string, (event: { detail: unknown }) => void> = {};
  const bindings = (options.events ?? []).map((event) => {
    events[event] = [];
    methods[`on_${event}`] = ({ detail }) => events[event].push(detail);
    return `bind:${event}="on_${event}"`;
  });
  const tag = tagOf(name);
  const pageId = simulate.load({
    usingComponents: { [tag]: loadKitComponent(name), ...options.using },
    template: `<${tag} id="subject" ${options.attributes ?? ''} ${bindings.join(' ')}>${options.inner ?? ''}</${tag}>`,
    data: options.data ?? {},
    methods,
  });
  const page = simulate.render(pageId);
  page.attach(document.createElement('parent-wrapper'));
  return { page: page as unknown as Rendered, events };
}

/** Taps a rendered vant button: the inner `wx-button` element, as a finger would (by its name: the testing entry's `tap`). */
export async function tapButton(root: RenderedNode, selector: string): Promise<void> {
  const vant = root.querySelector(selector);
  if (!vant) throw new Error(`No element matches ${selector}`);
  const inner = vant.querySelector('.van-button');
  if (!inner) throw new Error(`${selector} rendered no inner vant button`);
  inner.dispatchEvent('tap');
  await simulate.sleep(0);
}
