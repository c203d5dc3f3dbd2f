// Longest files first, so that the last ones to start are short and both workers finish together. Jest does
// this from the durations it cached on this machine; without them (a clean clone, as in CI) it goes by file
// size, and here some of the longest files are the shortest: seven lines that call a shared journey
// (test/create/scaffold-*.test.ts). A file jest has no duration of takes the one below, else 1 s.
const fs = require('node:fs');
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

const ROOT = path.resolve(__dirname, '../..');

/**
 * Seconds each file of 5 s or more took in a full run on 2 workers (2026-12-07, on a machine shared with other
 * jobs); the order is what counts. A new long file belongs here, or it runs last in CI.
 */
const EXPECTED_SECONDS = {
  'test/e2e/readme-walk.test.ts': 299,
  'test/create/scaffold-audio-tccc.test.ts': 125,
  'test/create/scaffold-audio.test.ts': 90,
  'test/ui/screen-matrix.browser.test.ts': 75,
  'test/create/add-shop.test.ts': 54,
  'test/create/add-plain.test.ts': 52,
  'test/create/add-ts.test.ts': 50,
  'test/create/scaffold-full.test.ts': 42,
  'test/create/cli.test.ts': 25,
  'test/create/cli-input.test.ts': 21,
  'test/e2e/outages.test.ts': 21,
  'test/packages/packages.test.ts': 19,
  'test/create/typescript.test.ts': 18,
  'test/e2e/agent-console-languages.browser.test.ts': 15,
  'test/packages/ship-size.test.ts': 15,
  'test/testing/render-page-subpackage.test.ts': 15,
  'test/ui/call-screen-privacy.test.ts': 12,
  'test/types/packed-types.test.ts': 12,
  'test/ui/screenshots.browser.test.ts': 9,
  'test/create/scaffold-audio-ts.test.ts': 9,
  'test/create/scaffold-full-tccc.test.ts': 45,
  'test/create/scaffold-video.test.ts': 40,
  'test/create/scaffold-video-tccc-ts.test.ts': 8,
  'test/e2e/agent-console-framing.browser.test.ts': 7,
  'test/create/scaffold-video-tccc.test.ts': 40,
  'test/testing/render-page.test.ts': 6,
  'test/unit/call-controller.property.test.ts': 6,
  'test/e2e/agent-console.browser.test.ts': 6,
  'test/e2e/calls.test.ts': 6,
  'test/testing/render-page-typescript.test.ts': 6,
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
