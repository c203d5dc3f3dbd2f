// Runs after each install (package.json "postinstall"). WeChat's 构建 npm finds each dependency by the
// name inside its package.json, so it skips a package installed under an alias: "tccc-wx-sdk":
// "npm:open-tccc-wx-sdk@…" sits in node_modules/tccc-wx-sdk, named open-tccc-wx-sdk. This gives the
// installed copy the name it is installed under, so 构建 npm puts it at miniprogram_npm/tccc-wx-sdk.
// With Tencent's tccc-wx-sdk, named so already, it does nothing; it stays so that switching core is one line.
const fs = require('fs');
const path = require('path');

const file = path.join(__dirname, '..', 'node_modules', 'tccc-wx-sdk', 'package.json');
if (fs.existsSync(file)) {
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (manifest.name !== 'tccc-wx-sdk') {
    manifest.name = 'tccc-wx-sdk';
    // A new file rather than a write through: pnpm links node_modules files to its shared store.
    fs.unlinkSync(file);
    fs.writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  }
}
