// Builds the two mini program packages from src/, each into the folder WeChat's 构建 npm copies into
// miniprogram_npm/<package name>:
//
//   core  (open-tccc-wx-sdk, installed as "tccc-wx-sdk")  ->  miniprogram_dist/ at the repository root
//     src/components/tccc-wx-sdk/*  ->  miniprogram_dist/*          ("tccc-wx-sdk" resolves to index.*)
//     src/components/pusher|player  ->  miniprogram_dist/<name>/*   ("tccc-wx-sdk/pusher" -> pusher/index.*)
//     src/login, src/im             ->  miniprogram_dist/login, im  (with the services and common files they reach)
//   kit   (tccc-call-kit)  ->  packages/tccc-call-kit/miniprogram_dist/
//     every other src/components/<name>/*  ->  <name>/*  ("tccc-call-kit/call-screen")
//     src/dev                               ->  dev/*     ("tccc-call-kit/dev", development checks)
//     with its own copy of the small shared helpers it reaches (src/common/**, src/services/errors.ts).
//
// Each package holds the files its entries reach (requires, usingComponents, wxml/wxs/less imports), and
// nothing else. The kit reaches the core only by package name (`"tccc-wx-sdk": "tccc-wx-sdk"`): a relative
// path from a kit file into any other core file stops the build.
//
// JS target: ES5 (CommonJS). Each package's scripts are bundled by esbuild (an entry per component and per
// entry folder, modules two entries share in chunks/), then lowered to ES5 by TypeScript, its helpers in one
// chunks/helpers.js per package (scripts/lib/es5.mjs). WeChat's "ES6 转 ES5" then has nothing to lower and adds
// no @babel/runtime; with the option off, base library 2.10.0 runs the same code on every supported client.
// tsconfig.json targets ES5 too, so `npm run typecheck` refuses what this lowering would get wrong (for-of,
// spread or destructuring of anything but an array).
import { build as bundle } from 'esbuild';
import less from 'less';
import ts from 'typescript';
import { minify as minifyScript } from 'terser';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { helperModule, importsAsLocals, lowerToEs5, shortExports, withHelpers } from './lib/es5.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = path.join(root, 'src');

/** The components of the core; every other folder of src/components is a UI kit component. */
export const CORE_COMPONENTS = ['tccc-wx-sdk', 'pusher', 'player'];
const ROOT_COMPONENT = 'tccc-wx-sdk';
/** The kit's types entry (type-only, no run-time file): its components' instances and events. */
const KIT_TYPES_ENTRY = 'call-kit.ts';

export function kitComponents() {
  return fs
    .readdirSync(path.join(srcDir, 'components'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !CORE_COMPONENTS.includes(entry.name))
    .map((entry) => entry.name)
    .sort();
}

export const PACKAGES = {
  core: {
    outDir: path.join(root, 'miniprogram_dist'),
    entries: () => [...CORE_COMPONENTS.map((name) => `components/${name}`), 'login', 'im'],
    /** Every file it reaches is its own. */
    mayReach: () => true,
    /** Declarations of every core file; the root's `index.d.ts` re-exports the page-facing types (api.ts). */
    declarations: { exclude: (rel) => rel === KIT_TYPES_ENTRY || (rel.startsWith('components/') && kitComponents().includes(rel.split('/')[1])) },
  },
  kit: {
    outDir: path.join(root, 'packages', 'tccc-call-kit', 'miniprogram_dist'),
    /** Its components, and `dev` (`tccc-call-kit/dev`: the checks an app turns on while developing). */
    entries: () => [...kitComponents().map((name) => `components/${name}`), 'dev'],
    /** Its own components and dev entry, and copies of the shared helpers; never a core file. */
    mayReach: (rel) => rel.startsWith('common/') || rel.startsWith('dev/') || rel === 'services/errors.ts' || kitComponents().some((name) => rel.startsWith(`components/${name}/`)),
    /** Declarations of its types entry (as the package's `index.d.ts`) and of `dev`, and what they import. */
    declarations: { entry: KIT_TYPES_ENTRY, alongside: ['dev/index.ts'] },
  },
};

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

function toPosix(p) {
  return p.split(path.sep).join('/');
}

function srcRelative(file) {
  return toPosix(path.relative(srcDir, file));
}

/** Where a file of src/ lands in the package written to `outDir`. */
export function distPathOf(srcFile, outDir = PACKAGES.core.outDir) {
  const rel = path.relative(srcDir, srcFile).split(path.sep);
  if (rel[0] === 'components') {
    const rest = rel[1] === ROOT_COMPONENT ? rel.slice(2) : rel.slice(1);
    return path.join(outDir, ...rest);
  }
  return path.join(outDir, ...rel);
}

/** The src file a relative specifier written in `fromSrc` names (a .ts, a folder's index.ts, or `extension`). */
function resolveSource(specifier, fromSrc, extension = '') {
  const targetSrc = path.resolve(path.dirname(fromSrc), specifier);
  // A stylesheet imported as the .wxss it compiles to (`@import (css) './theme.wxss'`) is its .less source.
  const lessSource = targetSrc.replace(/\.wxss$/, '.less');
  const candidates = [targetSrc + extension, targetSrc, targetSrc + '.ts', path.join(targetSrc, 'index.ts'), targetSrc + '.json', lessSource];
  const existing = candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
  if (!existing) throw new Error(`${path.relative(root, fromSrc)}: cannot resolve "${specifier}"`);
  return existing;
}

/** Rewrites a relative specifier written in `fromSrc` so it still points at its target after the move. */
function relocate(specifier, fromSrc, outDir, extension = '') {
  if (!specifier.startsWith('.')) return specifier;
  const existing = resolveSource(specifier, fromSrc, extension);
  const targetSrc = path.resolve(path.dirname(fromSrc), specifier);
  const usesIndex = existing.endsWith(`${path.sep}index.ts`) && !specifier.endsWith('index');
  const targetDist = distPathOf(usesIndex ? path.dirname(existing) : targetSrc, outDir);
  let relative = toPosix(path.relative(path.dirname(distPathOf(fromSrc, outDir)), targetDist));
  if (!relative.startsWith('.')) relative = `./${relative}`;
  return usesIndex ? `${relative}/index` : relative;
}

const REQUIRE = /require\((["'])([^"']+)\1\)/g;
const TEMPLATE_SRC = /(<(?:import|include|wxs)\b[^>]*\bsrc=)(["'])(\.[^"']+)\2/g;
const LESS_IMPORT = /(@import\s+(?:\([a-z]+\)\s*)?)(["'])(\.[^"']+)\2/g;

function transpile(file) {
  const commonjs = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
    fileName: file,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2019, removeComments: true, useDefineForClassFields: false, isolatedModules: true },
  });
  return commonjs.outputText;
}

/**
 * The src files `file` reaches at run time: requires left after TypeScript drops type-only imports,
 * relative usingComponents (the whole component), and template, wxs and style imports.
 */
function reachedFrom(file, transpiled) {
  const text = file.endsWith('.ts') ? transpiled(file) : fs.readFileSync(file, 'utf8');
  const specifiers = [];
  if (file.endsWith('.ts') || file.endsWith('.wxs')) for (const [, , spec] of text.matchAll(REQUIRE)) specifiers.push([spec, '']);
  if (/\.(wxml|wxs)$/.test(file)) for (const [, , , spec] of text.matchAll(TEMPLATE_SRC)) specifiers.push([spec, '']);
  if (file.endsWith('.less') || file.endsWith('.wxss')) for (const [, , , spec] of text.matchAll(LESS_IMPORT)) specifiers.push([spec, '']);
  if (file.endsWith('.json')) {
    for (const target of Object.values(JSON.parse(text).usingComponents ?? {})) {
      if (typeof target === 'string' && target.startsWith('.')) specifiers.push([target, '.json']);
    }
  }
  return specifiers
    .filter(([spec]) => spec.startsWith('.'))
    .flatMap(([spec, extension]) => {
      const found = resolveSource(spec, file, extension);
      // A component is its folder: json, wxml, styles and script together.
      return extension === '.json' ? walk(path.dirname(found)) : [found];
    });
}

/** The files of a package: its entry folders and everything they reach, checked against `mayReach`. */
export function filesOf(name, transpiled = cachedTranspile()) {
  const spec = PACKAGES[name];
  const pending = spec.entries().flatMap((entry) => walk(path.join(srcDir, entry)));
  const files = new Set();
  while (pending.length > 0) {
    const file = pending.pop();
    if (files.has(file) || file.endsWith('.d.ts') || file.endsWith('.md') || isTypeOnly(file, transpiled)) continue;
    if (!spec.mayReach(srcRelative(file))) {
      throw new Error(`${name}: ${srcRelative(file)} is a core file. The UI kit reaches the core by package name ("tccc-wx-sdk") and through its documented methods and events only.`);
    }
    files.add(file);
    for (const reached of reachedFrom(file, transpiled)) {
      if (!spec.mayReach(srcRelative(reached))) {
        throw new Error(`${name}: ${srcRelative(file)} reaches ${srcRelative(reached)}, a core file. The UI kit reaches the core by package name ("tccc-wx-sdk") and through its documented methods and events only.`);
      }
      pending.push(reached);
    }
  }
  return [...files].sort();
}

const COMMONJS_PREAMBLE = /^"use strict";\s*Object\.defineProperty\(exports, "__esModule", \{ value: true \}\);\s*$/;

/** A module of types alone (api.ts) compiles to nothing: it ships as a declaration only. */
function isTypeOnly(file, transpiled) {
  return file.endsWith('.ts') && COMMONJS_PREAMBLE.test(transpiled(file));
}

function cachedTranspile() {
  const cache = new Map();
  return (file) => {
    if (!cache.has(file)) cache.set(file, transpile(file));
    return cache.get(file);
  };
}

function rewriteUsingComponents(json, fromSrc, outDir) {
  const data = JSON.parse(json);
  for (const [tag, target] of Object.entries(data.usingComponents ?? {})) {
    if (typeof target === 'string' && target.startsWith('.')) {
      data.usingComponents[tag] = relocate(target, fromSrc, outDir, '.json').replace(/\.json$/, '');
    }
  }
  return `${JSON.stringify(data, null, 2)}\n`;
}

async function buildFile(file, outDir) {
  const out = distPathOf(file, outDir);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const move = (_, quote, spec) => `require(${quote}${relocate(spec, file, outDir)}${quote})`;
  const moveImport = (_, lead, quote, spec) => `${lead}${quote}${relocate(spec, file, outDir)}${quote}`;
  if (file.endsWith('.json')) {
    fs.writeFileSync(out, rewriteUsingComponents(fs.readFileSync(file, 'utf8'), file, outDir));
  } else if (file.endsWith('.less')) {
    // Styles are written in less for the two-tier tokens (common/style/); partials (_*.less) only import.
    if (path.basename(file).startsWith('_')) return;
    // `@import (css)` of a shared stylesheet stays an import (WeChat keeps one copy for every component).
    const { css } = await less.render(fs.readFileSync(file, 'utf8'), { filename: file });
    fs.writeFileSync(out.replace(/\.less$/, '.wxss'), unprefixed(tightCalc(css.replace(LESS_IMPORT, moveImport))));
  } else if (file.endsWith('.wxs')) {
    fs.writeFileSync(out, await minifyWxs(fs.readFileSync(file, 'utf8').replace(REQUIRE, move)));
  } else if (file.endsWith('.wxss')) {
    fs.writeFileSync(out, unprefixed(fs.readFileSync(file, 'utf8').replace(LESS_IMPORT, moveImport)));
  } else if (file.endsWith('.wxml')) {
    fs.writeFileSync(out, fs.readFileSync(file, 'utf8').replace(TEMPLATE_SRC, moveImport));
  } else if (/\.(png|svg)$/.test(file)) {
    fs.copyFileSync(file, out);
  }
}

/**
 * A stylesheet WeChat's style completion (上传代码时样式自动补全, autoprefixer for iOS 8 and Chrome 37) leaves as
 * written: its `-webkit-` copies of flex, transform, animation and keyframes are for WebViews that cannot draw
 * our styles at all (they need CSS variables, grid and min()/max(): iOS 11.3, Chrome 79), and were 2.1 KB of the
 * kit. The comment is autoprefixer's own switch for a whole file; WeChat's minifier then drops it.
 */
const NO_PREFIXES = '/* autoprefixer: off */\n';

function unprefixed(css) {
  return NO_PREFIXES + css;
}

/**
 * `calc(16 * var(--_u))` as `calc(16*var(--_u))`: CSS needs spaces around + and - only, and WeChat's
 * minifier keeps the others (about 120 sizes in the kit are multiples of its unit).
 */
function tightCalc(css) {
  return css.replace(/calc\(/g, '\0').split('\0').map((part, i) => {
    if (i === 0) return part;
    let depth = 1;
    let end = 0;
    while (end < part.length && depth > 0) {
      if (part[end] === '(') depth++;
      else if (part[end] === ')') depth--;
      end++;
    }
    return `calc(${part.slice(0, end).replace(/\s*([*/])\s*/g, '$1')}${part.slice(end)}`;
  }).join('');
}

/**
 * WXS as it runs: without comments or whitespace, its own names shortened (WeChat ships WXS as written). Only
 * that: terser's compressor would write `undefined` as `void 0`, which WXS's compiler parses with the wrong
 * precedence, so it stays off. The names a module exports, and WXS's globals (getRegExp, getDate), keep theirs.
 */
export async function minifyWxs(wxs) {
  const { code } = await minifyScript(wxs, { compress: false, mangle: { toplevel: true }, ecma: 5, format: { comments: false } });
  return `${code}\n`;
}

/**
 * A variant of a component (`call-screen/audio`: its own .json, .ts and .less, no .wxml) shares its folder's
 * index.wxml, less the elements of the components its .json leaves out: one markup, and a variant that ships
 * none of what it does not use.
 */
function writeVariantMarkup(files, outDir) {
  for (const json of files.filter((file) => file.endsWith('.json') && path.basename(file) !== 'index.json')) {
    const markup = json.replace(/\.json$/, '.wxml');
    if (files.includes(markup)) continue;
    const indexMarkup = path.join(path.dirname(json), 'index.wxml');
    if (!files.includes(indexMarkup)) throw new Error(`${srcRelative(json)}: a variant shares its folder's index.wxml, and there is none.`);
    const registered = (file) => Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')).usingComponents ?? {});
    const kept = registered(json);
    const left = registered(path.join(path.dirname(json), 'index.json')).filter((tag) => !kept.includes(tag));
    fs.writeFileSync(distPathOf(markup, outDir), variantMarkup(fs.readFileSync(distPathOf(indexMarkup, outDir), 'utf8'), left, srcRelative(json)));
  }
}

/** `markup` without the elements (and their children) of the tags `left`; one it cannot take out stops the build. */
export function variantMarkup(markup, left, variant) {
  let text = markup;
  for (const tag of left) text = text.replace(new RegExp(`[ \\t]*<${tag}(?=[\\s/>])(?:[^>]*/>|[\\s\\S]*?</${tag}>)\\n?`, 'g'), '');
  const remaining = left.filter((tag) => new RegExp(`<${tag}(?=[\\s/>])`).test(text));
  if (remaining.length > 0) throw new Error(`${variant}: its markup (index.wxml) still uses ${remaining.join(', ')}, which its usingComponents leaves out.`);
  return text;
}

/** Where shared modules and the ES5 helpers of a package go. */
const CHUNKS_DIR = 'chunks';

/**
 * The scripts WeChat loads by path: each component's (a .ts beside its .json) and each entry folder's index.ts
 * (`tccc-wx-sdk/login`, `tccc-wx-sdk/im`).
 */
function scriptEntries(files, spec) {
  const entryIndexes = spec.entries().map((entry) => path.join(srcDir, entry, 'index.ts'));
  return files.filter((file) => file.endsWith('.ts') && (entryIndexes.includes(file) || files.includes(file.replace(/\.ts$/, '.json'))));
}

/**
 * A package's scripts, bundled: one file per entry, and the modules two entries share in chunks/ (one copy, so
 * the login and the component share their state), then lowered to ES5. One bundle instead of a file per
 * module: names across modules become locals (minified to a letter) instead of `exports.x` / `errors_1.X`.
 */
async function buildScripts(files, spec) {
  const entries = scriptEntries(files, spec);
  const result = await bundle({
    entryPoints: Object.fromEntries(entries.map((file) => [toPosix(path.relative(spec.outDir, distPathOf(file, spec.outDir))).replace(/\.ts$/, ''), file])),
    outdir: spec.outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2020',
    // trtc-wx-sdk, tim-wx-sdk and the core (for the kit): WeChat resolves them from miniprogram_npm.
    packages: 'external',
    chunkNames: `${CHUNKS_DIR}/[name]-[hash]`,
    tsconfigRaw: { compilerOptions: { useDefineForClassFields: false, verbatimModuleSyntax: false } },
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const used = new Set();
  const helperFile = path.join(spec.outDir, CHUNKS_DIR, 'helpers.js');
  const chunksDir = path.join(spec.outDir, CHUNKS_DIR);
  const chunks = new Map(result.outputFiles.filter((output) => path.dirname(output.path) === chunksDir).map((output) => [output.path, { original: output.text, ...shortExports(output.text) }]));
  for (const output of result.outputFiles) {
    const chunkOf = (specifier) => {
      const chunk = chunks.get(path.resolve(path.dirname(output.path), specifier));
      return chunk ? { text: chunk.original, renamed: chunk.renamed } : null;
    };
    const own = chunks.get(output.path);
    const esm = own ? own.text : output.text;
    const { code: lowered, helpers } = lowerToEs5(importsAsLocals(esm, chunkOf), output.path);
    // A chunk is no ES module for anyone to import with interop: TypeScript's __esModule marker goes.
    const code = own ? lowered.replace('Object.defineProperty(exports, "__esModule", { value: true });\n', '') : lowered;
    helpers.forEach((name) => used.add(name));
    let specifier = toPosix(path.relative(path.dirname(output.path), helperFile)).replace(/\.js$/, '');
    if (!specifier.startsWith('.')) specifier = `./${specifier}`;
    // WeChat resolves `require('./x')` to x.js; esbuild writes the extension.
    const text = withHelpers(code, helpers, specifier).replace(/require\("(\.[^"]+)\.js"\)/g, 'require("$1")');
    fs.mkdirSync(path.dirname(output.path), { recursive: true });
    fs.writeFileSync(output.path, text);
  }
  if (used.size > 0) {
    fs.mkdirSync(path.dirname(helperFile), { recursive: true });
    fs.writeFileSync(helperFile, helperModule(used));
  }
}

/** Every src file's declaration, from one tsc run, into .tmp/types (mirroring src/). */
function emitDeclarations() {
  const tmp = path.join(root, '.tmp', 'types');
  fs.rmSync(tmp, { recursive: true, force: true });
  execFileSync(process.execPath, [
    path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
    '-p', path.join(root, 'tsconfig.json'),
    '--noEmit', 'false', '--declaration', '--emitDeclarationOnly', '--isolatedModules', 'false',
    '--outDir', tmp, '--rootDir', srcDir,
  ], { stdio: 'inherit' });
  return tmp;
}

const DECLARATION_IMPORT = /(from |import\()(["'])(\.[^"']+)\2/g;

/** Writes the declaration of `srcTwin` (found in `tmp`) to `out`, its relative imports pointing into `outDir`. */
function placeDeclaration(tmp, srcTwin, outDir, out) {
  const text = fs.readFileSync(path.join(tmp, path.relative(srcDir, srcTwin)).replace(/\.ts$/, '.d.ts'), 'utf8');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, text.replace(DECLARATION_IMPORT, (_, lead, quote, spec) => `${lead}${quote}${relocate(spec, srcTwin, outDir)}${quote}`));
  return [...text.matchAll(DECLARATION_IMPORT)].map(([, , , spec]) => resolveSource(spec, srcTwin));
}

/** The core's declarations: every file but the kit's, and the third-party SDKs' typings. */
function placeCoreDeclarations(tmp, spec) {
  for (const file of walk(tmp)) {
    const srcTwin = path.join(srcDir, path.relative(tmp, file)).replace(/\.d\.ts$/, '.ts');
    if (spec.declarations.exclude(srcRelative(srcTwin))) continue;
    placeDeclaration(tmp, srcTwin, spec.outDir, distPathOf(srcTwin, spec.outDir).replace(/\.ts$/, '.d.ts'));
  }
  // Hand-written declarations of the third-party SDKs travel with ours.
  for (const file of walk(path.join(srcDir, 'types'))) {
    const out = distPathOf(file, spec.outDir);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.copyFileSync(file, out);
  }
}

/** A package whose declarations are one entry (as `index.d.ts`), its `alongside` entries and the files they import, each checked by `mayReach`. */
function placeEntryDeclarations(tmp, name, spec) {
  const entry = path.join(srcDir, spec.declarations.entry);
  const pending = [entry, ...(spec.declarations.alongside ?? []).map((rel) => path.join(srcDir, rel))];
  const placed = new Set();
  while (pending.length > 0) {
    const srcTwin = pending.pop();
    if (placed.has(srcTwin)) continue;
    placed.add(srcTwin);
    if (srcTwin !== entry && !spec.mayReach(srcRelative(srcTwin))) {
      throw new Error(`${name}: its types reach ${srcRelative(srcTwin)}, a core file. The kit's types hold the documented contract only.`);
    }
    // The entry sits where distPathOf puts it (the package root), so its relative imports stay as they are.
    const out = srcTwin === entry ? path.join(spec.outDir, 'index.d.ts') : distPathOf(srcTwin, spec.outDir).replace(/\.ts$/, '.d.ts');
    pending.push(...placeDeclaration(tmp, srcTwin, spec.outDir, out));
  }
}

export async function build({ packages = Object.keys(PACKAGES), declarations = true } = {}) {
  const transpiled = cachedTranspile();
  let tmp = null;
  for (const name of packages) {
    const spec = PACKAGES[name];
    const files = filesOf(name, transpiled);
    fs.rmSync(spec.outDir, { recursive: true, force: true });
    await Promise.all(files.filter((file) => !file.endsWith('.ts')).map((file) => buildFile(file, spec.outDir)));
    writeVariantMarkup(files, spec.outDir);
    await buildScripts(files, spec);
    if (!declarations) continue;
    tmp ??= emitDeclarations();
    if (spec.declarations.entry) placeEntryDeclarations(tmp, name, spec);
    else placeCoreDeclarations(tmp, spec);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const index = process.argv.indexOf('--package');
  const packages = index > 0 ? [process.argv[index + 1]] : Object.keys(PACKAGES);
  if (packages.some((name) => !PACKAGES[name])) {
    console.error(`--package is one of ${Object.keys(PACKAGES).join(', ')}`);
    process.exit(1);
  }
  build({ packages, declarations: !process.argv.includes('--no-dts') })
    .then(() => console.log(`${packages.map((name) => path.relative(root, PACKAGES[name].outDir)).join(', ')} built in ${Date.now() - started} ms`))
    .catch((error) => {
      console.error(error.message);
      process.exit(1);
    });
}
