import { prepareSimulateRoot } from '../test/support/simulate-root';

export default function globalSetup(): void {
  prepareSimulateRoot();
}
