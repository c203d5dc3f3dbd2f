/**
 * What the services need from the network, with no platform in it. The mini program implements it with
 * `wx.request` / `wx.connectSocket` (services/platform/wx-transport.ts); tests implement it over loopback.
 */
export type HttpMethod = 'GET' | 'POST' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  timeoutMs: number;
}

export interface HttpResponse {
  status: number;
  body: unknown;
  /** Response headers, when the runtime reports them (any letter case). */
  headers?: Record<string, string>;
}

export interface SocketCloseInfo {
  code: number;
  reason: string;
  /** The runtime refused to open the socket (WeChat: a domain outside the whitelist): retrying cannot help. */
  refused?: boolean;
}

export interface SocketHandlers {
  onOpen(): void;
  onMessage(text: string): void;
  /** Called once, whether the socket closed cleanly, failed to open, or errored. */
  onClose(info: SocketCloseInfo): void;
}

export interface SocketConnection {
  send(text: string): void;
  close(): void;
}

export interface Transport {
  /**
   * Settles within `timeoutMs`: resolves with any HTTP status, rejects with a TcccError
   * (`network` or `timeout`) when there is no response.
   */
  request(request: HttpRequest): Promise<HttpResponse>;
  connect(url: string, handlers: SocketHandlers): SocketConnection;
}
