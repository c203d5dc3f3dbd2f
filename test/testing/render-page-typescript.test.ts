/**
 * renderPage on a TypeScript app (its pages compiled as WeChat DevTools' TypeScript plugin compiles them,
 * in the staged copy: the project keeps its .ts alone), calling its own backend at an https address that
 * the wx runtime routes to a simulator with the app's channel and agent.
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectFiles } from '../../create/project-files';
import { TEST_RELEASE } from '../support/release';
import { writeProject } from '../../create/write-project';
import type { RenderedPage, Simulator } from '../../testing';
import { buildNpm, renderPage, startSimulator } from '../../testing';
import { installCallPackages } from '../support/installed';

const PROJECT = path.resolve(__dirname, '../../.tmp/testing-render-typescript/sales');
const BACKEND = 'https://api.example.com';
let simulator: Simulator;
let page: RenderedPage | null = null;

beforeAll(async () => {
  fs.rmSync(PROJECT, { recursive: true, force: true });
  const options = { directory: PROJECT, packageName: 'sales', core: 'open' as const, typescript: true, template: 'audio' as const, sdkAppId: '1400000001', channelId: 'sales', appId: 'touristappid', endpoint: BACKEND };
  writeProject(PROJECT, projectFiles(options, path.resolve(__dirname, '../../templates'), TEST_RELEASE));
  installCallPackages(PROJECT, 'open');
  await buildNpm(PROJECT);
  simulator = await startSimulator({ channels: [{ id: 'sales', media: 'audio' }], seats: ['Agent Wang'] });
}, 60000);
afterAll(() => simulator?.close());
afterEach(() => page?.close());

test('the TypeScript page places a call to its https backend, routed to a simulator of its own channel and agent', async () => {
  page = await renderPage(PROJECT, 'pages/call/index', { routes: { [BACKEND]: simulator.url } });
  await page.tap('语音呼叫');
  const call = await simulator.agent.waitForCall();
  expect(call).toMatchObject({ channelId: 'sales', media: 'audio', digits: '' });
  await simulator.agent.accept(call);
  await page.waitForStatus('Agent Wang 为您服务');
  await simulator.agent.hangUp(call);
  await page.waitForStatus('通话已结束');
  expect(page.wx.requests.every((request) => request.url.startsWith(`${BACKEND}/`))).toBe(true);
  // The project itself was not compiled into: DevTools keeps its .js out of the source tree too.
  expect(['app.js', 'config.js', 'pages/call/index.js'].filter((file) => fs.existsSync(path.join(PROJECT, file)))).toEqual([]);
});

test('a route to anywhere but loopback is refused, and so is an address the app calls without one', async () => {
  await expect(renderPage(PROJECT, 'pages/call/index', { routes: { [BACKEND]: 'https://elsewhere.example.com' } })).rejects.toThrow('routes may only lead to loopback');
  page = await renderPage(PROJECT, 'pages/call/index');
  expect(page.text()).toContain('登录失败：');
  expect(page.wx.requests).toEqual([expect.objectContaining({ url: `${BACKEND}/v1/login`, status: 'failed' })]);
});
