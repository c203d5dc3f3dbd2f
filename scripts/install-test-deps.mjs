// `npm test`'s pretest: makes sure the browser tests have a browser. Uses a Chromium or Chrome that is
// already there (CHROME_PATH, the usual install paths); on Debian or Ubuntu installs Debian's chromium and a
// CJK font (the screenshots of the Chinese UI need one) with apt-get; elsewhere the browser tests are skipped,
// with one line saying how to enable them. Under CI=true a missing browser is an error. Safe to run repeatedly.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const { findBrowser } = createRequire(import.meta.url)('./lib/browser.cjs');
const CJK_FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
const inCi = process.env.CI === 'true';
const onDebian = fs.existsSync('/etc/debian_version') && fs.existsSync('/usr/bin/apt-get');

function aptInstall(packages) {
  const asRoot = process.getuid?.() === 0;
  const run = (args, quietOutput) => {
    const [command, ...rest] = asRoot ? args : ['sudo', ...args];
    const result = spawnSync(command, rest, { stdio: quietOutput ? ['ignore', 'ignore', 'inherit'] : 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    return result.status === 0;
  };
  console.log(`Installing ${packages.join(' and ')} for the browser tests (apt-get)…`);
  return run(['apt-get', 'update', '-qq'], true) && run(['apt-get', 'install', '-y', '-qq', ...packages], true);
}

const missing = [];
if (!findBrowser() && !process.env.CHROME_PATH) missing.push('chromium');
if (onDebian && !fs.existsSync(CJK_FONT)) missing.push('fonts-wqy-microhei');
if (onDebian && missing.length > 0 && !aptInstall(missing) && inCi) process.exit(1);

if (!findBrowser()) {
  const why = process.env.CHROME_PATH ? `CHROME_PATH=${process.env.CHROME_PATH} is not a file` : 'no Chromium or Chrome found';
  if (inCi) {
    console.error(`The browser tests need a browser and CI=true: ${why}. Install Chromium or set CHROME_PATH.`);
    process.exit(1);
  }
  console.log(`Browser tests skipped: ${why}. To run them, install Chromium or Chrome, or set CHROME_PATH=/path/to/chrome.`);
}
