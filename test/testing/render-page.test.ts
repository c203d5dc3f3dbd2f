/**
 * renderPage of the public testing entry on a scaffolded app, written in-process from the templates, with
 * miniprogram_npm laid out as 构建 npm lays it out (the packed-tarball journeys build it with buildNpm).
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

const TEMPLATES = path.resolve(__dirname, '../../templates');
const WORK = path.resolve(__dirname, '../../.tmp/testing-render-page');
const ENDPOINT = 'http://127.0.0.1:5700';
let simulator: Simulator;
let page: RenderedPage | null = null;

beforeAll(async () => {
  simulator = await startSimulator();
});
afterAll(() => simulator.close());
afterEach(() => {
  page?.close();
  page = null;
});

async function scaffold(name: string, template: 'audio' | 'video' | 'full'): Promise<string> {
  const project = path.join(WORK, name);
  fs.rmSync(project, { recursive: true, force: true });
  const options = { directory: project, packageName: name, core: 'open' as const, typescript: false, template, sdkAppId: '1400000001', channelId: `${template === 'full' ? '' : `${template}-`}support`, appId: 'touristappid', endpoint: ENDPOINT };
  writeProject(project, projectFiles(options, TEMPLATES, TEST_RELEASE));
  installCallPackages(project, 'open');
  await buildNpm(project);
  return project;
}

let project = '';
beforeAll(async () => {
  project = await scaffold('audio', 'audio');
}, 60000);

test('an audio call from the page: the IVR on the keypad, the agent answers and hangs up; the app\'s requests went to its endpoint, routed', async () => {
  page = await renderPage(project, 'pages/call/index', { routes: { [ENDPOINT]: simulator.url } });
  expect(page.status()).toBe('联系客服');
  await page.tap('语音呼叫');
  await page.waitForStatus('请按键选择服务');
  await page.tap('1');
  const call = await simulator.agent.waitForCall();
  expect(call).toMatchObject({ channelId: 'audio-support', media: 'audio', digits: '1' });
  await simulator.agent.accept(call);
  await page.waitForStatus('Agent Lin 为您服务');
  await simulator.agent.hangUp(call);
  await page.waitForStatus('通话已结束');
  expect(page.wx.requests.map((request) => `${request.method} ${request.url} ${request.status}`)).toContain(`POST ${ENDPOINT}/v1/login 200`);
});

/** Runs `work` with `file` of the project changed by `change`, then puts it back. */
async function withChanged(file: string, change: (text: string) => string, work: () => Promise<void>): Promise<void> {
  const target = path.join(project, file);
  const original = fs.readFileSync(target, 'utf8');
  fs.writeFileSync(target, change(original));
  try {
    await work();
  } finally {
    fs.writeFileSync(target, original);
  }
}

test('the call screen taken out of usingComponents: nothing to tap, and the failure says what the screen shows', async () => {
  await withChanged('pages/call/index.json', (text) => JSON.stringify({ ...JSON.parse(text), usingComponents: {} }), async () => {
    page = await renderPage(project, 'pages/call/index', { routes: { [ENDPOINT]: simulator.url } });
    expect(page.controls()).toEqual([]);
    await expect(page.tap('语音呼叫', { timeoutMs: 200 })).rejects.toThrow('Timed out after 200 ms waiting for a button 「语音呼叫」 to tap; no status line; the page shows 「」; buttons: none');
  });
});

test('a config.js that does not load fails the render, as app.js fails in WeChat', async () => {
  await withChanged('config.js', (text) => text.replace(/\};\s*$/, ''), async () => {
    await expect(renderPage(project, 'pages/call/index', { routes: { [ENDPOINT]: simulator.url } })).rejects.toThrow(SyntaxError);
  });
  // Nothing was left behind: the next render works.
  page = await renderPage(project, 'pages/call/index', { routes: { [ENDPOINT]: simulator.url } });
  expect(page.status()).toBe('联系客服');
});
