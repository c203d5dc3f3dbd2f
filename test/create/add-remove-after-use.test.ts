/**
 * `remove` after the app has lived with the call for a while, as a team would: the printed next steps
 * followed literally (the preloadRule pasted into app.json, the call opened from pages), and the root
 * `npm install` run for the simulator. remove leaves an app that builds, takes away what add's own
 * package.json installed, and names what it leaves. The built CLI; installs stay offline (the packed
 * tarballs through --local-packages, whose tccc-dev-server has no dependencies).
 */
import fs from 'node:fs';
import path from 'node:path';
import { packedTarballs } from '../support/packed';
import { cli, copyFixture, npm, tree } from './add-cli-helpers';

const TCCC = ['--core', 'tccc', '--sdk-app-id', '1400000001', '--channel-id', '7'];
const localPackages = () => ['--local-packages', path.dirname(packedTarballs().devServer)];

/** The printed line that starts with `start`, without its indentation and trailing explanation. */
function printed(stdout: string, start: string): string {
  const line = stdout.split('\n').find((text) => text.trim().startsWith(start));
  if (!line) throw new Error(`no line starting with ${start} in:\n${stdout}`);
  return line.trim().split(/ {3,}/)[0];
}

function edit(file: string, change: (text: string) => string): void {
  fs.writeFileSync(file, change(fs.readFileSync(file, 'utf8')));
}

/** Every file and folder under `dir`, relative, with `/` between segments. */
function entries(dir: string, at = ''): string[] {
  return fs.readdirSync(path.join(dir, at), { withFileTypes: true }).flatMap((entry) => {
    const name = at ? `${at}/${entry.name}` : entry.name;
    return entry.isDirectory() ? [name, ...entries(dir, name)] : [name];
  });
}

/** What remove --dry-run says it deletes: a file diffed to /dev/null, and a `--- a/name` with no `+++` after it. */
function namedAsDeleted(dryRun: string): string[] {
  const lines = dryRun.split('\n');
  return lines
    .filter((line, i) => line.startsWith('--- a/') && (!lines[i + 1].startsWith('+++ ') || lines[i + 1] === '+++ /dev/null'))
    .map((line) => line.slice('--- a/'.length).replace(/\/$/, ''))
    .sort();
}

test('the printed steps followed (preloadRule pasted, the call opened from two pages), then remove: app.json as before, and the pages still opening the call named', async () => {
  const dir = copyFixture('add-nested-roots');
  const before = tree(dir);
  const added = await cli(['add', '--yes', '--skip-install', ...TCCC], dir);
  expect(added.code).toBe(0);
  // What a developer pastes from the output: the preloadRule into app.json, the two ways to open the call.
  edit(path.join(dir, 'app.json'), (text) => text.replace('"lazyCodeLoading": "requiredComponents",\n', `"lazyCodeLoading": "requiredComponents",\n  ${printed(added.stdout, '"preloadRule"')},\n`));
  expect(JSON.parse(fs.readFileSync(path.join(dir, 'app.json'), 'utf8')).preloadRule).toEqual({ 'pages/home/index': { network: 'all', packages: ['packageTccc'] } });
  edit(path.join(dir, 'pages/home/index.wxml'), (text) => `${text}${printed(added.stdout, '<navigator')}\n`);
  edit(path.join(dir, 'pages/mine/index.js'), (text) => text.replace('Page({', `Page({\n  help() {\n    ${printed(added.stdout, 'wx.navigateTo')};\n  },`));

  const removed = await cli(['remove'], dir);
  expect(removed.code).toBe(0);
  // A preloadRule naming a subpackage that is gone fails WeChat's build (app.json: …["packages"][0]: packageTccc/ not found).
  expect(fs.readFileSync(path.join(dir, 'app.json'), 'utf8')).toBe(before['app.json']);
  expect(removed.stdout).toContain('app.json: took packageTccc out of preloadRule (pages/home/index)');
  expect(removed.stdout).toContain('still open /packageTccc/pages/call/index, which is gone: pages/home/index.wxml, pages/mine/index.js');
  expect(fs.existsSync(path.join(dir, 'packageTccc'))).toBe(false);
});

test('a preloadRule that also downloads the app\'s own subpackage keeps it: only packageTccc comes out', async () => {
  const dir = copyFixture('add-nested-roots');
  expect((await cli(['add', '--yes', '--skip-install', ...TCCC], dir)).code).toBe(0);
  const rule = '"preloadRule": {\n    "pages/mine/index": { "packages": ["report", "packageTccc"] }\n  },\n';
  edit(path.join(dir, 'app.json'), (text) => text.replace('"sitemapLocation"', `${rule}  "sitemapLocation"`));
  expect((await cli(['remove'], dir)).code).toBe(0);
  expect(JSON.parse(fs.readFileSync(path.join(dir, 'app.json'), 'utf8')).preloadRule).toEqual({ 'pages/mine/index': { packages: ['report'] } });
});

describe('the root npm install the printed steps ask for (open core), then remove', () => {
  async function addAndInstall(fixture: string): Promise<{ dir: string; before: Record<string, string>; steps: string }> {
    const dir = copyFixture(fixture);
    const before = tree(dir);
    const added = await cli(['add', '--yes', '--skip-install', '--core', 'open', ...localPackages()], dir);
    expect(added.code).toBe(0);
    const installed = await npm(['install'], dir);
    expect(installed.stderr).not.toMatch(/ERR!/);
    expect(fs.existsSync(path.join(dir, 'node_modules/tccc-dev-server/package.json'))).toBe(true);
    return { dir, before, steps: added.stdout };
  }

  test('add created package.json and nothing else was installed beside it: remove takes the lockfile and node_modules it made too', async () => {
    const { dir, before } = await addAndInstall('add-plain');
    expect(fs.existsSync(path.join(dir, 'package-lock.json'))).toBe(true);
    const installed = tree(dir);
    const dryRun = await cli(['remove', '--dry-run'], dir);
    expect(dryRun.stdout).toContain('--- a/packageTccc/\n--- a/package-lock.json\n--- a/node_modules/\n');
    expect(tree(dir)).toEqual(installed);
    const removed = await cli(['remove'], dir);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain('package.json: deleted (add had created it)');
    expect(removed.stdout).toContain('package-lock.json, node_modules: deleted (made by installing the package.json add had created)');
    expect(tree(dir)).toEqual(before);
    expect(fs.existsSync(path.join(dir, 'node_modules'))).toBe(false);
  }, 90000);

  test('remove --dry-run names exactly what the real remove then deletes, under its own name', async () => {
    const { dir } = await addAndInstall('add-plain');
    const dryRun = await cli(['remove', '--dry-run'], dir);
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).toContain('Dry run: nothing is changed. remove would make these changes:');
    expect(dryRun.stdout).not.toContain('add would');
    const present = entries(dir);
    expect((await cli(['remove'], dir)).code).toBe(0);
    const gone = present.filter((name) => !fs.existsSync(path.join(dir, name)));
    // Each deletion once, by its outermost path: a folder's contents go with it.
    const outermost = gone.filter((name) => !gone.includes(path.posix.dirname(name))).sort();
    expect(outermost).toEqual(['node_modules', 'package-lock.json', 'package.json', 'packageTccc']);
    expect(namedAsDeleted(dryRun.stdout)).toEqual(outermost);
  }, 90000);

  test('the package.json add created was taken on by the team: it stays without add\'s lines, the install stays, and remove says how to prune it', async () => {
    const { dir } = await addAndInstall('add-plain');
    const manifest = path.join(dir, 'package.json');
    edit(manifest, (text) => text.replace('"private": true', '"private": true,\n  "name": "clinic"'));
    const removed = await cli(['remove'], dir);
    expect(removed.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(manifest, 'utf8'))).toEqual({ private: true, name: 'clinic' });
    expect(fs.existsSync(path.join(dir, 'node_modules/tccc-dev-server'))).toBe(true);
    expect(removed.stdout).toContain('node_modules still holds tccc-dev-server, which package.json no longer lists: npm install prunes it');
  }, 90000);

  test('the app had its own package.json: it comes back byte for byte, and remove says how to prune what the install added', async () => {
    const { dir, before } = await addAndInstall('add-nested-roots');
    const removed = await cli(['remove'], dir);
    expect(removed.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).toBe(before['package.json']);
    expect(fs.existsSync(path.join(dir, 'package-lock.json'))).toBe(true);
    expect(removed.stdout).toContain('node_modules still holds tccc-dev-server, which package.json no longer lists: npm install prunes it');
  }, 90000);
});

test('from a clone (--local-packages), the printed way to take the call out is the clone\'s command', async () => {
  const dir = copyFixture('add-nested-roots');
  const added = await cli(['add', dir, '--yes', '--skip-install', ...TCCC, ...localPackages()], path.dirname(dir));
  expect(added.code).toBe(0);
  // The steps before it cd into the project; the clone's command runs where add was run.
  expect(added.stdout).toContain('To take the call out, from the folder you ran add in: npm run create -- remove add-nested-roots (');
  expect(added.stdout).not.toContain('npx create-tccc-miniprogram remove');
});

test('a second add after one with --skip-install changes nothing and still asks for the subpackage\'s install', async () => {
  const dir = copyFixture('add-nested-roots');
  expect((await cli(['add', '--yes', '--skip-install', ...TCCC], dir)).code).toBe(0);
  const again = await cli(['add', '--yes', '--skip-install', ...TCCC], dir);
  expect(again.stdout).toContain('no file changed');
  expect(again.stdout).toContain('(cd packageTccc && npm install)');
});
