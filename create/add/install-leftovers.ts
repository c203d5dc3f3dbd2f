import fs from 'node:fs';
import path from 'node:path';
import type { PackageManager } from '../options';
import type { RecordedFile } from './add-record';

/** What an install at the project root leaves beside package.json, whichever package manager ran it. */
export const INSTALL_OUTPUTS = ['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock', 'node_modules'];

/** Which of an install's outputs are at the project root now. */
export function installOutputsIn(dir: string): string[] {
  return INSTALL_OUTPUTS.filter((name) => fs.existsSync(path.join(dir, name)));
}

/** The package manager whose lockfile is at the root (npm when there is none). */
function managerAt(dir: string): PackageManager {
  if (fs.existsSync(path.join(dir, 'pnpm-lock.yaml'))) return 'pnpm';
  return fs.existsSync(path.join(dir, 'yarn.lock')) ? 'yarn' : 'npm';
}

/** What remove does about the root install that add's package.json lines asked for (the open core's simulator). */
export interface InstallLeftovers {
  /** Outputs to delete: package.json was add's own and goes, and they were not there before add. */
  deleted: string[];
  /** The manager whose install prunes the simulator, when it stays installed; null when it does not. */
  prunedBy: PackageManager | null;
}

/**
 * A root package.json that add created and remove deletes leaves the lockfile and node_modules its install
 * made: they go too, but only those that were not at the root before add (`presentBefore`, kept in the
 * record; unknown for an older record, which deletes nothing). Where package.json stays (the app's own,
 * or add's taken on by the team), the install is the app's: remove leaves it and says how to prune the
 * simulator from it.
 */
export function installLeftovers(dir: string, entry: RecordedFile | undefined, packageJsonGoes: boolean, presentBefore: string[] | undefined, devServer: string): InstallLeftovers {
  if (!entry) return { deleted: [], prunedBy: null };
  if (entry.before === null && packageJsonGoes && presentBefore) {
    return { deleted: installOutputsIn(dir).filter((name) => !presentBefore.includes(name)), prunedBy: null };
  }
  return { deleted: [], prunedBy: fs.existsSync(path.join(dir, 'node_modules', devServer)) ? managerAt(dir) : null };
}
