/**
 * A scaffolded app on a runtime that enforces WeChat's privacy consent: app.json turns the check on, the
 * README lists the privacy-guide declarations as a step, and a call started from the generated page asks
 * once through the call screen's consent and then connects; a refusal gets the page's own explanation.
 * The project is written from the templates in-process, with the built packages installed as npm would
 * (the packed-tarball journey is scaffold-*.test.ts), and loaded by tccc-dev-server/testing.
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectFiles } from '../../create/project-files';
import { TEST_RELEASE } from '../support/release';
import { writeProject } from '../../create/write-project';
import type { Rendered, RenderedPage, Simulator } from '../../testing';
import { buildNpm, renderPage, startSimulator, waitFor } from '../../testing';
import { installCallPackages } from '../support/installed';
import type { SdkComponent } from '../support/sdk-host';

const TEMPLATES = path.resolve(__dirname, '../../templates');
const WORK = path.resolve(__dirname, '../../.tmp/create-privacy');
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

function scaffold(template: 'audio' | 'video'): string {
  const project = path.join(WORK, template);
  fs.rmSync(project, { recursive: true, force: true });
  const options = { directory: project, packageName: `privacy-${template}`, core: 'open' as const, typescript: false, template, sdkAppId: '1400000001', channelId: `${template}-support`, appId: 'touristappid', endpoint: simulator.url };
  writeProject(project, projectFiles(options, TEMPLATES, TEST_RELEASE));
  return project;
}

test('app.json turns the privacy check on; the README lists the declarations, then what the user meets, in order', () => {
  for (const template of ['audio', 'video'] as const) {
    const project = scaffold(template);
    expect(JSON.parse(fs.readFileSync(path.join(project, 'app.json'), 'utf8'))).toMatchObject({ __usePrivacyCheck__: true });
    const readme = fs.readFileSync(path.join(project, 'README.md'), 'utf8');
    const onAPhone = readme.slice(readme.indexOf('## On a phone'), readme.indexOf('## Switch core'));
    const order = ['1. Declare', '用户隐私保护指引', '麦克风', '2. Make the simulator reachable', 'privacy consent', 'microphone prompt'].map((text) => onAPhone.indexOf(text));
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

/** The generated app's call page, built and loaded by the testing entry, on a runtime with WeChat's privacy rules. */
async function openCallPage(project: string): Promise<Rendered> {
  installCallPackages(project, 'open');
  await buildNpm(project);
  page = await renderPage(project, 'pages/call/index', { wx: { privacy: { agreed: false } } });
  expect(page.root.instance.data).toMatchObject({ ready: true, problem: '' });
  return page.root.querySelector('#callScreen')!;
}

test('a call from the scaffolded page asks once, then connects; declining gets the page explanation', async () => {
  const screen = await openCallPage(scaffold('audio'));
  const modals = page!.wx.shown;
  const consent = () => screen.querySelector('#tcccPrivacy')!;
  const consentShown = () => (consent().instance.data as { show?: boolean }).show === true && (consent().dom.textContent ?? '').includes('同意并继续');
  const root = () => screen.querySelector('#tcccSdk')!.instance as unknown as SdkComponent;

  // Declined first: no call, and the page says what happened instead of a truncated English toast.
  await page!.tap('语音呼叫');
  await waitFor(consentShown, 'the privacy consent');
  await page!.tap('不同意');
  await waitFor(() => modals.length === 1, 'the page explaining the refusal');
  expect(modals[0].title).toBe('未同意隐私保护指引');
  expect(root().getState().phase).toBe('idle');

  // Then agreed: the same tap goes on to the contact center, and an agent answers.
  await page!.tap('语音呼叫');
  await waitFor(consentShown, 'the privacy consent again');
  consent().querySelector('.tccc-privacy-consent__agree')!.querySelector('.van-button')!.dispatchEvent('agreeprivacyauthorization');
  await waitFor(() => root().getState().phase === 'ivr', 'the IVR without a second tap');
  await root().sendDigits('1');
  await waitFor(() => root().getState().phase === 'ringing', 'ringing');
  const [live] = (await simulator.agent.calls()).filter((session) => session.phase === 'ringing');
  await simulator.agent.accept(live.sessionId);
  await waitFor(() => root().getState().phase === 'active', 'the agent answering');
  expect(page!.wx.privacy).toMatchObject({ agreed: true, pending: 0, requests: ['requirePrivacyAuthorize', 'requirePrivacyAuthorize'] });
  await root().endCall();
});
