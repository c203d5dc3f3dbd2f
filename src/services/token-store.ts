/** Synchronous key-value storage (wx.*StorageSync in the mini program, a Map in tests). */
export interface KeyValueStorage {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  remove(key: string): void;
}

export interface StoredLogin {
  token: string;
  userId: string;
  /** The server's expiry, on the server's clock. */
  expiresAt: number;
  /** The backend that issued the token: the component talks to the same one. */
  endpoint: string;
  /**
   * The same expiry on this device's clock, which may be set hours off: the token's remaining lifetime
   * (expiresAt minus the server's time when it answered) from when the answer arrived. Absent when the
   * server's time was not known; then only the server (a 401) says the token expired.
   */
  localExpiresAt?: number;
}

/** The device-clock deadline of a server's `expiresAt`, from the server's time at the answer; undefined without it. */
export function localDeadline(expiresAt: number, serverTime: number | null, localNow: number): number | undefined {
  return serverTime === null ? undefined : localNow + (expiresAt - serverTime);
}

/** A token is treated as expired this long before the server's expiry, so a call does not start on a dying token. */
export const EXPIRY_MARGIN_MS = 30000;

const KEY_PREFIX = 'tccc-wx-sdk:login:';

function isStoredLogin(value: unknown): value is StoredLogin {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.token === 'string' &&
    typeof record.userId === 'string' &&
    typeof record.expiresAt === 'number' &&
    typeof record.endpoint === 'string' &&
    (record.localExpiresAt === undefined || typeof record.localExpiresAt === 'number')
  );
}

/** Login tokens, one per sdkAppId. */
export class TokenStore {
  constructor(
    private readonly storage: KeyValueStorage,
    private readonly now: () => number = Date.now,
  ) {}

  /** The stored login, expired or not; null when there is none or it is unreadable. */
  get(sdkAppId: string): StoredLogin | null {
    const raw = this.storage.get(KEY_PREFIX + sdkAppId);
    if (!raw) return null;
    try {
      const value: unknown = JSON.parse(raw);
      return isStoredLogin(value) ? value : null;
    } catch {
      return null;
    }
  }

  /** Judged on this device's clock only; never against the server's `expiresAt` (the two clocks may differ by hours). */
  isExpired(login: StoredLogin): boolean {
    if (login.localExpiresAt === undefined) return false;
    return login.localExpiresAt - EXPIRY_MARGIN_MS <= this.now();
  }

  /** Now on the clock `isExpired` uses. */
  currentTime(): number {
    return this.now();
  }

  save(sdkAppId: string, login: StoredLogin): void {
    this.storage.set(KEY_PREFIX + sdkAppId, JSON.stringify(login));
  }

  clear(sdkAppId: string): void {
    this.storage.remove(KEY_PREFIX + sdkAppId);
  }
}
