import { packAll } from './packed';
import { prepareSimulateRoot } from './simulate-root';

export default function globalSetup(): void {
  prepareSimulateRoot();
  packAll();
}
