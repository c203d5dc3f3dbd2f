import fs from 'node:fs';
import { JOURNEY_NPM_CACHE } from '../create/scaffold-helpers';
import type { SetupGlobals } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as SetupGlobals).journeyRegistry?.close();
  // The journeys' npm cache goes with the run that filled it: it may be in memory (see scratchRoot), and the next run empties it anyway.
  fs.rmSync(JOURNEY_NPM_CACHE, { recursive: true, force: true });
}
