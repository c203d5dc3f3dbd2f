// WeChat's code-quality check (miniprogram-ci checkCodeQuality, what an upload runs) on a project that
// packNpm has built, in a process of its own: the check starts a file watcher it never closes, which would
// keep the test runner alive. Prints the rules as JSON: [{ name, success, text }].
// Usage: node test/support/code-quality.js <project> <private key path>
// miniprogram-ci logs with console.log, from the moment it loads; the output is the JSON alone.
console.log = () => undefined;
const ci = require('miniprogram-ci');

async function main() {
  const [projectPath, privateKeyPath] = process.argv.slice(2);
  const project = new ci.Project({ appid: 'touristappid', type: 'miniProgram', projectPath, privateKeyPath, ignores: ['node_modules/**/*'] });
  const write = process.stdout.write.bind(process.stdout);
  const items = await ci.checkCodeQuality(project);
  write(JSON.stringify(items.map(({ name, success, text }) => ({ name, success, text }))));
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
    process.exit(1);
  },
);
