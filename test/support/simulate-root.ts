import fs from 'node:fs';
import path from 'node:path';

/**
 * The miniprogram-simulate root for UI kit tests, laid out as WeChat's 构建 npm would: the built package in
 * `miniprogram_npm/tccc-wx-sdk`, and `@vant/weapp/lib` (CommonJS; its `dist` is ESM and fails in simulate)
 * in `miniprogram_npm/@vant/weapp`. The official wcc compiles every template under the root, so both must
 * sit inside it.
 */
export const SIMULATE_ROOT = path.resolve(__dirname, '../../.tmp/simulate-root');
export const KIT_DIST = path.join(SIMULATE_ROOT, 'miniprogram_npm', 'tccc-wx-sdk');
const DIST = path.resolve(__dirname, '../../miniprogram_dist');
const VANT_SOURCE = path.resolve(__dirname, '../../node_modules/@vant/weapp/lib');
const VANT_TARGET = path.join(SIMULATE_ROOT, 'miniprogram_npm', '@vant', 'weapp');

export function prepareSimulateRoot(): void {
  if (!fs.existsSync(DIST)) throw new Error('miniprogram_dist/ is missing: run `npm run build` first (npm test does).');
  fs.rmSync(KIT_DIST, { recursive: true, force: true });
  fs.cpSync(DIST, KIT_DIST, { recursive: true });
  const version = JSON.parse(fs.readFileSync(path.join(VANT_SOURCE, '..', 'package.json'), 'utf8')).version as string;
  const marker = path.join(VANT_TARGET, '.version');
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === version) return;
  fs.rmSync(VANT_TARGET, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(VANT_TARGET), { recursive: true });
  fs.cpSync(VANT_SOURCE, VANT_TARGET, { recursive: true });
  fs.writeFileSync(marker, version);
}

/** The vant components the kit uses, mapped explicitly (unmapped, they would render empty without an error). */
export const VANT_COMPONENTS: Record<string, string> = Object.fromEntries(
  ['button', 'icon', 'loading', 'popup'].map((name) => [`van-${name}`, `/miniprogram_npm/@vant/weapp/${name}/index`]),
);
