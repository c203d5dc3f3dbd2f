import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '../..');
/** Linux's memory-backed folder, and the room it must have: a few apps with their test tools (340 MB each) and npm's cache at once. */
const MEMORY_FOLDER = '/dev/shm';
const MEMORY_ROOM_BYTES = 4 * 1024 ** 3;

function hasRoom(folder: string): boolean {
  try {
    fs.accessSync(folder, fs.constants.W_OK);
    const { bavail, bsize } = fs.statfsSync(folder);
    return bavail * bsize >= MEMORY_ROOM_BYTES;
  } catch {
    return false;
  }
}

/**
 * Where tests put what they write by the ten thousand files and throw away: the scaffolded apps with their
 * node_modules (npm install of an app's test tools writes 29,000 files) and the npm cache they share. In
 * memory when the machine has a memory-backed folder with room (Linux's /dev/shm), else in the system's
 * temporary folder: writing those files to the disk of a small cloud machine costs more than npm's own
 * work (copying one app's node_modules: 23 s of system time on disk, 1.4 s in memory). Outside this
 * repository, as a user's apps are; one folder per clone, as several clones may test at once.
 * TCCC_TEST_SCRATCH names another parent folder; jest's global setup sets it to the one it chose, so that
 * every worker of a run uses the folder whose npm cache the setup emptied.
 */
export function scratchRoot(): string {
  process.env.TCCC_TEST_SCRATCH ||= hasRoom(MEMORY_FOLDER) ? MEMORY_FOLDER : os.tmpdir();
  return path.join(process.env.TCCC_TEST_SCRATCH, `tccc-tests-${crypto.createHash('sha1').update(REPO_ROOT).digest('hex').slice(0, 8)}`);
}
