import fs from 'node:fs';
import path from 'node:path';
import type { Messages } from '../messages';
import type { AddRecord } from './add-record';
import { readRecord } from './add-record';
import type { HostProject } from './host-project';
import { cleanRoot, inMiniprogram, subpackagesOf } from './host-project';
import { AddRefusal } from './refusal';

/** The subpackage's root when --root is not given. */
export const DEFAULT_ROOT = 'packageTccc';

const SAFE_ROOT = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/;

/** The subpackage folder, absolute. */
export function subpackageDir(host: HostProject, root: string): string {
  return path.join(host.dir, ...inMiniprogram(host, root).split('/'));
}

/** The record of an earlier `add` at `root`, if there is one. */
export function recordAt(host: HostProject, root: string): AddRecord | null {
  return readRecord(subpackageDir(host, root));
}

/**
 * Checks that `root` can hold the call subpackage: a plain folder name, not in use by anything `add` did
 * not make (a folder, a subpackage of app.json), not inside or around another subpackage, holding none of
 * the main package's pages. Resolves the record of an earlier add there, or null.
 */
export function checkRoot(host: HostProject, root: string, m: Messages): AddRecord | null {
  if (!SAFE_ROOT.test(root) || root.split('/').some((segment) => ['node_modules', 'miniprogram_npm'].includes(segment))) throw new AddRefusal(m.add.rootInvalid(root));
  const record = recordAt(host, root);
  const made = record !== null && record.root === root;
  for (const subpackage of subpackagesOf(host.appJson.json)) {
    const other = typeof subpackage.root === 'string' ? cleanRoot(subpackage.root) : null;
    if (other === null || other === '') continue;
    if (other === root) {
      if (!made) throw new AddRefusal(m.add.rootDeclared(root));
    } else if (root.startsWith(`${other}/`) || other.startsWith(`${root}/`)) {
      throw new AddRefusal(m.add.rootOverlaps(root, other));
    }
  }
  const page = (host.appJson.json.pages ?? []).find((name) => typeof name === 'string' && name.startsWith(`${root}/`));
  if (page) throw new AddRefusal(m.add.rootHoldsPage(root, page));
  if (!made && fs.existsSync(subpackageDir(host, root))) throw new AddRefusal(m.add.rootTaken(inMiniprogram(host, root)));
  return made ? record : null;
}

/** The roots of app.json's subpackages that `add` made (remove without --root looks there). */
export function addedRoots(host: HostProject): string[] {
  return subpackagesOf(host.appJson.json)
    .map((subpackage) => (typeof subpackage.root === 'string' ? cleanRoot(subpackage.root) : null))
    .filter((root): root is string => root !== null && root !== '' && recordAt(host, root)?.root === root);
}
