// Builds src/ into miniprogram_dist/, the folder WeChat's "构建 npm" copies into miniprogram_npm/tccc-wx-sdk.
//
// Published layout (what WeChat's npm resolution needs):
//   src/components/tccc-wx-sdk/*  ->  miniprogram_dist/*          ("tccc-wx-sdk" resolves to index.*)
//   src/components/<name>/*       ->  miniprogram_dist/<name>/*   ("tccc-wx-sdk/pusher" -> pusher/index.*)
//   src/<dir>/**                  ->  miniprogram_dist/<dir>/**   (login/, im/, services/, common/)
// Relative imports and usingComponents paths are rewritten for the new locations; .less compiles to .wxss.
//
// JS target: ES2015, which base library 2.10.0 runs on every supported WeChat client (iOS 7.0.9, Android
// 7.0.8) without the DevTools "ES6 转 ES5" option. TypeScript writes plain CommonJS (`exports.x = …`, a few
// bytes a file, where esbuild's ESM interop costs ~700 after WeChat's compile); esbuild then lowers async/await
// and object spread, adding its helpers only to the files that use them.
import { transform } from 'esbuild';
import less from 'less';
import ts from 'typescript';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = path.join(root, 'src');
const outDir = path.join(root, 'miniprogram_dist');
const ROOT_COMPONENT = 'tccc-wx-sdk';
export const JS_TARGET = 'es2015';

/** Where a file of src/ lands in miniprogram_dist/. */
export function distPathOf(srcFile) {
  const rel = path.relative(srcDir, srcFile).split(path.sep);
  if (rel[0] === 'components') {
    const rest = rel[1] === ROOT_COMPONENT ? rel.slice(2) : rel.slice(1);
    return path.join(outDir, ...rest);
  }
  return path.join(outDir, ...rel);
}

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

function toPosix(p) {
  return p.split(path.sep).join('/');
}

/** Rewrites a relative specifier written in `fromSrc` so it still points at its target after the move. */
function relocate(specifier, fromSrc, extension = '') {
  if (!specifier.startsWith('.')) return specifier;
  const targetSrc = path.resolve(path.dirname(fromSrc), specifier);
  const candidates = [targetSrc + extension, targetSrc + '.ts', path.join(targetSrc, 'index.ts'), targetSrc + '.json'];
  const existing = candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
  if (!existing) throw new Error(`${path.relative(root, fromSrc)}: cannot resolve "${specifier}"`);
  const usesIndex = existing.endsWith(`${path.sep}index.ts`) && !specifier.endsWith('index');
  const targetDist = distPathOf(usesIndex ? path.dirname(existing) : targetSrc);
  let relative = toPosix(path.relative(path.dirname(distPathOf(fromSrc)), targetDist));
  if (!relative.startsWith('.')) relative = `./${relative}`;
  return usesIndex ? `${relative}/index` : relative;
}

function rewriteRequires(code, fromSrc) {
  return code.replace(/require\((["'])([^"']+)\1\)/g, (_, quote, spec) => `require(${quote}${relocate(spec, fromSrc)}${quote})`);
}

/** `<import src>`, `<include src>`, `<wxs src>` in templates and `@import` in styles. */
function rewriteTemplateImports(text, fromSrc) {
  return text
    .replace(/(<(?:import|include|wxs)\b[^>]*\bsrc=)(["'])(\.[^"']+)\2/g, (_, lead, quote, spec) => `${lead}${quote}${relocate(spec, fromSrc)}${quote}`)
    .replace(/(@import\s+)(["'])(\.[^"']+)\2/g, (_, lead, quote, spec) => `${lead}${quote}${relocate(spec, fromSrc)}${quote}`);
}

function rewriteUsingComponents(json, fromSrc) {
  const data = JSON.parse(json);
  for (const [tag, target] of Object.entries(data.usingComponents ?? {})) {
    if (typeof target === 'string' && target.startsWith('.')) {
      data.usingComponents[tag] = relocate(target, fromSrc, '.json').replace(/\.json$/, '');
    }
  }
  return `${JSON.stringify(data, null, 2)}\n`;
}

async function buildFile(file) {
  const out = distPathOf(file);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  if (file.endsWith('.d.ts')) return;
  if (file.endsWith('.ts')) {
    const source = fs.readFileSync(file, 'utf8');
    const commonjs = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2019, removeComments: true, useDefineForClassFields: false, isolatedModules: true },
    });
    const result = await transform(commonjs.outputText, { loader: 'js', target: JS_TARGET, sourcefile: file });
    fs.writeFileSync(out.replace(/\.ts$/, '.js'), rewriteRequires(result.code, file));
  } else if (file.endsWith('.json')) {
    fs.writeFileSync(out, rewriteUsingComponents(fs.readFileSync(file, 'utf8'), file));
  } else if (file.endsWith('.less')) {
    // Styles are written in less for the two-tier tokens (common/style/); partials (_*.less) only import.
    if (path.basename(file).startsWith('_')) return;
    const { css } = await less.render(fs.readFileSync(file, 'utf8'), { filename: file });
    fs.writeFileSync(out.replace(/\.less$/, '.wxss'), css);
  } else if (/\.(wxml|wxss|wxs)$/.test(file)) {
    fs.writeFileSync(out, rewriteTemplateImports(fs.readFileSync(file, 'utf8'), file));
  } else if (/\.(png|svg)$/.test(file)) {
    fs.copyFileSync(file, out);
  }
}

function buildDeclarations() {
  const tmp = path.join(root, '.tmp', 'types');
  fs.rmSync(tmp, { recursive: true, force: true });
  execFileSync(process.execPath, [
    path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
    '-p', path.join(root, 'tsconfig.json'),
    '--noEmit', 'false', '--declaration', '--emitDeclarationOnly', '--isolatedModules', 'false',
    '--outDir', tmp, '--rootDir', srcDir,
  ], { stdio: 'inherit' });
  for (const file of walk(tmp)) {
    const srcTwin = path.join(srcDir, path.relative(tmp, file)).replace(/\.d\.ts$/, '.ts');
    const out = distPathOf(srcTwin).replace(/\.ts$/, '.d.ts');
    const text = fs.readFileSync(file, 'utf8').replace(
      /(from |import\()(["'])(\.[^"']+)\2/g,
      (_, lead, quote, spec) => `${lead}${quote}${relocate(spec, srcTwin)}${quote}`,
    );
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, text);
  }
  // Hand-written declarations of the third-party SDKs travel with ours.
  for (const file of walk(path.join(srcDir, 'types'))) {
    const out = distPathOf(file);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.copyFileSync(file, out);
  }
}

export async function build({ declarations = true } = {}) {
  fs.rmSync(outDir, { recursive: true, force: true });
  await Promise.all(walk(srcDir).map(buildFile));
  if (declarations) buildDeclarations();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  build({ declarations: !process.argv.includes('--no-dts') })
    .then(() => console.log(`miniprogram_dist/ built in ${Date.now() - started} ms`))
    .catch((error) => {
      console.error(error.message);
      process.exit(1);
    });
}
