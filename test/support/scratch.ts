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
 * temporary folder: on the disk of a small cloud machine, writing those files costs as much as npm's own
 * work (measured here: an app's install 12 to 25 s of system time on disk, 3 to 7 s in memory; copying its
 * node_modules 23 s, 1.4 s). Outside this repository, as a user's apps are; one folder per clone, as
 * several clones may test at once. What a killed run leaves there, the next run empties (its global setup
 * the npm cache, each journey its own folder). TCCC_TEST_SCRATCH names another parent folder; the first
 * call sets it (in jest's global setup), so that every worker of a run uses the folder the setup prepared.
 */
export function scratchRoot(): string {
  process.env.TCCC_TEST_SCRATCH ||= hasRoom(MEMORY_FOLDER) ? MEMORY_FOLDER : os.tmpdir();
  return path.join(process.env.TCCC_TEST_SCRATCH, `tccc-tests-${crypto.createHash('sha1').update(REPO_ROOT).digest('hex').slice(0, 8)}`);
}
