import fs from 'node:fs';
import path from 'node:path';
import type { Messages } from './messages';
import { EN_US } from './messages';
import type { Release } from './release';
import { withTargetProblems } from './target-problem';

/** Where a project made from a clone keeps our packed packages; its package.json points there (`file:`). */
export const LOCAL_PACKAGES_DIR = 'local-packages';

export interface LocalPackages {
  /** The release with each of our packages' range a `file:` path into the project's local-packages/. */
  release: Release;
  /** The tarballs to copy in: absolute source, and the project-relative target. */
  copies: Array<{ source: string; target: string }>;
}

/**
 * For `npm run create` in a clone, where our packages are not on a registry: the tarballs `npm pack` made
 * in `dir` (open-tccc-wx-sdk, tccc-call-kit, tccc-dev-server, each at the version of its range). Returns an
 * error message when one is missing.
 */
export function localPackages(dir: string, release: Release, m: Messages = EN_US): LocalPackages | string {
  const copies: LocalPackages['copies'] = [];
  const local = { ...release };
  for (const role of ['openCore', 'kit', 'devServer'] as const) {
    // npm pack names a tarball <name>-<version>.tgz; each package's version is its range's (^x.y.z).
    const file = `${release[role].name}-${release[role].range.replace(/^\^/, '')}.tgz`;
    const source = path.resolve(dir, file);
    if (!fs.existsSync(source)) return m.errors.localPackageMissing(file, dir);
    const target = `${LOCAL_PACKAGES_DIR}/${file}`;
    copies.push({ source, target });
    local[role] = { name: release[role].name, range: `file:${target}` };
  }
  return { release: local, copies };
}

/** Copies the tarballs into the project (after writeProject); what the filesystem refuses is told in `m`'s words. */
export function copyLocalPackages(projectDir: string, copies: LocalPackages['copies'], m: Messages = EN_US): void {
  withTargetProblems('write', m, () => {
    for (const { source, target } of copies) {
      fs.mkdirSync(path.dirname(path.join(projectDir, target)), { recursive: true });
      fs.copyFileSync(source, path.join(projectDir, target));
    }
  });
}
