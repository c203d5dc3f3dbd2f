/** A package a generated app installs, and the range its package.json asks for. */
export interface PackageRange {
  name: string;
  range: string;
}

/** The packages of the release this scaffolder belongs to, fixed when it is built (scripts/build-create.mjs). */
export interface Release {
  version: string;
  /** Ours: installed under the name tccc-wx-sdk, `"tccc-wx-sdk": "npm:open-tccc-wx-sdk@^x"`. */
  openCore: PackageRange;
  kit: PackageRange;
  devServer: PackageRange;
}

/**
 * Tencent's core, on the public npm registry under the name the doc uses. Its releases could not be listed
 * from where this was written, so the range takes any release from 1.0.0 on rather than guess a major.
 */
export const TENCENT_CORE: PackageRange = { name: 'tccc-wx-sdk', range: '>=1.0.0' };

/** WeChat's API typings, which a TypeScript app adds (as WeChat DevTools' TypeScript template does). */
export const TYPINGS: PackageRange = { name: 'miniprogram-api-typings', range: '^5.2.3' };

/** The compiler behind a TypeScript app's `npm run typecheck` (DevTools compiles with its own as it builds). */
export const TYPESCRIPT: PackageRange = { name: 'typescript', range: '^5.9.3' };

declare const TCCC_RELEASE: Release | undefined;

export function release(): Release {
  if (typeof TCCC_RELEASE === 'undefined') throw new Error('create-tccc-miniprogram runs from its build (scripts/build-create.mjs), which fixes the release.');
  return TCCC_RELEASE;
}

/** The `tccc-wx-sdk` dependency of an app: Tencent's package, or ours under its alias. */
export function coreDependency(core: 'tccc' | 'open', ours: Release): string {
  if (core === 'tccc') return TENCENT_CORE.range;
  // A tarball (a project made from a clone) installs under the key's name as it is: no alias needed.
  return ours.openCore.range.startsWith('file:') ? ours.openCore.range : `npm:${ours.openCore.name}@${ours.openCore.range}`;
}
