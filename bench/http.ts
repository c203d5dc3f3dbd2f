import http from 'node:http';

/** A bare protocol client for the benchmarks' reference paths: one request, the JSON answer. */
export function requestJson(method: 'POST' | 'DELETE', url: string, body?: unknown, token = ''): Promise<any> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? '' : JSON.stringify(body);
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), authorization: `Bearer ${token}` };
    const request = http.request(url, { method, headers }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve(text ? JSON.parse(text) : null));
    });
    request.on('error', reject);
    request.end(data);
  });
}
