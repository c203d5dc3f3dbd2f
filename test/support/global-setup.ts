import fs from 'node:fs';
import path from 'node:path';
import type { LocalRegistry } from '../../scripts/lib/local-registry';
import { startLocalRegistry } from '../../scripts/lib/local-registry';
import { seedNpmCache } from '../../scripts/lib/locked-packages';
import { JOURNEY_NPM_CACHE, JOURNEY_REGISTRY_ERROR_VARIABLE, JOURNEY_REGISTRY_VARIABLE } from '../create/scaffold-helpers';
import { packAll } from './packed';
import { prepareSimulateRoot } from './simulate-root';

const LOCKFILE = path.resolve(__dirname, '../../package-lock.json');

/** What the setup started, for the teardown (jest gives it the setup's globals). */
export interface SetupGlobals {
  journeyRegistry?: LocalRegistry;
}

export default async function globalSetup(): Promise<void> {
  prepareSimulateRoot();
  const packed = packAll();
  // Packed again just now: nothing npm cached of the previous packs may be used (see JOURNEY_NPM_CACHE).
  fs.rmSync(JOURNEY_NPM_CACHE, { recursive: true, force: true });
  // The test tools' tarballs (this repository's own, from npm's cache): no journey downloads them.
  seedNpmCache(JOURNEY_NPM_CACHE, LOCKFILE);
  // Workers start after the setup, with its environment. A registry that cannot start fails the journeys, not the run.
  try {
    const registry = await startLocalRegistry(packed.all, { lockfile: LOCKFILE });
    (globalThis as SetupGlobals).journeyRegistry = registry;
    process.env[JOURNEY_REGISTRY_VARIABLE] = registry.url;
  } catch (error) {
    process.env[JOURNEY_REGISTRY_VARIABLE] = '';
    process.env[JOURNEY_REGISTRY_ERROR_VARIABLE] = (error as Error).message;
  }
}
