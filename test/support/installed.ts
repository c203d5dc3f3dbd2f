import fs from 'node:fs';
import path from 'node:path';
import { TCCC_WX_SDK_DOUBLE_DIR } from '../../testing';

const REPO = path.resolve(__dirname, '../..');

/** A package as npm installs it: its package.json (renamed, for an alias) and the folders it ships. */
function place(target: string, source: string, folders: string[], name?: string): void {
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8'));
  fs.writeFileSync(path.join(target, 'package.json'), JSON.stringify({ ...manifest, ...(name ? { name } : {}) }));
  for (const folder of folders) fs.cpSync(path.join(source, folder), path.join(target, folder), { recursive: true });
}

/**
 * What `npm install` leaves in `<dir>/node_modules` for a call page, copied from this tree (built first) so
 * that unit tests need no registry: the core as `tccc-wx-sdk` (ours, named as the app's postinstall names it,
 * or the double of Tencent's), the kit, @vant/weapp and, for ours, trtc-wx-sdk. The journeys install for real.
 */
export function installCallPackages(dir: string, core: 'open' | 'double'): void {
  const modules = path.join(dir, 'node_modules');
  if (core === 'open') {
    place(path.join(modules, 'tccc-wx-sdk'), REPO, ['miniprogram_dist'], 'tccc-wx-sdk');
    place(path.join(modules, 'trtc-wx-sdk'), path.join(REPO, 'node_modules', 'trtc-wx-sdk'), fs.readdirSync(path.join(REPO, 'node_modules', 'trtc-wx-sdk')).filter((file) => file !== 'package.json'));
  } else {
    place(path.join(modules, 'tccc-wx-sdk'), path.dirname(TCCC_WX_SDK_DOUBLE_DIR), ['miniprogram_dist']);
  }
  place(path.join(modules, 'tccc-call-kit'), path.join(REPO, 'packages', 'tccc-call-kit'), ['miniprogram_dist']);
  place(path.join(modules, '@vant', 'weapp'), path.join(REPO, 'node_modules', '@vant', 'weapp'), ['lib']);
}
