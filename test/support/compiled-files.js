// What an upload of a project would contain, compiled offline by miniprogram-ci's getCompiledResult, in a
// process of its own (the compiler it forks keeps the channel open, which would keep the test runner alive).
// Prints { "<path under miniprogramRoot>": bytes } as JSON.
// Usage: node test/support/compiled-files.js <project> <private key path>
// miniprogram-ci logs with console.log, from the moment it loads; the output is the JSON alone.
console.log = () => undefined;
console.info = () => undefined;
const ci = require('miniprogram-ci');

async function main() {
  const [projectPath, privateKeyPath] = process.argv.slice(2);
  const project = new ci.Project({ appid: 'touristappid', type: 'miniProgram', projectPath, privateKeyPath, ignores: ['node_modules/**/*'], attr: async () => ci.DefaultProjectAttr });
  const compiled = await ci.getCompiledResult({ project, setting: { es6: true, minify: true, minifyWXML: true, minifyWXSS: true } });
  const sizes = Object.fromEntries(Object.entries(compiled).map(([file, content]) => [file, Buffer.byteLength(content)]));
  process.stdout.write(JSON.stringify(sizes));
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
    process.exit(1);
  },
);
