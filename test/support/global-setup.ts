import fs from 'node:fs';
import { JOURNEY_NPM_CACHE } from '../create/scaffold-helpers';
import { packAll } from './packed';
import { prepareSimulateRoot } from './simulate-root';

export default function globalSetup(): void {
  prepareSimulateRoot();
  packAll();
  // Packed again just now: nothing npm cached of the previous packs may be used (see JOURNEY_NPM_CACHE).
  fs.rmSync(JOURNEY_NPM_CACHE, { recursive: true, force: true });
}
