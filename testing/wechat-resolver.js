// Jest resolves bare requires the way WeChat does inside a mini program project: from the nearest
// `miniprogram_npm/` above the requiring file (what 构建 npm wrote), before node_modules. Files outside
// any mini program project resolve as usual.
const fs = require('node:fs');
const path = require('node:path');

function isFile(file) {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function fromMiniprogramNpm(request, basedir) {
  if (request.startsWith('.') || path.isAbsolute(request)) return null;
  const packageName = request.startsWith('@') ? request.split('/').slice(0, 2).join('/') : request.split('/')[0];
  for (let dir = basedir; ; dir = path.dirname(dir)) {
    const npmDir = path.join(dir, 'miniprogram_npm');
    if (fs.existsSync(path.join(npmDir, packageName))) {
      const target = path.join(npmDir, request);
      return [target, `${target}.js`, path.join(target, 'index.js')].find(isFile) ?? null;
    }
    if (path.dirname(dir) === dir) return null;
  }
}

module.exports = (request, options) => fromMiniprogramNpm(request, options.basedir) ?? options.defaultResolver(request, options);
