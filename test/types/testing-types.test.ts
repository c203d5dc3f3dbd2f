/**
 * The declarations of tccc-dev-server/testing, as an app's TypeScript test meets them: the packed package
 * unpacked into a project's node_modules, and a test using the entry (fixtures/testing) compiled strictly,
 * with the package's declarations checked too, under both module resolutions (typesVersions for `node`,
 * the exports map for `node16`). Nothing needs installing: the entry's peers are optional.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packedTarballs } from '../support/packed';

const TSC = path.resolve(__dirname, '../../node_modules/typescript/bin/tsc');
let project = '';

beforeAll(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'tccc-testing-types-'));
  const target = path.join(project, 'node_modules', 'tccc-dev-server');
  fs.mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', packedTarballs().devServer, '-C', target, '--strip-components', '1']);
  fs.cpSync(path.join(__dirname, 'fixtures', 'testing'), project, { recursive: true });
});
afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

test.each([
  ['node', 'commonjs'],
  ['node16', 'node16'],
])('an app\'s test in TypeScript compiles against the entry\'s declarations (moduleResolution %s)', (moduleResolution, module) => {
  const compilerOptions = { noEmit: true, strict: true, skipLibCheck: false, target: 'ES2020', lib: ['ES2020', 'DOM'], module, moduleResolution, types: [] };
  fs.writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['app-test.ts'] }));
  const output = (() => {
    try {
      return execFileSync(process.execPath, [TSC, '-p', project, '--listFiles'], { cwd: project, encoding: 'utf8', timeout: 120000 });
    } catch (error) {
      return String((error as { stdout?: string }).stdout);
    }
  })();
  expect(output).not.toContain('error TS');
  expect(output).toContain(path.join(project, 'node_modules', 'tccc-dev-server', 'dist', 'testing', 'index.d.ts'));
});
