/**
 * Clickjacking (issue 24, N3): a page of another origin frames the agent console in headless Chromium
 * (test/support/framing-driver.mjs) and clicks "seats online" inside the frame. The console's
 * frame-ancestors policy keeps it from loading there, so the click reaches nothing and the seats stay online.
 */
import { execFile } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { DevServer } from '../../dev-server/server';
import { startDevServer } from '../../dev-server/server';
import { simulatorAgent } from '../../testing';

let server: DevServer;
let framing: http.Server;
beforeAll(async () => {
  server = await startDevServer({ port: 0 });
  // Same site (127.0.0.1), another origin (its own port): the browser keeps the console's storage working in the frame.
  framing = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><p>Win a prize!</p><iframe src="${server.url}/" width="1000" height="600"></iframe>`);
  });
  await new Promise<void>((resolve) => framing.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise((resolve) => framing.close(resolve));
  await server.close();
});

function drive(pageUrl: string): Promise<{ live: boolean; clicked: boolean }> {
  const driver = path.resolve(__dirname, '../support/framing-driver.mjs');
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [driver, pageUrl], { timeout: 60000 }, (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout.trim()))));
  });
}

test('a page of another origin cannot frame the console: nothing loads in the frame, and the seats stay online', async () => {
  const outcome = await drive(`http://127.0.0.1:${(framing.address() as AddressInfo).port}/`);
  expect(outcome).toEqual({ live: false, clicked: false });
  const { seats } = await simulatorAgent(server.url).settings({});
  expect(seats.map((seat: { online: boolean }) => seat.online)).toEqual([true, true]);
}, 60000);
