export interface TokenHolder {
  userId: string;
  sdkAppId: string;
  expiresAt: number;
  /** The client address that logged in. */
  address: string;
}

/**
 * Login tokens, bounded two ways: one address holds at most `maxPerAddress` (its oldest goes first), and
 * the table at most `maxTokens` (then the address holding the most loses its oldest). A full table never
 * refuses a login, and a flood, even from many addresses, only ever pushes out the flooders' own tokens
 * while they hold more than anyone else.
 */
export class TokenTable {
  /** Insertion order is issue order, and with one lifetime for all, expiry order too. */
  private readonly tokens = new Map<string, TokenHolder>();
  private readonly byAddress = new Map<string, Set<string>>();
  /** Addresses by how many tokens they hold, so that the largest holder is found at once. */
  private readonly byCount = new Map<number, Set<string>>();
  private largest = 0;

  constructor(
    private readonly maxTokens: number,
    private readonly maxPerAddress: number,
  ) {}

  get size(): number {
    return this.tokens.size;
  }

  add(token: string, holder: TokenHolder, now = Date.now()): void {
    this.dropExpired(now);
    const own = this.byAddress.get(holder.address);
    if (own && own.size >= this.maxPerAddress) this.delete(own.values().next().value as string);
    if (this.tokens.size >= this.maxTokens) this.delete(this.oldestOfLargestHolder());
    this.tokens.set(token, holder);
    const set = this.byAddress.get(holder.address) ?? new Set<string>();
    set.add(token);
    this.byAddress.set(holder.address, set);
    this.recount(holder.address, set.size - 1, set.size);
  }

  /** The holder of a live token; an expired one is forgotten and reported as such. */
  get(token: string, now = Date.now()): TokenHolder | 'expired' | undefined {
    const holder = this.tokens.get(token);
    if (!holder) return undefined;
    if (holder.expiresAt > now) return holder;
    this.delete(token);
    return 'expired';
  }

  /** Ends every token (tests use it to expire logins). */
  expireAll(): void {
    for (const holder of this.tokens.values()) holder.expiresAt = 0;
  }

  private oldestOfLargestHolder(): string {
    const address = this.byCount.get(this.largest)?.values().next().value as string;
    return (this.byAddress.get(address) as Set<string>).values().next().value as string;
  }

  private dropExpired(now: number): void {
    for (const [token, holder] of this.tokens) {
      if (holder.expiresAt > now) break;
      this.delete(token);
    }
  }

  private delete(token: string): void {
    const holder = this.tokens.get(token);
    if (!holder) return;
    this.tokens.delete(token);
    const set = this.byAddress.get(holder.address);
    if (!set) return;
    set.delete(token);
    if (set.size === 0) this.byAddress.delete(holder.address);
    this.recount(holder.address, set.size + 1, set.size);
  }

  /** Moves `address` from the addresses holding `from` tokens to those holding `to`. */
  private recount(address: string, from: number, to: number): void {
    const before = this.byCount.get(from);
    before?.delete(address);
    if (before?.size === 0) this.byCount.delete(from);
    if (to > 0) this.byCount.set(to, (this.byCount.get(to) ?? new Set<string>()).add(address));
    if (to > this.largest) this.largest = to;
    while (this.largest > 0 && !this.byCount.has(this.largest)) this.largest -= 1;
  }
}
