import { setTimeout as sleep } from 'node:timers/promises';
import { waitFor } from './wait';

/** What miniprogram-simulate hands back for a rendered component, as far as the testing entry promises it. */
export interface Rendered {
  /** Its DOM in jsdom (custom tags: `wx-view`, `van-button`…). */
  dom: HTMLElement;
  /** The component's `this`: its data and methods. */
  instance: Record<string, unknown>;
  querySelector(selector: string): Rendered | undefined;
  querySelectorAll(selector: string): Rendered[];
  dispatchEvent(name: string, options?: { detail?: unknown }): void;
  setData(data: Record<string, unknown>): void;
}

/** A node of the rendered tree as j-component keeps it (miniprogram-exparser): the parts read here. */
interface TreeNode {
  _vt?: { tagName?: string; componentId?: string; attrs?: Array<{ name: string; value: unknown }>; event?: Record<string, unknown> };
  __wxSlotChildren?: TreeNode[];
  __virtual?: boolean;
  textContent?: string;
}

/** A control a finger can tap, named as a screen reader names it. */
export interface Control {
  /** `aria-label`, else its text. */
  name: string;
  disabled: boolean;
}

interface FoundControl extends Control {
  node: TreeNode;
}

const TAP_EVENTS = ['tap', 'longpress'];
const DEFAULT_TAP_WAIT_MS = 5000;

function nodeOf(root: Rendered): TreeNode {
  const node = (root as unknown as { _exparserNode?: TreeNode })._exparserNode;
  if (!node) throw new Error('Not a component miniprogram-simulate rendered.');
  return node;
}

const isElement = (node: TreeNode) => Array.isArray(node.__wxSlotChildren);

function attrOf(node: TreeNode, name: string): string {
  const key = name.replace(/-/g, '').toLowerCase();
  const found = node._vt?.attrs?.find((attr) => attr.name.replace(/-/g, '').toLowerCase() === key);
  return found === undefined || found.value === null || found.value === undefined ? '' : String(found.value);
}

function textIn(node: TreeNode): string {
  if (!isElement(node)) return node.textContent ?? '';
  return node.__wxSlotChildren!.map(textIn).join('');
}

/** Every element under `root`, in the order a reader meets them (slots composed, as rendered). */
function* elementsUnder(node: TreeNode): Generator<TreeNode> {
  if (!isElement(node)) return;
  yield node;
  for (const child of node.__wxSlotChildren!) yield* elementsUnder(child);
}

function isTappable(node: TreeNode): boolean {
  if (node.__virtual) return false;
  const tag = node._vt?.tagName ?? '';
  return tag === 'button' || tag === 'wx-button' || TAP_EVENTS.some((event) => event in (node._vt?.event ?? {}));
}

/**
 * Not controls though they take taps: a popup's overlay (a nameless box around an open popup), and a
 * van-icon no one listens to (its own tap only re-emits `click`).
 */
const isInert = (node: TreeNode) => node._vt?.tagName === 'van-overlay' || (node._vt?.tagName === 'van-icon' && Object.keys(node._vt?.event ?? {}).length === 0);

function findControls(root: Rendered): FoundControl[] {
  const found: FoundControl[] = [];
  const covered = new Set<TreeNode>();
  for (const node of elementsUnder(nodeOf(root))) {
    if (isInert(node)) for (const inner of elementsUnder(node)) covered.add(inner);
    if (covered.has(node) || !isTappable(node)) continue;
    // What a control contains is part of it: one stop, as for a screen reader.
    for (const inner of elementsUnder(node)) covered.add(inner);
    const name = (attrOf(node, 'aria-label') || textIn(node)).trim().replace(/\s+/g, ' ');
    const disabled = ['true', 'disabled'].includes(attrOf(node, 'disabled'));
    found.push({ name, disabled, node });
  }
  return found;
}

/** The controls on screen under `root` (a page, or any component in it), by their accessible names. */
export function controlsOf(root: Rendered): Control[] {
  return findControls(root).map(({ name, disabled }) => ({ name, disabled }));
}

/** `静音` matches the toggle named `静音，未静音` / `Mute, unmuted`: a name, then its state. */
function named(control: Control, name: string): boolean {
  return control.name === name || control.name.startsWith(`${name}，`) || control.name.startsWith(`${name}, `);
}

/** Everything `root` shows, as text. */
export function textOf(root: Rendered): string {
  return textIn(nodeOf(root)).replace(/\s+/g, ' ').trim();
}

/** The call screen's status line (`联系客服`, `通话中`, a failure…); '' when no call screen is shown. */
export function statusOf(root: Rendered): string {
  for (const node of elementsUnder(nodeOf(root))) {
    if (attrOf(node, 'class').split(/\s+/).some((name) => name === 'tccc-call-screen__status')) return textIn(node).trim();
  }
  return '';
}

/** What a failed wait reports about the screen: the status line and buttons, or all its text when it has no status line. */
export function describeScreen(root: Rendered): string {
  const controls = controlsOf(root).map((control) => `「${control.name}」${control.disabled ? ' (disabled)' : ''}`);
  const status = statusOf(root);
  const shown = status ? `the status line reads 「${status}」` : `no status line; the page shows 「${textOf(root).slice(0, 200)}」`;
  return `${shown}; buttons: ${controls.join(' ') || 'none'}`;
}

/**
 * Taps the control named `name` (its `aria-label` or text: `语音呼叫`, `挂断`, `键盘`, a keypad's `1`), as a
 * finger would: it waits up to `timeoutMs` for one to show and be enabled.
 */
export async function tap(root: Rendered, name: string, { timeoutMs = DEFAULT_TAP_WAIT_MS } = {}): Promise<void> {
  let target: FoundControl | undefined;
  await waitFor(() => (target = findControls(root).find((control) => named(control, name) && !control.disabled)) !== undefined, `a button 「${name}」 to tap`, timeoutMs, () => describeScreen(root));
  new (wrapperClassOf(root))(target!.node).dispatchEvent('tap');
  await sleep(0);
}

/** j-component's wrapper class of any node (the one that defines querySelector), found from `root`'s own. */
function wrapperClassOf(root: Rendered): new (node: TreeNode) => Rendered {
  let candidate: unknown = root.constructor;
  while (typeof candidate === 'function' && !Object.prototype.hasOwnProperty.call(candidate.prototype, 'querySelector')) candidate = Object.getPrototypeOf(candidate);
  if (typeof candidate !== 'function') throw new Error('tap: this j-component has no wrapper class to dispatch a tap through.');
  return candidate as new (node: TreeNode) => Rendered;
}

/** Waits until the status line reads `expected` (or matches it), up to `timeoutMs` (default 10 s). */
export function waitForStatus(root: Rendered, expected: string | RegExp, timeoutMs = 10000): Promise<void> {
  const matches = () => (typeof expected === 'string' ? statusOf(root) === expected : expected.test(statusOf(root)));
  return waitFor(matches, `the status line to read 「${String(expected)}」`, timeoutMs, () => describeScreen(root));
}
