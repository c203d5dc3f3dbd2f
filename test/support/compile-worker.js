// WeChat's compiler (miniprogram-ci getCompiledResult, what an upload compiles) on each project given, in a
// process of its own: it forks a compiler and keeps its channel open, which would keep a test runner alive.
// Prints one JSON array: for each project, null when it compiles, else the compiler's message.
// Usage: node compile-worker.js <project>...
console.log = () => undefined;
const ci = require('miniprogram-ci');

async function compile(projectPath) {
  const project = new ci.Project({ appid: 'touristappid', type: 'miniProgram', projectPath, privateKey: 'unused offline', ignores: ['node_modules/**/*', '**/node_modules/**/*'] });
  project.attr = async () => ci.DefaultProjectAttr;
  try {
    await ci.getCompiledResult({ project, setting: { es6: true } });
    return null;
  } catch (error) {
    return String((error && error.message) || error);
  }
}

(async () => {
  const results = [];
  for (const project of process.argv.slice(2)) results.push(await compile(project));
  process.stdout.write(JSON.stringify(results));
  process.exit(0);
})();
