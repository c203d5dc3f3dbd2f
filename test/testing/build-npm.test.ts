/**
 * buildNpm of the public testing entry: WeChat's 构建 npm as project.config.json lays the project out (a
 * `miniprogramRoot`, a subpackage with its own package.json, `packNpmManually` with its relation list), and
 * only `dependencies` built: a dev dependency installed beside them never reaches miniprogram_npm.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildNpm } from '../../testing';
import { installCallPackages } from '../support/installed';

const WORK = path.resolve(__dirname, '../../.tmp/testing-build-npm');

function write(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
}

/** A package.json for the call page's packages, with a dev tool installed beside them as npm would. */
function callPackages(dir: string, core: 'open' | 'double'): void {
  write(path.join(dir, 'package.json'), {
    name: path.basename(dir).toLowerCase(),
    dependencies: { 'tccc-call-kit': '^0.3.0', 'tccc-wx-sdk': '*' },
    devDependencies: { 'a-test-tool': '^1.0.0' },
  });
  installCallPackages(dir, core);
  write(path.join(dir, 'node_modules', 'a-test-tool', 'package.json'), { name: 'a-test-tool', version: '1.0.0', main: 'index.js' });
  write(path.join(dir, 'node_modules', 'a-test-tool', 'index.js'), 'module.exports = require("fs");\n');
}

/** An existing app: its code under miniprogram/, a subpackage packageTccc with a package.json of its own. */
function existingApp(name: string, setting: Record<string, unknown> = {}): string {
  const project = path.join(WORK, name);
  fs.rmSync(project, { recursive: true, force: true });
  write(path.join(project, 'project.config.json'), { appid: 'touristappid', compileType: 'miniprogram', miniprogramRoot: 'miniprogram/', setting });
  write(path.join(project, 'miniprogram', 'package.json'), { name: 'shop', dependencies: {} });
  callPackages(path.join(project, 'miniprogram', 'packageTccc'), 'double');
  return project;
}

test('the packages of the package.json in miniprogramRoot, into miniprogram_npm beside it; devDependencies stay out', async () => {
  const project = path.join(WORK, 'root');
  fs.rmSync(project, { recursive: true, force: true });
  write(path.join(project, 'project.config.json'), { appid: 'touristappid', compileType: 'miniprogram', miniprogramRoot: 'miniprogram/' });
  callPackages(path.join(project, 'miniprogram'), 'open');
  const result = await buildNpm(project);
  expect(result.built).toEqual([{ folder: 'miniprogram/miniprogram_npm', packages: ['@vant/weapp', 'tccc-call-kit', 'tccc-wx-sdk', 'trtc-wx-sdk'] }]);
  expect(fs.existsSync(path.join(project, 'miniprogram', 'miniprogram_npm', 'tccc-call-kit', 'call-screen', 'index.wxml'))).toBe(true);
  expect(fs.existsSync(path.join(project, 'miniprogram_npm'))).toBe(false);
});

test('a subpackage with its own package.json gets its own miniprogram_npm, as DevTools builds it', async () => {
  const project = existingApp('subpackage');
  const result = await buildNpm(project);
  expect(result.built).toEqual([{ folder: 'miniprogram/packageTccc/miniprogram_npm', packages: ['@vant/weapp', 'tccc-call-kit', 'tccc-wx-sdk'] }]);
});

test('packNpmManually: each pair of packNpmRelationList, and only those', async () => {
  const relations = [{ packageJsonPath: './miniprogram/packageTccc/package.json', miniprogramNpmDistDir: './miniprogram/packageTccc/' }];
  const project = existingApp('manual', { packNpmManually: true, packNpmRelationList: relations });
  // A package.json the list does not name is not built, though 构建 npm would find it by itself.
  callPackages(path.join(project, 'miniprogram', 'other'), 'open');
  const result = await buildNpm(project);
  expect(result.built).toEqual([{ folder: 'miniprogram/packageTccc/miniprogram_npm', packages: ['@vant/weapp', 'tccc-call-kit', 'tccc-wx-sdk'] }]);
  expect(fs.existsSync(path.join(project, 'miniprogram', 'other', 'miniprogram_npm'))).toBe(false);
});

test('a folder that is not a project, and a manual build with nothing to build, say so', async () => {
  fs.mkdirSync(path.join(WORK, 'empty'), { recursive: true });
  await expect(buildNpm(path.join(WORK, 'empty'))).rejects.toThrow(/project\.config\.json \(it does not exist\)\. Give the folder WeChat DevTools opens/);
  const project = existingApp('manual-empty', { packNpmManually: true });
  await expect(buildNpm(project)).rejects.toThrow('setting.packNpmManually is on, but setting.packNpmRelationList lists no package.json');
});
