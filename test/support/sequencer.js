// Longest files first, so that the last ones to start are short and both workers finish together. Jest does
// this from the durations it cached on this machine; without them (a clean clone, as in CI) it goes by file
// size, and here some of the longest files are the shortest: seven lines that call a shared journey
// (test/create/scaffold-*.test.ts). A file jest has no duration of takes the one below, else 1 s.
const fs = require('node:fs');
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

const ROOT = path.resolve(__dirname, '../..');

/** Seconds each long file takes in a full run on 2 workers, roughly; the order is what counts. Keep the longest here. */
const EXPECTED_SECONDS = {
  'test/e2e/readme-walk.test.ts': 230,
  'test/create/scaffold-audio-tccc.test.ts': 100,
  'test/create/add-shop.test.ts': 80,
  'test/create/scaffold-audio.test.ts': 70,
  'test/create/scaffold-full.test.ts': 60,
  'test/ui/screen-matrix.browser.test.ts': 55,
  'test/create/add-plain.test.ts': 40,
  'test/create/cli-input.test.ts': 35,
  'test/create/add-ts.test.ts': 30,
  'test/testing/render-page-subpackage.test.ts': 30,
  'test/create/typescript.test.ts': 25,
  'test/packages/packages.test.ts': 25,
  'test/e2e/outages.test.ts': 20,
  'test/ui/call-screen-privacy.test.ts': 17,
  'test/e2e/agent-console-languages.browser.test.ts': 16,
  'test/create/cli.test.ts': 15,
  'test/types/packed-types.test.ts': 15,
  'test/ui/screenshots.browser.test.ts': 15,
  'test/create/scaffold-audio-ts.test.ts': 15,
  'test/create/scaffold-video-tccc-ts.test.ts': 13,
  'test/testing/render-page.test.ts': 13,
  'test/testing/render-page-typescript.test.ts': 13,
  'test/create/scaffold-video.test.ts': 10,
  'test/create/scaffold-video-tccc.test.ts': 10,
  'test/create/scaffold-full-tccc.test.ts': 10,
};

const stale = Object.keys(EXPECTED_SECONDS).filter((file) => !fs.existsSync(path.join(ROOT, file)));
if (stale.length > 0) throw new Error(`test/support/sequencer.js lists files that are not there: ${stale.join(', ')}`);

class LongestFirst extends Sequencer {
  /** Milliseconds, as jest caches them. */
  time(test) {
    return super.time(test) ?? (EXPECTED_SECONDS[path.relative(ROOT, test.path).split(path.sep).join('/')] ?? 1) * 1000;
  }
}

module.exports = LongestFirst;
