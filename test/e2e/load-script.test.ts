/**
 * The load script (npm run load) when the simulator it drives dies under it: one plain line that says
 * so, with how it ended, and exit code 1 (it used to report `ENOENT /proc/<pid>/status`).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

test('a simulator that dies mid-run is reported as such, with its signal, and the script exits 1', async () => {
  const child = spawn(process.execPath, ['scripts/run-ts.mjs', 'scripts/load.ts', '--calls', '2', '--hold', '30'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let killed = false;
  const code = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`load script still running after 40 s:\n${stderr}`));
    }, 40000);
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const pid = /tccc-dev-server: pid (\d+) at/.exec(stderr)?.[1];
      if (pid && !killed) {
        killed = true;
        // Wait for the callers to be set up and holding, then end the simulator the script started.
        setTimeout(() => process.kill(Number(pid), 'SIGKILL'), 1500);
      }
    });
    child.on('exit', (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  expect(killed).toBe(true);
  expect(code).toBe(1);
  expect(stderr).toMatch(/load: tccc-dev-server \(pid \d+\) died during the load run: it was killed by SIGKILL/);
  expect(stderr).not.toContain('ENOENT');
}, 45000);
