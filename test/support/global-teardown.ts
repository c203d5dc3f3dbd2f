import fs from 'node:fs';
import { JOURNEY_NPM_CACHE } from '../create/scaffold-helpers';

/** The journeys' npm cache goes with the run that filled it: it may be in memory (see scratchRoot), and the next run empties it anyway. */
export default function globalTeardown(): void {
  fs.rmSync(JOURNEY_NPM_CACHE, { recursive: true, force: true });
}
