import { prepareSimulateRoot } from './simulate-root';

export default function globalSetup(): void {
  prepareSimulateRoot();
}
