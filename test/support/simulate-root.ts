import fs from 'node:fs';
import path from 'node:path';
import { TCCC_WX_SDK_DOUBLE_DIR } from '../../testing';
import { resolveComponents } from '../../testing/components';

/**
 * The miniprogram-simulate roots for UI kit tests, laid out as WeChat's 构建 npm would for an app that
 * installed a core and the kit: the core in `miniprogram_npm/tccc-wx-sdk`, the kit in
 * `miniprogram_npm/tccc-call-kit`, and `@vant/weapp/lib` (CommonJS; its `dist` is ESM and fails in simulate)
 * in `miniprogram_npm/@vant/weapp`. The official wcc compiles every template under the root, so all must
 * sit inside it. One root per core: ours (`open`), and the double of Tencent's (`double`).
 */
export type KitCore = 'open' | 'double';

const TMP = path.resolve(__dirname, '../../.tmp');
const REPO = path.resolve(__dirname, '../..');
const CORE_SOURCES: Record<KitCore, string> = {
  open: path.join(REPO, 'miniprogram_dist'),
  double: TCCC_WX_SDK_DOUBLE_DIR,
};
const KIT_SOURCE = path.join(REPO, 'packages', 'tccc-call-kit', 'miniprogram_dist');
const VANT_SOURCE = path.join(REPO, 'node_modules', '@vant', 'weapp', 'lib');
export const KIT_PACKAGE = 'tccc-call-kit';

/** The tag a kit component is rendered under, from its path in the kit: `tccc-call-bar`, `tccc-call-screen-audio`. */
export function tagOf(name: string): string {
  const tag = name.replace('/', '-');
  return tag.startsWith('tccc-') ? tag : `tccc-${tag}`;
}

export function simulateRootOf(core: KitCore): string {
  return path.join(TMP, core === 'open' ? 'simulate-root' : 'simulate-root-double');
}

/** Our core's root: SIMULATE_ROOT, with the core at CORE_DIST and the kit at KIT_DIST. */
export const SIMULATE_ROOT = simulateRootOf('open');
export const CORE_DIST = path.join(SIMULATE_ROOT, 'miniprogram_npm', 'tccc-wx-sdk');
export const KIT_DIST = path.join(SIMULATE_ROOT, 'miniprogram_npm', KIT_PACKAGE);

function copyVant(root: string): void {
  const target = path.join(root, 'miniprogram_npm', '@vant', 'weapp');
  const version = JSON.parse(fs.readFileSync(path.join(VANT_SOURCE, '..', 'package.json'), 'utf8')).version as string;
  const marker = path.join(target, '.version');
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === version) return;
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.cpSync(VANT_SOURCE, target, { recursive: true });
  fs.writeFileSync(marker, version);
}

export function prepareSimulateRoot(): void {
  for (const dir of [CORE_SOURCES.open, KIT_SOURCE]) {
    if (!fs.existsSync(dir)) throw new Error(`${path.relative(REPO, dir)}/ is missing: run \`npm run build\` first (npm test does).`);
  }
  for (const core of Object.keys(CORE_SOURCES) as KitCore[]) {
    const npm = path.join(simulateRootOf(core), 'miniprogram_npm');
    for (const [name, source] of [['tccc-wx-sdk', CORE_SOURCES[core]], [KIT_PACKAGE, KIT_SOURCE]]) {
      fs.rmSync(path.join(npm, name), { recursive: true, force: true });
      fs.cpSync(source, path.join(npm, name), { recursive: true });
    }
    copyVant(simulateRootOf(core));
    resolveAsWeChat(simulateRootOf(core));
  }
}

/**
 * Every component's `usingComponents` in the root rewritten to the path WeChat resolves it to (the testing
 * entry's rule: the kit's `"tccc-wx-sdk": "tccc-wx-sdk"` and `@vant/weapp/…` to their miniprogram_npm
 * folders), which is all miniprogram-simulate follows: a package name left as it is renders an empty tag.
 */
function resolveAsWeChat(root: string): void {
  const kit = path.join(root, 'miniprogram_npm', KIT_PACKAGE);
  // Each component of the kit, variants (call-screen/audio) included: every .json of its folders.
  const kitComponents = fs.readdirSync(kit).filter((name) => fs.existsSync(path.join(kit, name, 'index.json')));
  for (const name of kitComponents) {
    for (const json of fs.readdirSync(path.join(kit, name)).filter((file) => file.endsWith('.json'))) {
      resolveComponents(root, `miniprogram_npm/${KIT_PACKAGE}/${name}/${json.replace(/\.json$/, '')}`);
    }
  }
  for (const part of ['index', 'pusher/index', 'player/index']) resolveComponents(root, `miniprogram_npm/tccc-wx-sdk/${part}`);
}
