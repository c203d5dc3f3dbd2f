/**
 * A scaffolded app on a runtime that enforces WeChat's privacy consent: app.json turns the check on, the
 * README lists the privacy-guide declarations as a step, and a call started from the generated page asks
 * once through the call screen's consent and then connects; a refusal gets the page's own explanation.
 * The project is written from the templates in-process, with the built SDK and vant in miniprogram_npm as
 * 构建 npm lays them out (the packed-tarball journey is scaffold-*.test.ts).
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import fs from 'node:fs';
import path from 'node:path';
import simulate from 'miniprogram-simulate';
import { projectFiles } from '../../create/project-files';
import type { Release } from '../../create/release';
import { writeProject } from '../../create/write-project';
import type { DevServer } from '../../dev-server/server';
import { startDevServer } from '../../dev-server/server';
import { SIMULATE_ROOT } from '../support/simulate-root';
import type { Rendered } from '../support/ui-host';
import { tapButton } from '../support/ui-host';
import type { WxRuntime } from '../../testing';
import { installWxRuntime, simulatorAgent, waitFor } from '../../testing';

const TEMPLATES = path.resolve(__dirname, '../../templates');
const WORK = path.resolve(__dirname, '../../.tmp/create-privacy');
const RELEASE: Release = {
  version: '0.3.0',
  openCore: { name: 'open-tccc-wx-sdk', range: '^0.3.0' },
  kit: { name: 'tccc-call-kit', range: '^0.3.0' },
  devServer: { name: 'tccc-dev-server', range: '^0.3.0' },
};
let server: DevServer;
let wx: WxRuntime | null = null;
let page: (Rendered & { detach(): void }) | null = null;

beforeAll(async () => {
  server = await startDevServer({ port: 0, center: { ivrTimeoutMs: 60000, ringTimeoutMs: 60000 } });
});
afterAll(() => server.close());
afterEach(() => {
  if (page?.instance) page.detach();
  page = null;
  wx?.restore();
});

function scaffold(template: 'audio' | 'video'): string {
  const project = path.join(WORK, template);
  fs.rmSync(project, { recursive: true, force: true });
  const options = { directory: project, packageName: `privacy-${template}`, core: 'open' as const, typescript: false, template, sdkAppId: '1400000001', channelId: `${template}-support`, appId: 'touristappid', endpoint: server.url };
  writeProject(project, projectFiles(options, TEMPLATES, RELEASE));
  return project;
}

test('app.json turns the privacy check on; the README lists the declarations, then what the user meets, in order', () => {
  for (const template of ['audio', 'video'] as const) {
    const project = scaffold(template);
    expect(JSON.parse(fs.readFileSync(path.join(project, 'app.json'), 'utf8'))).toMatchObject({ __usePrivacyCheck__: true });
    const readme = fs.readFileSync(path.join(project, 'README.md'), 'utf8');
    const onAPhone = readme.slice(readme.indexOf('## On a phone'), readme.indexOf('## Switch core'));
    const order = ['1. Declare', '用户隐私保护指引', '麦克风', '2. Start the simulator', 'privacy consent', 'microphone prompt'].map((text) => onAPhone.indexOf(text));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    if (template === 'video') {
      expect(onAPhone.indexOf('摄像头')).toBeGreaterThan(onAPhone.indexOf('麦克风'));
      expect(onAPhone.indexOf('camera prompt')).toBeGreaterThan(onAPhone.indexOf('microphone prompt'));
    } else {
      expect(onAPhone).not.toMatch(/摄像头|camera prompt/);
    }
  }
});

/** The generated app: app.js run, the call page loaded with its components from miniprogram_npm. */
async function openCallPage(project: string): Promise<{ screen: Rendered; modals: Array<{ title: string }> }> {
  fs.cpSync(path.join(SIMULATE_ROOT, 'miniprogram_npm'), path.join(project, 'miniprogram_npm'), { recursive: true });
  wx = installWxRuntime({ privacy: { agreed: false } });
  const modals: Array<{ title: string }> = [];
  Object.assign((globalThis as unknown as { wx: Record<string, unknown> }).wx, { showModal: (options: { title: string }) => modals.push(options) });
  (globalThis as Record<string, unknown>).App = () => undefined;
  jest.resetModules();
  require(path.join(project, 'app.js'));
  const npm = '/miniprogram_npm';
  const usingComponents = {
    'tccc-call-screen': `${npm}/tccc-call-kit/call-screen/index`,
    'tccc-wx-sdk': `${npm}/tccc-wx-sdk/index`,
    'tccc-wx-sdk-pusher': `${npm}/tccc-wx-sdk/pusher/index`,
    'tccc-wx-sdk-player': `${npm}/tccc-wx-sdk/player/index`,
    ...Object.fromEntries(['button', 'icon', 'loading', 'popup'].map((name) => [`van-${name}`, `${npm}/@vant/weapp/${name}/index`])),
  };
  const id = simulate.load(path.join(project, 'pages', 'call', 'index'), 'call-page', { rootPath: project, usingComponents });
  page = simulate.render(id) as unknown as Rendered & { detach(): void; attach(parent: Element): void };
  (page as unknown as { attach(parent: Element): void }).attach(document.createElement('parent-wrapper'));
  await (page.instance.onLoad as () => Promise<void>)();
  expect(page.instance.data).toMatchObject({ ready: true, problem: '' });
  return { screen: page.querySelector('#callScreen')!, modals };
}

test('a call from the scaffolded page asks once, then connects; declining gets the page explanation', async () => {
  const { screen, modals } = await openCallPage(scaffold('audio'));
  const consent = () => screen.querySelector('#tcccPrivacy')!;
  const consentShown = () => consent().instance.data.show === true && (consent().dom.textContent ?? '').includes('同意并继续');
  const root = () => screen.querySelector('#tcccSdk')!.instance;

  // Declined first: no call, and the page says what happened instead of a truncated English toast.
  await tapButton(screen, '.tccc-call-screen__start-audio');
  await waitFor(consentShown, 'the privacy consent');
  await tapButton(consent(), '.tccc-privacy-consent__refuse');
  await waitFor(() => modals.length === 1, 'the page explaining the refusal');
  expect(modals[0].title).toBe('未同意隐私保护指引');
  expect(root().getState().phase).toBe('idle');

  // Then agreed: the same tap goes on to the contact center, and an agent answers.
  await tapButton(screen, '.tccc-call-screen__start-audio');
  await waitFor(consentShown, 'the privacy consent again');
  consent().querySelector('.tccc-privacy-consent__agree')!.querySelector('.van-button')!.dispatchEvent('agreeprivacyauthorization');
  await waitFor(() => root().getState().phase === 'ivr', 'the IVR without a second tap');
  await root().sendDigits('1');
  await waitFor(() => root().getState().phase === 'ringing', 'ringing');
  const [live] = (await simulatorAgent(server.url).calls()).filter((session) => session.phase === 'ringing');
  await simulatorAgent(server.url).accept(live.sessionId);
  await waitFor(() => root().getState().phase === 'active', 'the agent answering');
  expect(wx!.privacy).toMatchObject({ agreed: true, pending: 0, requests: ['requirePrivacyAuthorize', 'requirePrivacyAuthorize'] });
  await root().endCall();
});
