import http from 'node:http';
import type { SessionSummary } from '../../dev-server/contact-center';

/** A JSON request over loopback; works in jsdom test environments, which have no fetch. */
export function httpJson(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const req = http.request(url, { method, headers: { 'content-type': 'application/json', ...headers }, timeout: 5000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = raw;
        try {
          parsed = JSON.parse(raw);
        } catch {
          // not JSON
        }
        resolve({ status: res.statusCode ?? 0, body: parsed });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${url} timed out`)));
    req.on('error', reject);
    if (text) req.write(text);
    req.end();
  });
}

/** Plays the agent through the simulator's agent API, as scripts and the console do. */
export function agent(baseUrl: string) {
  const post = async (id: string, action: string) => {
    const res = await httpJson('POST', `${baseUrl}/agent/sessions/${encodeURIComponent(id)}/${action}`);
    if (res.status !== 200) throw new Error(`agent ${action}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as SessionSummary;
  };
  return {
    sessions: async () => (await httpJson('GET', `${baseUrl}/agent/sessions`)).body.sessions as SessionSummary[],
    accept: (id: string) => post(id, 'accept'),
    hangUp: (id: string) => post(id, 'hangup'),
    transferToNoAgent: (id: string) => post(id, 'transfer-no-agent'),
    settings: async (body: Record<string, unknown>) => (await httpJson('PUT', `${baseUrl}/agent/settings`, body)).body,
  };
}
