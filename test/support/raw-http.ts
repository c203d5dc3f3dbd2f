import net from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface RawRequest {
  method: string;
  /** Sent byte for byte: `//[`, `%`, a NUL… */
  target: string;
  /** Sent as given, in order; `connection: close` and `content-length` are added. */
  headers?: Array<[string, string]>;
  body?: string;
}

/** The request exactly as a hostile client would write it, bypassing Node's client-side checks. */
export function requestText({ method, target, headers = [], body = '' }: RawRequest): Buffer {
  const lines = [`${method} ${target} HTTP/1.1`, ...headers.map(([name, value]) => `${name}: ${value}`), 'connection: close', `content-length: ${Buffer.byteLength(body)}`];
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body}`, 'utf8');
}

/** The answer in `raw` as far as it has come: status, headers and the body so far (chunks joined); null before the headers end. */
export function parseResponse(raw: Buffer): RawResponse | null {
  const end = raw.indexOf('\r\n\r\n');
  if (end === -1) return null;
  const [statusLine, ...headerLines] = raw.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? NaN);
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = raw.subarray(end + 4);
  if (headers['transfer-encoding'] === 'chunked') {
    const parts: Buffer[] = [];
    let at = 0;
    for (;;) {
      const lineEnd = body.indexOf('\r\n', at);
      if (lineEnd === -1) break;
      const size = parseInt(body.subarray(at, lineEnd).toString('latin1'), 16);
      if (!size) break;
      parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
    }
    body = Buffer.concat(parts);
  }
  return { status, headers, body: body.toString('utf8') };
}

/**
 * One request over a fresh loopback connection. Resolves with the answer once the server closes (or, for
 * an event stream, once its headers are in); rejects when the connection drops without an answer or
 * nothing comes within `timeoutMs`.
 */
export function rawRequest(port: number, request: RawRequest | Buffer, options: { timeoutMs?: number; localAddress?: string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port, localAddress: options.localAddress });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('no answer in time'));
    }, options.timeoutMs ?? 5000);
    const finish = (result: RawResponse | null, why: string) => {
      clearTimeout(timer);
      socket.destroy();
      if (result && Number.isFinite(result.status)) resolve(result);
      else reject(new Error(`connection ${why} without an HTTP answer`));
    };
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      const sofar = parseResponse(Buffer.concat(chunks));
      if (sofar?.headers['content-type']?.startsWith('text/event-stream')) finish(sofar, 'streaming');
    });
    socket.on('end', () => finish(parseResponse(Buffer.concat(chunks)), 'ended'));
    socket.on('error', (error) => finish(parseResponse(Buffer.concat(chunks)), `failed (${error.message})`));
    socket.on('connect', () => socket.write(Buffer.isBuffer(request) ? request : requestText(request)));
  });
}
