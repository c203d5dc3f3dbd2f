import { timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import net from 'node:net';
import { isLoopbackAddress, isLoopbackName, isWildcardAddress, unmapped } from './addresses';
import { CenterError } from './contact-center';

/** WeChat's page frame, the fixed Referer of wx.request: a mini program in DevTools may present it as Origin. */
const WECHAT_ORIGIN = 'https://servicewechat.com';
/** Schemes a web page (or a file opened in a browser) can be served from; other origins are an app's own pages. */
const WEB_SCHEMES = new Set(['http', 'https', 'file', 'ftp', 'blob', 'data', 'ws', 'wss']);

export interface AccessOptions {
  /** The address the server is bound to. */
  host: string;
  /** Extra names a Host header may carry (`--allow-host`). */
  allowHosts: string[];
  /** Extra origins a browser may call from (`--allow-origin`). */
  allowOrigins: string[];
  /** The agent API's token; null: the agent API answers loopback peers only. */
  agentToken: string | null;
}

const HOST_HEADER = /^(?:([a-z0-9_](?:[a-z0-9_.-]{0,251}[a-z0-9_.])?)|\[([0-9a-f:.]{2,45})\])(?::(\d{1,5}))?$/;

/** The name in a Host header (`name`, `name:port`, `[v6]:port`), lower case; null when it is none of those. */
export function hostNameOf(header: string | undefined): string | null {
  if (!header) return null;
  const match = HOST_HEADER.exec(header.toLowerCase());
  if (!match) return null;
  if (match[2] !== undefined) return net.isIPv6(match[2]) ? match[2] : null;
  return match[1].replace(/\.$/, '');
}

/** A browser origin in its canonical form (`scheme://host[:port]`), or null when it is not one. */
export function canonicalOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return null;
    return url.origin;
  } catch {
    return null;
  }
}

/**
 * Who may talk to the simulator, as Vite and webpack-dev-server decide it: a Host header that names this
 * machine (against DNS rebinding), an Origin that is the server's own or allowed (against cross-site
 * requests), and the agent API from loopback, or with its token.
 */
export class AccessPolicy {
  private readonly allowHosts: Set<string>;
  private readonly allowOrigins: Set<string>;
  private readonly boundName: string;

  constructor(private readonly options: AccessOptions) {
    this.allowHosts = new Set(options.allowHosts.map((name) => name.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '')));
    this.allowOrigins = new Set([WECHAT_ORIGIN, ...options.allowOrigins.map((origin) => canonicalOrigin(origin) ?? origin)]);
    this.boundName = unmapped(options.host.toLowerCase().replace(/^\[|\]$/g, ''));
  }

  get agentToken(): string | null {
    return this.options.agentToken;
  }

  /** Throws `forbidden` unless the Host header names this server. */
  checkHost(req: http.IncomingMessage): void {
    const name = hostNameOf(req.headers.host);
    if (name === null) throw new CenterError('forbidden', 'The Host header is missing or malformed.');
    if (this.hostAllowed(name)) return;
    throw new CenterError('forbidden', `Host "${name.slice(0, 64)}" is not this server. Start it with --allow-host ${name.slice(0, 64)} to accept that name.`);
  }

  hostAllowed(name: string): boolean {
    if (isLoopbackName(name) || name === this.boundName || this.allowHosts.has(name)) return true;
    // Bound to every interface: any address literal reaches it, and an address cannot be DNS-rebound.
    return isWildcardAddress(this.options.host) && net.isIP(name) !== 0;
  }

  /**
   * Throws `forbidden` for a browser request from another site. Passes: no Origin (DevTools, phones,
   * scripts), the server's own, an allowed one, a page on this machine (`http://localhost:3000`, as Vite's
   * default CORS rule has it), and non-web schemes (an IDE's own pages) that no web page can send.
   */
  checkOrigin(req: http.IncomingMessage): void {
    const origin = req.headers.origin;
    if (origin === undefined) return;
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(origin)?.[1].toLowerCase();
    if (scheme !== undefined && !WEB_SCHEMES.has(scheme)) return;
    const canonical = canonicalOrigin(origin);
    const own = req.headers.host ? canonicalOrigin(`http://${req.headers.host}`) : null;
    if (canonical !== null && (canonical === own || this.allowOrigins.has(canonical) || isLoopbackName(new URL(canonical).hostname))) return;
    throw new CenterError('forbidden', `Requests from origin "${origin.slice(0, 80)}" are not allowed. Start the server with --allow-origin <origin> to allow one.`);
  }

  /**
   * The agent API: with a token, only requests that present it; without one, loopback peers only.
   * Returns whether the token was presented (room ids are shown only then).
   */
  checkAgent(req: http.IncomingMessage, queryToken: string | null): { withToken: boolean } {
    const expected = this.options.agentToken;
    if (expected !== null) {
      const presented = bearerOf(req) ?? queryToken;
      if (presented !== null && sameSecret(presented, expected)) return { withToken: true };
      throw new CenterError('forbidden', 'The agent API needs its token (printed when the server started): authorization: Bearer <token>.');
    }
    if (isLoopbackAddress(req.socket.remoteAddress)) return { withToken: false };
    throw new CenterError('forbidden', 'The agent API answers this machine only. Start the server with --agent-token to use it from elsewhere.');
  }
}

function bearerOf(req: http.IncomingMessage): string | null {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7) : null;
}

function sameSecret(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
