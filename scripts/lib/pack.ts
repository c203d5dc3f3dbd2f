import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './repo-root';

const ROOT = repoRoot();

/** The folders of the packages this tree emits, by role, relative to the repository root. */
export const PACKAGE_DIRS = {
  /** open-tccc-wx-sdk, our core: the root package. */
  core: '.',
  kit: 'packages/tccc-call-kit',
  devServer: 'packages/tccc-dev-server',
  create: 'packages/create-tccc-miniprogram',
} as const;

/** The test double of Tencent's tccc-wx-sdk, written from the public doc. */
export const DOUBLE_DIR = 'testing/tccc-wx-sdk-double';

/** What `npm pack` made of our packages, the double, and the packages a scaffolded project installs. */
export interface PackedTarballs {
  core: string;
  kit: string;
  devServer: string;
  create: string;
  /** The double, packed under Tencent's name, tccc-wx-sdk. */
  double: string;
  /** tim-wx-sdk, for apps that opt into IM signaling (the benchmark's reference). */
  tim: string;
  /** What a TypeScript app adds (WeChat's API typings and the compiler of its `npm run typecheck`). */
  typescriptApp: string[];
  /** Everything a scaffolded project of either core installs, for the local registry. */
  all: string[];
}

/** `npm pack` of one folder into `destination`, without its prepack (build first); the tarball's path. */
export function pack(directory: string, destination: string): string {
  return packFolders([directory], destination)[0];
}

/** `npm pack` of several folders in one npm run (npm starts once, not once per folder); their tarballs' paths, in order. */
export function packFolders(directories: string[], destination: string): string[] {
  const output = execFileSync('npm', ['pack', ...directories, '--pack-destination', destination, '--ignore-scripts', '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 120000 });
  const packed = JSON.parse(output) as Array<{ filename: string }>;
  if (packed.length !== directories.length) throw new Error(`npm pack made ${packed.length} tarballs of ${directories.length} folders: ${output}`);
  return packed.map(({ filename }) => path.join(destination, filename));
}

/**
 * Packs our built packages (run `npm run build` first: the packs skip prepack, the build has run) and
 * their dependencies from node_modules.
 */
export function packInto(destination: string): PackedTarballs {
  fs.rmSync(destination, { recursive: true, force: true });
  fs.mkdirSync(destination, { recursive: true });
  const ours = [PACKAGE_DIRS.core, PACKAGE_DIRS.kit, PACKAGE_DIRS.devServer, PACKAGE_DIRS.create, DOUBLE_DIR].map((dir) => (dir === '.' ? '.' : `./${dir}`));
  const installed = ['@vant/weapp', 'trtc-wx-sdk', 'tim-wx-sdk', 'miniprogram-api-typings', 'typescript'].map((name) => `./node_modules/${name}`);
  const [core, kit, devServer, create, double, vant, trtc, tim, typings, typescript] = packFolders([...ours, ...installed], destination);
  return { core, kit, devServer, create, double, tim, typescriptApp: [typings, typescript], all: [core, kit, devServer, double, vant, trtc, tim] };
}
