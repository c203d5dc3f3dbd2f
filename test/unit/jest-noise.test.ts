import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const TWINS = path.join(ROOT, '.tmp', 'haste-twins');

afterAll(() => fs.rmSync(TWINS, { recursive: true, force: true }));

test('apps the tests write under .tmp/ (two named alike) give jest no Haste naming collision', async () => {
  for (const dir of ['a/my-app', 'b/my-app']) {
    fs.mkdirSync(path.join(TWINS, dir), { recursive: true });
    fs.writeFileSync(path.join(TWINS, dir, 'package.json'), JSON.stringify({ name: 'my-app', version: '0.1.0' }));
  }
  // A fresh module map (no cache), as a first run in a clone builds it; no test file matches, so none runs.
  const output = await new Promise<string>((resolve, reject) =>
    execFile(process.execPath, [path.join(ROOT, 'node_modules/jest/bin/jest.js'), '--no-cache', '--testPathPatterns', 'no-test-has-this-name', '--passWithNoTests'], { cwd: ROOT, timeout: 60000 }, (error, stdout, stderr) =>
      error ? reject(error) : resolve(stdout + stderr),
    ),
  );
  expect(output).toContain('No tests found');
  expect(output).not.toMatch(/naming collision/);
});
