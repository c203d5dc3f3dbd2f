import type { Node } from 'jsonc-parser';
import { findNodeAtLocation, getNodeValue, parseTree } from 'jsonc-parser';
import { removeMember } from './json-text';

/** Whether a preloadRule's package names the subpackage at `root` (WeChat takes the root, with or without a final /). */
function namesRoot(value: unknown, root: string): boolean {
  return typeof value === 'string' && value.replace(/\/+$/, '') === root;
}

function nodeAt(text: string, at: Array<string | number>): Node | undefined {
  const tree = parseTree(text);
  return tree && findNodeAtLocation(tree, at);
}

/** The first place `root` is named in app.json's preloadRule: its page and index in that rule's packages. */
function firstMention(text: string, root: string): { page: string; index: number } | null {
  const rules = nodeAt(text, ['preloadRule']);
  if (rules?.type !== 'object') return null;
  for (const property of rules.children ?? []) {
    const [key, rule] = property.children ?? [];
    const packages = rule && findNodeAtLocation(rule, ['packages']);
    const index = packages?.type === 'array' ? (packages.children ?? []).findIndex((entry) => namesRoot(getNodeValue(entry), root)) : -1;
    if (index >= 0) return { page: String(getNodeValue(key)), index };
  }
  return null;
}

function isEmpty(text: string, at: string[]): boolean {
  const node = nodeAt(text, at);
  return node !== undefined && (node.children ?? []).length === 0;
}

/**
 * app.json without `root` in its preloadRule: a rule naming a subpackage that is gone fails WeChat's build
 * ("packageTccc/ not found"). The host wrote the rule (add only suggests it); a rule left with no packages
 * goes, and preloadRule goes when no rule is left. Resolves the text and the pages whose rule named `root`.
 */
export function withoutPreloadOf(text: string, root: string): { text: string; pages: string[] } {
  const pages: string[] = [];
  // Bounded by the entries the file holds: each pass takes one out.
  for (let mention = firstMention(text, root); mention; mention = firstMention(text, root)) {
    const { page, index } = mention;
    pages.push(page);
    text = removeMember(text, ['preloadRule', page, 'packages', index]);
    if (isEmpty(text, ['preloadRule', page, 'packages'])) text = removeMember(text, ['preloadRule', page]);
    if (isEmpty(text, ['preloadRule'])) text = removeMember(text, ['preloadRule']);
  }
  return { text, pages: [...new Set(pages)] };
}
