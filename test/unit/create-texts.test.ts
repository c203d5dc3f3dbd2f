/**
 * What a new user reads from the scaffolder, checked where it is made: the generated config.js's comments,
 * the AppID refusal in Chinese, and the explanation of an install that could not get Tencent's core
 * (for the public registry itself, and for add as well as for a new app).
 */
import fs from 'node:fs';
import path from 'node:path';
import { withDefaults } from '../../create/defaults';
import { coreMissingLines } from '../../create/install';
import { EN_US, ZH_CN } from '../../create/messages';
import { nextSteps } from '../../create/next-steps';
import { validateAppId } from '../../create/options';
import { projectFiles } from '../../create/project-files';
import { TEST_RELEASE } from '../support/release';

const TEMPLATES = path.resolve(__dirname, '../../templates');
const TCCC = { core: 'tccc' as const, sdkAppId: '1400000001', channelId: '12345' };

test.each(['en-US', 'zh-CN'] as const)('%s: every line inside config.js\'s object is indented, its comments\' second lines too', (language) => {
  for (const core of ['open', 'tccc'] as const) {
    const options = withDefaults({ directory: 'app', ...(core === 'tccc' ? TCCC : { core }) });
    const config = projectFiles(options, TEMPLATES, TEST_RELEASE, 'npm', language).get('config.js')!;
    const inside = config.slice(config.indexOf('module.exports = {\n') + 'module.exports = {\n'.length, config.lastIndexOf('};'));
    expect(inside.split('\n').filter((line) => line !== '' && !line.startsWith('  '))).toEqual([]);
  }
});

test('the AppID refusal in Chinese says touristappid is for trying without an AppID', () => {
  expect(validateAppId('wx123', ZH_CN)).toBe('AppID 应为 wx 加 16 位十六进制数字（还没有 AppID 时可用 touristappid 试用），当前输入："wx123"。');
});

describe('an install that could not get Tencent\'s tccc-wx-sdk', () => {
  const npm404 = (registry: string) => `npm error code E404\nnpm error 404 Not Found - GET ${registry}tccc-wx-sdk - Not found\n`;
  const check = (registry: string) => `npm view tccc-wx-sdk version --registry ${registry}`;

  test.each([
    ['en-US', EN_US, 'mirror sync'],
    ['zh-CN', ZH_CN, '镜像同步'],
  ])('%s: from a mirror, what it and the public registry answer; from the public registry, its answer once and no mirror advice', (_language, m, mirrorAdvice) => {
    const mirror = coreMissingLines(npm404('https://mirror.example.com/npm/'), m, 'create')!.join('\n');
    expect(mirror).toContain(check('https://mirror.example.com/npm/'));
    expect(mirror).toContain(check('https://registry.npmjs.org/'));
    expect(mirror).toContain(mirrorAdvice);
    const fromPublic = coreMissingLines(npm404('https://registry.npmjs.org/'), m, 'create')!.join('\n');
    expect(fromPublic.split(check('https://registry.npmjs.org/')).length - 1).toBe(1);
    expect(fromPublic).not.toContain(mirrorAdvice);
    expect(fromPublic).not.toMatch(/[A-Za-z][\u4e00-\u9fff]|[\u4e00-\u9fff][A-Za-z]/);
  });

  test.each([
    ['en-US', EN_US, 'create the project with --core open', 'run add again with --core open'],
    ['zh-CN', ZH_CN, '用 --core open 创建项目', '用 --core open 重新运行 add'],
  ])('%s: what works now is said for what was run, a new app or add', (_language, m, create, add) => {
    const forCreate = coreMissingLines(npm404('https://registry.npmjs.org/'), m, 'create')!.join('\n');
    const forAdd = coreMissingLines(npm404('https://registry.npmjs.org/'), m, 'add')!.join('\n');
    expect(forCreate).toContain(create);
    expect(forAdd).toContain(add);
    expect(forAdd).not.toContain(create);
  });

  test('another failure is not explained as a missing package', () => {
    expect(coreMissingLines('npm error code ENOSPC\n', EN_US, 'create')).toBeNull();
  });
});

test.each(['README.md', 'README.zh-CN.md'])('the scaffolder\'s %s says once that it is not on npm yet, with the clone\'s command that writes beside the clone', (name) => {
  const text = fs.readFileSync(path.resolve(__dirname, '../../packages/create-tccc-miniprogram', name), 'utf8');
  expect(text.split('answers 404').length + text.split('会返回 404').length - 2).toBe(1);
  expect(text).toContain('`npm run create -- ../my-app`');
  expect(text).not.toContain('`npm run create -- my-app`');
});

test('the English next steps name the call button as the app shows it (the kit speaks Chinese by default), as the generated README does', () => {
  const steps = nextSteps({ dir: 'app', manager: 'npm', install: 'done', core: 'open', template: 'full', configFile: 'config.js', tests: true }, EN_US);
  expect(steps).toContain('Tap "Voice call" (语音呼叫) or "Video call" (视频呼叫), and answer');
});
