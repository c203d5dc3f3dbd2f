import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const JEST = path.join(ROOT, 'node_modules/jest/bin/jest.js');
const TWINS = path.join(ROOT, '.tmp', 'haste-twins');
const GUARD_RESULTS = path.join(ROOT, '.tmp', 'console-guard-results.json');

afterAll(() => {
  fs.rmSync(TWINS, { recursive: true, force: true });
  fs.rmSync(GUARD_RESULTS, { force: true });
});

/** Runs jest in a child process; resolves with its output whether the run passed or not. */
function jest(args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(process.execPath, [JEST, ...args], { cwd: ROOT, timeout: 90000 }, (error, stdout, stderr) =>
      error && error.killed ? reject(error) : resolve(stdout + stderr),
    ),
  );
}

test('apps the tests write under .tmp/ (two named alike) give jest no Haste naming collision', async () => {
  for (const dir of ['a/my-app', 'b/my-app']) {
    fs.mkdirSync(path.join(TWINS, dir), { recursive: true });
    fs.writeFileSync(path.join(TWINS, dir, 'package.json'), JSON.stringify({ name: 'my-app', version: '0.1.0' }));
  }
  // A fresh module map (no cache), as a first run in a clone builds it; no test file matches, so none runs.
  const output = await jest(['--no-cache', '--testPathPatterns', 'no-test-has-this-name', '--passWithNoTests']);
  expect(output).toContain('No tests found');
  expect(output).not.toMatch(/naming collision/);
});

describe('the console guard', () => {
  test('every test file runs with it', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require(path.join(ROOT, 'jest.config.js')) as { setupFilesAfterEnv?: string[] };
    expect(config.setupFilesAfterEnv).toContain('<rootDir>/test/support/console-guard.ts');
  });

  test('fails a test that logs without capturing, and the file whose hook logs; lets captured and trtc-wx-sdk lines pass unprinted', async () => {
    const config = {
      rootDir: ROOT,
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
      testMatch: ['<rootDir>/test/support/fixtures/console-guard.fixture.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/console-guard.ts'],
      modulePathIgnorePatterns: ['<rootDir>/.tmp/', '<rootDir>/dist/'],
    };
    const output = await jest(['--config', JSON.stringify(config), '--ci', '--json', '--outputFile', GUARD_RESULTS]);
    const results = JSON.parse(fs.readFileSync(GUARD_RESULTS, 'utf8')) as {
      testResults: { message: string; assertionResults: { title: string; status: string; failureMessages: string[] }[] }[];
    };
    const [file] = results.testResults;
    expect(Object.fromEntries(file.assertionResults.map((test) => [test.title, test.status]))).toEqual({
      'logs a warning it does not capture': 'failed',
      'captures the warning it expects': 'passed',
      'trtc-wx-sdk narrates its loading, silently': 'passed',
      passes: 'passed',
    });
    const [failure] = file.assertionResults[0].failureMessages;
    expect(failure).toContain('console.warn in "logs a warning it does not capture" at ');
    expect(failure).toContain('console-guard.fixture.ts:5');
    expect(failure).toContain('the server restarted its event sequence');
    // The afterAll hook logs after the last test: the file fails, naming the test it came after.
    expect(file.message).toContain('console.error in "a file-level hook passes"');
    expect(file.message).toContain('logged by afterAll');
    // Nothing reached the output but jest's own report of the failures.
    expect(output).not.toMatch(/captured on purpose|TRTC-WX|trtc-wx loaded/);
    expect(output).not.toMatch(/^\s*console\.(log|info|warn|error)$/m);
  });
});
