export interface TokenHolder {
  userId: string;
  sdkAppId: string;
  expiresAt: number;
  /** The client address that logged in. */
  address: string;
}

/**
 * Login tokens, bounded two ways: one address holds at most `maxPerAddress` (its oldest goes first), and
 * the table at most `maxTokens` (the oldest goes first). A full table never refuses a login, and a flood
 * from one address only ever pushes out that address's own tokens.
 */
export class TokenTable {
  /** Insertion order is issue order, and with one lifetime for all, expiry order too. */
  private readonly tokens = new Map<string, TokenHolder>();
  private readonly byAddress = new Map<string, Set<string>>();

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
    if (this.tokens.size >= this.maxTokens) this.delete(this.tokens.keys().next().value as string);
    this.tokens.set(token, holder);
    const set = this.byAddress.get(holder.address) ?? new Set<string>();
    set.add(token);
    this.byAddress.set(holder.address, set);
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
    set?.delete(token);
    if (set && set.size === 0) this.byAddress.delete(holder.address);
  }
}
