import type { Node } from 'jsonc-parser';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';

/**
 * Edits of a JSON file's text that touch only what they change: the host's key order, indentation, line
 * endings and the layout of every other value stay as they were, so a diff shows our lines alone.
 */

/** How a file is laid out: one level of indentation, and its line ending. */
export interface JsonLayout {
  indent: string;
  eol: string;
}

export function layoutOf(text: string): JsonLayout {
  const firstIndented = /\n([ \t]+)\S/.exec(text);
  return { indent: firstIndented ? firstIndented[1] : '  ', eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

function treeOf(text: string): Node {
  const root = parseTree(text);
  if (!root || root.type !== 'object') throw new Error('not a JSON object');
  return root;
}

/** The leading whitespace of the line `offset` is on. */
function indentOfLine(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/** `value` as JSON whose lines after the first start with `indent`. */
function rendered(value: unknown, layout: JsonLayout, indent: string): string {
  return JSON.stringify(value, null, layout.indent).split('\n').join(layout.eol + indent);
}

/** Inserts `member` (a property `"key": value`, or an element) after the last member of `container`. */
function insertLast(text: string, container: Node, member: (indent: string) => string, layout: JsonLayout): string {
  const open = container.offset;
  const close = container.offset + container.length - 1;
  const children = container.children ?? [];
  if (children.length === 0) {
    const outer = indentOfLine(text, open);
    const inner = outer + layout.indent;
    return `${text.slice(0, open + 1)}${layout.eol}${inner}${member(inner)}${layout.eol}${outer}${text.slice(close)}`;
  }
  const last = children[children.length - 1];
  const end = last.offset + last.length;
  // A container written on one line ("pages": ["a", "b"]) stays on one line.
  if (!text.slice(open, last.offset).includes('\n')) return `${text.slice(0, end)}, ${member('').replace(/\r?\n\s*/g, ' ')}${text.slice(end)}`;
  const inner = indentOfLine(text, last.offset);
  return `${text.slice(0, end)},${layout.eol}${inner}${member(inner)}${text.slice(end)}`;
}

/** `value` nested under the keys of `path`: ['a', 'b'] and 1 give { a: { b: 1 } }. */
function nested(path: string[], value: unknown): unknown {
  return path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
}

/**
 * Appends `value` to the list at `path`. Objects or the list that do not exist yet are added as the last
 * property of their parent. Returns the new text and the path of the first key it had to add, if any.
 */
export function appendToList(text: string, path: string[], value: unknown): { text: string; created: string[] | null } {
  const layout = layoutOf(text);
  const root = treeOf(text);
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = depth === 0 ? root : findNodeAtLocation(root, path.slice(0, depth));
    if (!node) continue;
    if (depth === path.length) {
      if (node.type !== 'array') throw new Error(`${path.join('.')} is not a list`);
      return { text: insertLast(text, node, (indent) => rendered(value, layout, indent), layout), created: null };
    }
    if (node.type !== 'object') throw new Error(`${path.slice(0, depth).join('.') || 'the file'} is not an object`);
    const [key, ...rest] = path.slice(depth);
    const member = (indent: string) => `${JSON.stringify(key)}: ${rendered(nested(rest, [value]), layout, indent)}`;
    return { text: insertLast(text, node, member, layout), created: path.slice(0, depth + 1) };
  }
  throw new Error('unreachable');
}

/** Adds the property at `path` (its last key must not exist yet), and any object on the way. */
export function addProperty(text: string, path: string[], value: unknown): { text: string; created: string[] } {
  const layout = layoutOf(text);
  const root = treeOf(text);
  for (let depth = path.length - 1; depth >= 0; depth -= 1) {
    const node = depth === 0 ? root : findNodeAtLocation(root, path.slice(0, depth));
    if (!node) continue;
    if (node.type !== 'object') throw new Error(`${path.slice(0, depth).join('.') || 'the file'} is not an object`);
    const [key, ...rest] = path.slice(depth);
    const member = (indent: string) => `${JSON.stringify(key)}: ${rendered(nested(rest, value), layout, indent)}`;
    return { text: insertLast(text, node, member, layout), created: path.slice(0, depth + 1) };
  }
  throw new Error('unreachable');
}

/** Removes one member: the property at `path`, or the element at a numeric last step. */
export function removeMember(text: string, path: Array<string | number>): string {
  const root = treeOf(text);
  const found = findNodeAtLocation(root, path);
  if (!found) return text;
  const member = typeof path[path.length - 1] === 'number' ? found : found.parent!;
  const container = member.parent!;
  const siblings = container.children!;
  const index = siblings.indexOf(member);
  if (siblings.length === 1) return `${text.slice(0, container.offset + 1)}${text.slice(container.offset + container.length - 1)}`;
  if (index > 0) {
    const previous = siblings[index - 1];
    return `${text.slice(0, previous.offset + previous.length)}${text.slice(member.offset + member.length)}`;
  }
  return `${text.slice(0, member.offset)}${text.slice(siblings[1].offset)}`;
}
