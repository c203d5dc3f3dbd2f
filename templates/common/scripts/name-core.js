#!/usr/bin/env node
// Runs after every install (package.json "postinstall"): npm install, npm ci and each upgrade write a fresh
// copy of the core, so naming it once is not enough. WeChat's 构建 npm finds each dependency by the name
// inside its package.json, so it skips a package installed under an alias: "tccc-wx-sdk":
// "npm:open-tccc-wx-sdk@…" sits in node_modules/tccc-wx-sdk, named open-tccc-wx-sdk. This gives the
// installed copy the name it is installed under, so 构建 npm puts it at miniprogram_npm/tccc-wx-sdk.
// With Tencent's tccc-wx-sdk, named so already, it does nothing; it stays so that switching core is one line.
// An app set up by hand runs the same script, which open-tccc-wx-sdk ships as the command tccc-name-core:
// "postinstall": "tccc-name-core" in its package.json. Both run in the app's folder, as npm runs scripts.
const fs = require('fs');
const path = require('path');

const file = path.join(process.cwd(), 'node_modules', 'tccc-wx-sdk', 'package.json');
if (fs.existsSync(file)) {
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (manifest.name !== 'tccc-wx-sdk') {
    manifest.name = 'tccc-wx-sdk';
    // A new file rather than a write through: pnpm links node_modules files to its shared store.
    fs.unlinkSync(file);
    fs.writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  }
}
