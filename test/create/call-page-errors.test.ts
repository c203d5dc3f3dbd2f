/**
 * The generated call page's answer to the call screen's `error` event, in JavaScript and in TypeScript: the
 * two cases it explains itself (privacy consent, a refused permission) get WeChat's modal, in Chinese; any
 * other error is left to the call screen, which shows the kit's own words in place of its status line. The
 * core's message (English, for developers) never reaches the caller, and is never cut mid-word.
 */
import path from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import { projectFiles } from '../../create/project-files';
import { TEST_RELEASE } from '../support/release';

const TEMPLATES = path.resolve(__dirname, '../../templates');

interface PageDefinition {
  methods: { onCallError(event: { detail: Record<string, unknown> }): void };
}

/** The page's Component() definition, with `wx` calls and console warnings recorded. */
function loadPage(source: string): { page: PageDefinition; shown: Array<[string, unknown]>; warned: string[] } {
  const shown: Array<[string, unknown]> = [];
  const warned: string[] = [];
  let page: PageDefinition | undefined;
  const wx = new Proxy({}, { get: (_target, name: string) => (options: unknown) => shown.push([name, options]) });
  const sandbox = {
    Component: (definition: PageDefinition) => (page = definition),
    wx,
    console: { warn: (...args: unknown[]) => warned.push(args.join(' ')) },
    require: (name: string) => (name.endsWith('config') ? { sdkAppId: '1400000001', channelId: 'audio-support' } : { checkLogin: () => undefined, login: () => undefined }),
    exports: {},
  };
  vm.runInNewContext(source, sandbox);
  if (!page) throw new Error('the page did not call Component()');
  return { page, shown, warned };
}


/** The call page of a new audio app on our core, as the scaffolder renders it. */
function renderedPage(typescript: boolean): string {
  const options = { directory: 'app', packageName: 'app', core: 'open' as const, typescript, template: 'audio' as const, sdkAppId: '1400000001', channelId: 'audio-support', appId: 'touristappid', endpoint: 'http://127.0.0.1:5700' };
  const file = projectFiles(options, TEMPLATES, TEST_RELEASE).get(`pages/call/index.${typescript ? 'ts' : 'js'}`);
  if (typeof file !== 'string') throw new Error('the scaffolder wrote no call page');
  return file;
}

const PAGES: Array<[string, () => string]> = [
  ['JavaScript', () => renderedPage(false)],
  ['TypeScript', () => ts.transpileModule(renderedPage(true), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText],
];

describe.each(PAGES)('the %s page', (_language, source) => {
  test('a call the core refused (an English message of any length): no toast, the message for the developer only', () => {
    const { page, shown, warned } = loadPage(source());
    const message = 'Channel "audio-support" takes audio calls only; ask for one of: audio.';
    page.methods.onCallError({ detail: { code: 'invalid-argument', message } });
    expect(shown).toEqual([]);
    expect(warned).toEqual([expect.stringContaining(message)]);
  });

  test('a refused microphone: WeChat\'s modal in Chinese, with the way to the settings', () => {
    const { page, shown } = loadPage(source());
    page.methods.onCallError({ detail: { code: 'permission-denied', message: 'The user denied the microphone.' } });
    expect(shown).toEqual([['showModal', expect.objectContaining({ title: '需要麦克风或摄像头权限', confirmText: '去设置' })]]);
  });
});
