/**
 * The agent console in headless Chromium (Debian's, driven by playwright-core in test/support/console-driver.mjs):
 * a call placed by the SDK appears with its DTMF digits, and clicking Accept reaches the SDK as `accepted`.
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { DevServer } from '../../dev-server/server';
import { startDevServer } from '../../dev-server/server';
import { loadLoginModule, renderSdkPage } from '../support/sdk-host';
import { installWxRuntime, waitFor } from '../../testing';
import { httpJson } from '../../testing/http';

const SCREENSHOT = process.env.UPDATE_SCREENSHOTS ? path.resolve(__dirname, '../../docs/agent-console.png') : path.resolve(__dirname, '../../.tmp/agent-console.png');

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ port: 0, center: { ivrTimeoutMs: 60000, ringTimeoutMs: 60000 } });
});
afterAll(() => server.close());

function drive(args: string[]): Promise<string[]> {
  const driver = path.resolve(__dirname, '../support/console-driver.mjs');
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [driver, ...args], { timeout: 60000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout.trim().split('\n').map((line) => JSON.parse(line).step)),
    );
  });
}

test('a call placed by the SDK appears in the console; Accept reaches the SDK as accepted', async () => {
  const wx = installWxRuntime();
  try {
    const loginModule = loadLoginModule(server.url);
    await loginModule.login({ sdkAppId: '1400000004', jsCode: 'console-caller' });
    const { sdk, recorded } = renderSdkPage({ sdkAppId: '1400000004' });

    // Another caller waits in the IVR, so the console shows more than one state.
    const other = await httpJson('POST', `${server.url}/v1/login`, { sdkAppId: '1400000004', jsCode: 'ivr-caller' });
    await httpJson('POST', `${server.url}/v1/sessions`, { channelId: 'audio-support', media: 'audio' }, { authorization: `Bearer ${other.body.token}` });

    const { sessionId } = (await sdk().startSession({ channelId: 'video-support' })) as { sessionId: string };
    await sdk().sendDigits('42');
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    const steps = await drive([`${server.url}/`, sessionId, '42', SCREENSHOT]);
    expect(steps).toEqual(['listed:ringing', 'active', 'screenshot']);
    await waitFor(() => recorded.accepted.length === 1, 'accepted from the console click');
    expect(recorded.accepted[0]).toMatchObject({ sessionId });
    expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(10000);
    await sdk().endSession();
    expect(recorded.sessionEnded).toEqual([{ sessionId, closeBy: 'user', endStatus: 1, reason: 'ok' }]);
  } finally {
    wx.restore();
  }
});

test('with an agent token the console asks for it once, then works; requests without it are refused', async () => {
  const guarded = await startDevServer({ port: 0, agentToken: 'console-test-token', center: { ivrTimeoutMs: 60000, ringTimeoutMs: 60000 } });
  try {
    const caller = await httpJson('POST', `${guarded.url}/v1/login`, { sdkAppId: '1400000004', jsCode: 'token-caller' });
    const created = await httpJson('POST', `${guarded.url}/v1/sessions`, { channelId: 'video-support', media: 'video' }, { authorization: `Bearer ${caller.body.token}` });
    await httpJson('POST', `${guarded.url}/v1/sessions/${created.body.sessionId}/digits`, { digits: '7' }, { authorization: `Bearer ${caller.body.token}` });
    expect((await httpJson('GET', `${guarded.url}/agent/sessions`)).status).toBe(403);
    const steps = await drive([`${guarded.url}/`, created.body.sessionId, '7', path.resolve(__dirname, '../../.tmp/agent-console-token.png'), 'console-test-token']);
    expect(steps).toEqual(['asked:1', 'listed:ringing', 'active', 'reloaded:asked:1', 'screenshot']);
  } finally {
    await guarded.close();
  }
});
