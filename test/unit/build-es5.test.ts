/**
 * What the build does to the packages' code after esbuild has bundled it: the ES5 lowering (scripts/lib/es5.mjs)
 * computes what the source computes; a name copied out of a shared chunk is one its chunk never assigns again;
 * WXS loses its comments, whitespace and long local names, and nothing else (scripts/build.mjs). The build is ES modules: run in a Node child.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

function inNode<T>(script: string): T {
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 30000 })) as T;
}

test('the ES5 lowering (classes, ?? and ?., templates, spread and rest) computes what the source computes', () => {
  const { source, lowered, helpers } = inNode<{ source: unknown[]; lowered: unknown[]; helpers: string[] }>(`
    import fs from 'node:fs';
    import os from 'node:os';
    import path from 'node:path';
    import vm from 'node:vm';
    import { helperModule, lowerToEs5 } from './scripts/lib/es5.mjs';
    const code = [
      'export class Base { constructor(v) { this.v = v; } get twice() { return this.v * 2; } show() { return \`v=\${this.v}, \${this.twice}\`; } }',
      'export var Counter = class extends Base { bump() { this.v++; return this; } label() { return \`#\${this.v}\`; } };',
      'export function pick(o) { return [o?.a?.b ?? "none", o?.f?.() ?? "no f", \`\${o?.a}|\${null}|\${undefined}|\${[1, 2]}|\${0}\`]; }',
      'export const spread = (a, b) => ({ ...a, ...b, list: [...(a.list ?? []), 3] });',
      'export function rest({ x, ...others }) { return [x, others]; }',
    ].join('\\n');
    const run = (m) => [
      new m.Counter(1).bump().show(), new m.Counter(4).label(), new m.Counter(2) instanceof m.Base,
      m.pick({ a: { b: 0 } }), m.pick({ a: { b: null }, f: () => false }), m.pick(null), m.pick({ a: 'x' }),
      m.spread({ p: 1, list: [1] }, { q: 2 }), m.spread({}, undefined), m.rest({ x: 1, y: 2, z: 3 }),
    ];
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'es5-')), 'source.mjs');
    fs.writeFileSync(file, code);
    const source = run(await import(file));
    const { code: es5, helpers } = lowerToEs5(code, 'source.js');
    const load = (text, require) => { const module = { exports: {} }; vm.runInNewContext(text, { module, exports: module.exports, require, Object, Promise, Array }); return module.exports; };
    const helperExports = load(helperModule(helpers), () => ({}));
    const lowered = run(load(es5.replace(/^"use strict";/, 'var __assign = require("h").__assign, __extends = require("h").__extends, __rest = require("h").__rest, __spreadArray = require("h").__spreadArray;'), () => helperExports));
    process.stdout.write(JSON.stringify({ source, lowered, helpers }));
  `);
  expect(lowered).toEqual(source);
  expect(source).toEqual([
    'v=2, 4', '#4', true,
    [0, 'no f', '[object Object]|null|undefined|1,2|0'], ['none', false, '[object Object]|null|undefined|1,2|0'], ['none', 'no f', 'undefined|null|undefined|1,2|0'], ['none', 'no f', 'x|null|undefined|1,2|0'],
    { p: 1, list: [1, 3], q: 2 }, { list: [3] }, [1, { y: 2, z: 3 }],
  ]);
  expect(helpers.sort()).toEqual(['__assign', '__extends', '__rest', '__spreadArray']);
});

test('a name is copied out of a shared chunk only when the chunk never assigns it again; the others stay live', () => {
  const { text } = inNode<{ text: string }>(`
    import { importsAsLocals, shortExports } from './scripts/lib/es5.mjs';
    const chunk = ['var ErrorCode = { A: "a" };', 'var count = 0;', 'function bump() { count++; }', 'var current = 1;', 'function swap() { current = 2; }', 'var shifted = 8;', 'shifted >>= 1;', 'function f() { return ErrorCode === current; }', 'export { ErrorCode, count, bump, current as now, shifted, f };'].join('\\n');
    const importer = 'import { ErrorCode, count, bump, now, shifted, f } from "./chunk.js";\\nuse(ErrorCode, count, bump, now, shifted, f);';
    const text = importsAsLocals(importer, (specifier) => (specifier === './chunk.js' ? { text: chunk, renamed: shortExports(chunk).renamed } : null));
    process.stdout.write(JSON.stringify({ text }));
  `);
  expect(text).toContain('const ErrorCode = __chunk0.a, bump = __chunk0.c, f = __chunk0.f;');
  expect(text).toContain('import { b as count, d as now, e as shifted } from "./chunk.js";');
});

test('WXS ships minified: no comments or whitespace, short local names, `undefined` as written; it computes what the source computes', () => {
  const { text, source, minified } = inNode<{ text: string; source: unknown[]; minified: unknown[] }>(`
    import vm from 'node:vm';
    import { minifyWxs } from './scripts/build.mjs';
    const wxs = [
      '/* The module. */',
      'var URL = "http://x/*y*/";',
      '',
      '  // a line comment',
      'function describe(value) {',
      "    if (value === undefined) return 'none // kept';",
      "    return value + '// kept' + \\"it's\\" + URL; // trailing",
      '}',
      'module.exports = { describe: describe };',
      '',
    ].join('\\n');
    const run = (code) => {
      const module = { exports: {} };
      vm.runInNewContext(code, { module });
      return [module.exports.describe(undefined), module.exports.describe(-1), Object.keys(module.exports)];
    };
    const text = await minifyWxs(wxs);
    process.stdout.write(JSON.stringify({ text, source: run(wxs), minified: run(text) }));
  `);
  expect(minified).toEqual(source);
  expect(source).toEqual(['none // kept', "-1// keptit'shttp://x/*y*/", ['describe']]);
  expect(text).toContain('===undefined');
  expect(text).not.toContain('void 0');
  expect(text).not.toContain('The module');
  expect(text).not.toContain('describe(');
  expect(text.trim().split('\n')).toHaveLength(1);
});
