/**
 * codeQuality of the public testing entry, whole and for one subpackage: an app whose own settings and code
 * already fail WeChat's rules, with a subpackage added to it. For the subpackage, only what it is
 * responsible for counts: the app's settings (compression, lazy loading, the filter of unused files) and the
 * app's own files never do; a component or images of the subpackage's own do.
 */
import fs from 'node:fs';
import path from 'node:path';
import { codeQuality } from '../../testing';

jest.setTimeout(120000);

const WORK = path.resolve(__dirname, '../../.tmp/testing-code-quality');

function write(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
}

function page(dir: string, json: Record<string, unknown> = {}, wxml = '<view>page</view>'): void {
  write(path.join(dir, 'index.js'), 'Page({});\n');
  write(path.join(dir, 'index.json'), json);
  write(path.join(dir, 'index.wxml'), wxml);
}

function component(dir: string): void {
  write(path.join(dir, 'index.js'), 'Component({});\n');
  write(path.join(dir, 'index.json'), { component: true });
  write(path.join(dir, 'index.wxml'), '<view>box</view>');
}

/** Bytes that are not an image, named as one: the check counts images by name. */
function image(file: string, kilobytes: number): void {
  write(file, Buffer.alloc(kilobytes * 1024, 1).toString());
}

/**
 * An app that fails rules of its own (no WXML or WXSS compression, no lazy code loading, unused files
 * uploaded, an unused component, 250 KB of images) with an independent subpackage `packageTccc` whose
 * page, its test (left out of the upload) and its Node script pass.
 */
function hostWithSubpackage(name: string): string {
  const project = path.join(WORK, name);
  fs.rmSync(project, { recursive: true, force: true });
  write(path.join(project, 'project.config.json'), {
    appid: 'touristappid',
    compileType: 'miniprogram',
    setting: { minified: true, ignoreUploadUnusedFiles: false },
    packOptions: { ignore: [{ type: 'folder', value: 'packageTccc/test' }], include: [] },
  });
  write(path.join(project, 'app.json'), { pages: ['pages/index/index'], subPackages: [{ root: 'packageTccc', pages: ['pages/call/index'], independent: true }] });
  write(path.join(project, 'app.js'), 'App({});\n');
  page(path.join(project, 'pages/index'), { usingComponents: { 'shop-box': '/components/box/index' } });
  component(path.join(project, 'components/box'));
  write(path.join(project, 'utils/unused.js'), 'module.exports = 1;\n');
  image(path.join(project, 'images/banner.png'), 250);
  page(path.join(project, 'packageTccc/pages/call'));
  write(path.join(project, 'packageTccc/test/call.test.js'), "test('a call', () => {});\n");
  return project;
}

test("the whole app fails its own rules; its subpackage, judged alone, fails none of them", async () => {
  const project = hostWithSubpackage('host-fails');
  const whole = (await codeQuality(project)).map((rule) => rule.name);
  expect(whole).toEqual(expect.arrayContaining(['WXML_COMPRESS_OPEN', 'WXSS_COMPRESS_OPEN', 'LAZYCODE_LOADING_OPEN', 'IMAGE_AND_AUDIO_LIMIT', 'CONTAINS_UNUSED_COMPONENTS', 'CONTAINS_UNUSED_CODES']));
  expect(await codeQuality(project, { subpackage: 'packageTccc' })).toEqual([]);
});

test("the subpackage's own unused component and images count against it", async () => {
  const project = hostWithSubpackage('subpackage-fails');
  page(path.join(project, 'packageTccc/pages/call'), { usingComponents: { 'call-box': '../../components/box/index' } });
  component(path.join(project, 'packageTccc/components/box'));
  image(path.join(project, 'packageTccc/images/agent.png'), 210);
  const rules = await codeQuality(project, { subpackage: 'packageTccc' });
  expect(rules.map((rule) => rule.name).sort()).toEqual(['CONTAINS_UNUSED_COMPONENTS', 'IMAGE_AND_AUDIO_LIMIT']);
  expect(rules[0].text).not.toBe('');
});

test('a subpackage app.json does not declare is refused, before the check runs', async () => {
  const project = hostWithSubpackage('no-such-subpackage');
  await expect(codeQuality(project, { subpackage: 'packageCall' })).rejects.toThrow(/app\.json declares no subpackage packageCall \(it declares: packageTccc\)/);
});
