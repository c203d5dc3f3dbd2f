// WeChat's code-quality check (miniprogram-ci checkCodeQuality, what an upload runs) on a project that
// 构建 npm has built, in a process of its own: the check starts a file watcher it never closes, which would
// keep a test runner alive. Prints the rules as JSON: [{ name, success, text, detail }].
// Usage: node code-quality-worker.js <project>   (code-quality.ts runs it)
// miniprogram-ci logs with console.log from the moment it loads; the output is the JSON alone.
console.log = () => undefined;
const ci = require('miniprogram-ci');

async function main() {
  const [projectPath] = process.argv.slice(2);
  // Offline, as wechat-ci.ts explains: the tourist AppID, a placeholder key, the default attributes.
  const project = new ci.Project({ appid: 'touristappid', type: 'miniProgram', projectPath, privateKey: 'unused offline', ignores: ['node_modules/**/*', '**/node_modules/**/*'] });
  project.attr = async () => ci.DefaultProjectAttr;
  const items = await ci.checkCodeQuality(project);
  process.stdout.write(JSON.stringify(items.map(({ name, success, text, detail }) => ({ name, success, text, detail }))));
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
    process.exit(1);
  },
);
