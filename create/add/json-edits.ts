import { findNodeAtLocation, getNodeValue, parseTree } from 'jsonc-parser';
import { addProperty, appendToList, removeMember } from './json-text';

/**
 * One change `add` makes to a host's JSON file, kept in the add record so that `remove` takes out exactly
 * that, even from a file edited since.
 */
export type JsonEdit =
  /** An entry appended to the list at `at`; `match` (a few of its fields) finds it again. */
  | { kind: 'append'; at: string[]; value: unknown; match: Record<string, unknown>; created?: string[] | null }
  /** A property that was not there. */
  | { kind: 'set'; at: string[]; value: unknown; created?: string[] | null };

function valueAt(text: string, at: Array<string | number>): { found: boolean; value: unknown } {
  const root = parseTree(text);
  const node = root && findNodeAtLocation(root, at);
  return node ? { found: true, value: getNodeValue(node) } : { found: false, value: undefined };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function matches(entry: unknown, match: Record<string, unknown>): boolean {
  return typeof entry === 'object' && entry !== null && Object.entries(match).every(([key, value]) => same((entry as Record<string, unknown>)[key], value));
}

/** Where the edit's entry is now: its path, or null when it is not there (or, for a property, holds another value). */
function whereIs(text: string, edit: JsonEdit): Array<string | number> | null {
  const { found, value } = valueAt(text, edit.at);
  if (!found) return null;
  if (edit.kind === 'set') return same(value, edit.value) ? edit.at : null;
  const index = Array.isArray(value) ? value.findIndex((entry) => matches(entry, edit.match)) : -1;
  return index >= 0 ? [...edit.at, index] : null;
}

/** Whether the file already holds what the edit adds (a property counts as there whatever its value: it is the host's then). */
export function holds(text: string, edit: JsonEdit): boolean {
  return edit.kind === 'set' ? valueAt(text, edit.at).found : whereIs(text, edit) !== null;
}

/** The text with the edit made, and the edit as made (with the keys it had to create); unchanged when the file holds it already. */
export function applyEdit(text: string, edit: JsonEdit): { text: string; made: JsonEdit | null } {
  if (holds(text, edit)) return { text, made: null };
  const result = edit.kind === 'append' ? appendToList(text, edit.at, edit.value) : addProperty(text, edit.at, edit.value);
  return { text: result.text, made: { ...edit, created: result.created } };
}

function isEmpty(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && value !== null && Object.values(value).every(isEmpty);
}

/** The text without the edit's entry, and without the keys the edit created when nothing else is left in them. */
export function withoutEdit(text: string, edit: JsonEdit): string {
  const where = whereIs(text, edit);
  if (!where) return text;
  const without = removeMember(text, where);
  if (!edit.created) return without;
  const left = valueAt(without, edit.created);
  return left.found && isEmpty(left.value) ? removeMember(without, edit.created) : without;
}
