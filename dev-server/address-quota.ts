/** How many of something (open event sockets, live calls) each client address holds, up to the same cap for all. */
export class AddressQuota {
  private readonly held = new Map<string, number>();

  constructor(readonly limit: number) {}

  /** Whether `address` already holds `limit`. */
  isFull(address: string): boolean {
    return (this.held.get(address) ?? 0) >= this.limit;
  }

  /** Counts one more for `address`; false, counting nothing, when it already holds `limit`. */
  take(address: string): boolean {
    if (this.isFull(address)) return false;
    this.held.set(address, (this.held.get(address) ?? 0) + 1);
    return true;
  }

  /** Gives back one that `take` counted. */
  release(address: string): void {
    const count = (this.held.get(address) ?? 0) - 1;
    if (count > 0) this.held.set(address, count);
    else this.held.delete(address);
  }
}
