import fs from 'node:fs';
import path from 'node:path';

/**
 * WeChat's rule for a `usingComponents` path: `/…` from the mini program's root, `./…` and `../…` from the
 * JSON file's folder; any other path from that folder, else as an npm package in the nearest
 * `miniprogram_npm` from that folder up to the root (so a subpackage's own comes before the main one's).
 * A path names a component's files (`x` for `x.json`), or a folder with an `index` component.
 */
function resolveOne(root: string, fromDir: string, value: string): string | null {
  const candidates: string[] = [];
  if (value.startsWith('/')) candidates.push(path.join(root, value));
  else if (value.startsWith('.')) candidates.push(path.join(fromDir, value));
  else {
    candidates.push(path.join(fromDir, value));
    for (let dir = fromDir; ; dir = path.dirname(dir)) {
      candidates.push(path.join(dir, 'miniprogram_npm', value));
      if (dir === root || !dir.startsWith(root)) break;
    }
  }
  for (const candidate of candidates) {
    if (isFile(`${candidate}.json`)) return candidate;
    if (isFile(path.join(candidate, 'index.json'))) return path.join(candidate, 'index');
  }
  return null;
}

function isFile(file: string): boolean {
  return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}

const fromRoot = (root: string, file: string) => `/${path.relative(root, file).split(path.sep).join('/')}`;

/**
 * In a staged copy of a mini program (`root`), rewrites the `usingComponents` of the page and of every
 * component it reaches to the absolute paths WeChat resolves them to, which is all miniprogram-simulate
 * can follow. Returns app.json's own (global) components, resolved the same way, unless `global` is false
 * (a page of an independent subpackage, which sees nothing of the main package). Throws, naming each, when
 * a component does not resolve: WeChat would fail the build with "component not found".
 */
export function resolveComponents(root: string, pagePath: string, { global = true } = {}): Record<string, string> {
  const problems: string[] = [];
  const visited = new Set<string>();
  const pending: string[] = [];
  const resolveIn = (jsonFile: string, using: Record<string, unknown>): Record<string, string> => {
    const resolved: Record<string, string> = {};
    for (const [tag, value] of Object.entries(using)) {
      if (typeof value !== 'string' || value.startsWith('plugin://')) continue;
      const target = resolveOne(root, path.dirname(jsonFile), value);
      if (!target) {
        problems.push(`${path.relative(root, jsonFile)}: "${tag}": "${value}"`);
        continue;
      }
      resolved[tag] = fromRoot(root, target);
      pending.push(`${target}.json`);
    }
    return resolved;
  };

  const appJson = path.join(root, 'app.json');
  const globalComponents = global && isFile(appJson) ? resolveIn(appJson, readJson(appJson).usingComponents ?? {}) : {};
  pending.push(path.join(root, `${pagePath}.json`));
  while (pending.length > 0) {
    const jsonFile = pending.pop()!;
    if (visited.has(jsonFile)) continue;
    visited.add(jsonFile);
    const json = readJson(jsonFile);
    if (!json.usingComponents) continue;
    json.usingComponents = resolveIn(jsonFile, json.usingComponents);
    fs.writeFileSync(jsonFile, JSON.stringify(json));
  }
  if (problems.length > 0) {
    throw new Error(
      [
        'Components that WeChat would not find ("component not found in the path"):',
        ...problems.map((problem) => `  ${problem}`),
        'Has 构建 npm run since the last install (buildNpm), and is each package in the dependencies of a package.json it builds?',
      ].join('\n'),
    );
  }
  return globalComponents;
}

function readJson(file: string): { usingComponents?: Record<string, unknown> } & Record<string, unknown> {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read ${file}: ${(error as Error).message}`);
  }
}
