/** add's JSON edits: the host's key order, indentation and line endings kept; each undone to the same bytes. */
import { applyEdit, holds, withoutEdit } from '../../create/add/json-edits';
import type { JsonEdit } from '../../create/add/json-edits';
import { cleanRoot } from '../../create/add/host-project';
import { withoutPreloadOf } from '../../create/add/preload-rule';

const subpackage: JsonEdit = { kind: 'append', at: ['subPackages'], value: { root: 'packageTccc', pages: ['pages/call/index'], independent: true }, match: { root: 'packageTccc' } };

test.each([
  ['two spaces', '{\n  "pages": ["pages/index/index"],\n  "window": {}\n}\n'],
  ['four spaces and a list already there', '{\n    "pages": [\n        "a/index"\n    ],\n    "subPackages": [\n        { "root": "shop", "pages": ["x"] }\n    ]\n}\n'],
  ['tabs and CRLF', '{\r\n\t"pages": ["a"],\r\n\t"subPackages": []\r\n}'],
  ['one line', '{"pages":["a"]}'],
])('%s: the entry appended in the file\'s own layout, and taken out to the same bytes', (_name, text) => {
  const { text: edited, made } = applyEdit(text, subpackage);
  const after = JSON.parse(edited) as { subPackages: unknown[] };
  expect(after.subPackages[after.subPackages.length - 1]).toEqual(subpackage.value);
  // Everything else is the host's, untouched: the edited text starts with the host's text up to its last value.
  const firstChange = [...text].findIndex((char, index) => char !== edited[index]);
  expect(text.slice(firstChange).trim().length).toBeLessThan(12);
  if (text.includes('\t')) expect(edited).toContain('\r\n\t\t{\r\n\t\t\t"root": "packageTccc"');
  expect(holds(edited, subpackage)).toBe(true);
  expect(withoutEdit(edited, made!)).toBe(text);
});

test('a property and the objects on its way are added last; taken out with them when nothing else is left', () => {
  const text = '{\n  "name": "shop"\n}\n';
  const edit: JsonEdit = { kind: 'set', at: ['scripts', 'simulator'], value: 'tccc-dev-server' };
  const { text: edited, made } = applyEdit(text, edit);
  expect(edited).toBe('{\n  "name": "shop",\n  "scripts": {\n    "simulator": "tccc-dev-server"\n  }\n}\n');
  expect(made?.created).toEqual(['scripts']);
  expect(withoutEdit(edited, made!)).toBe(text);
  // A property the host has, whatever its value, is the host's: add leaves it.
  expect(applyEdit('{ "scripts": { "simulator": "my-own" } }', edit).made).toBeNull();
});

test('an entry another edit of the host sits beside is taken out alone', () => {
  const text = '{\n  "subPackages": [\n    { "root": "shop", "pages": ["x"] }\n  ]\n}\n';
  const { text: edited, made } = applyEdit(text, subpackage);
  const withPage = edited.replace('"pages": ["x"]', '"pages": ["x", "y"]');
  expect(withoutEdit(withPage, made!)).toBe(text.replace('"pages": ["x"]', '"pages": ["x", "y"]'));
});

test('a shape add cannot edit is an error, not a guess', () => {
  expect(() => applyEdit('{ "subPackages": {} }', subpackage)).toThrow('subPackages is not a list');
});

test.each([
  ['', ''],
  ['./', ''],
  ['miniprogram/', 'miniprogram'],
  ['./src/mp/', 'src/mp'],
  ['src\\mp', 'src/mp'],
  ['../elsewhere', null],
  ['/abs', null],
])('miniprogramRoot %p is %p', (value, clean) => {
  expect(cleanRoot(value)).toBe(clean);
});

test.each([
  ['the only rule, between other keys', '{\n  "pages": ["a"],\n  "preloadRule": { "a": { "network": "all", "packages": ["packageTccc"] } },\n  "window": {}\n}\n', '{\n  "pages": ["a"],\n  "window": {}\n}\n', ['a']],
  ['named with a final /, last key, CRLF', '{\r\n\t"pages": ["a"],\r\n\t"preloadRule": {\r\n\t\t"a": { "packages": ["packageTccc/"] }\r\n\t}\r\n}', '{\r\n\t"pages": ["a"]\r\n}', ['a']],
  ['beside the app\'s own packages, in two rules', '{ "preloadRule": { "a": { "packages": ["packageTccc", "shop"] }, "b": { "packages": ["packageTccc"] }, "c": { "packages": ["shop"] } } }', '{ "preloadRule": { "a": { "packages": ["shop"] }, "c": { "packages": ["shop"] } } }', ['a', 'b']],
  ['a rule that does not name it, and a malformed one', '{ "preloadRule": { "a": { "packages": ["shop"] }, "b": "x" } }', '{ "preloadRule": { "a": { "packages": ["shop"] }, "b": "x" } }', []],
])('preloadRule %s: only the subpackage comes out, and a rule or preloadRule left empty with it', (_name, text, expected, pages) => {
  expect(withoutPreloadOf(text, 'packageTccc')).toEqual({ text: expected, pages });
});
