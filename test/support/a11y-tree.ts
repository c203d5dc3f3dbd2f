/**
 * Reads a rendered tree (miniprogram-simulate's `toJSON()`: every node with its wxml attributes and bound
 * events, vant's insides included) the way a screen reader meets it: the controls a finger can tap with
 * their accessible name and role, and the live regions.
 */

export interface TreeNode {
  tagName: string;
  attrs: Array<{ name: string; value: unknown }>;
  event: Record<string, unknown>;
  children: Array<TreeNode | string>;
}

export interface Control {
  tag: string;
  /** `aria-label`, '' when missing. */
  name: string;
  /** `aria-role`, or the native role of a `button`; '' when missing. */
  role: string;
  /** Its class, to say which control a problem is about. */
  where: string;
  /** Inside an `aria-hidden` subtree: a screen reader cannot reach it. */
  hidden: boolean;
}

export interface LiveRegion {
  /** 'polite' / 'assertive' (`aria-live`), or 'alert' (`aria-role="alert"`, assertive by definition). */
  politeness: string;
  text: string;
  where: string;
}

/** A dialog (`aria-role="dialog"`): its name, and whether it says it is modal. */
export interface Dialog {
  name: string;
  modal: boolean;
  where: string;
}

export interface A11yReport {
  controls: Control[];
  live: LiveRegion[];
  /** Overlays of vant popups: tappable boxes with no name, allowed only where tapping them does nothing. */
  overlays: number;
  dialogs: Dialog[];
  /** What a reader meets, in order, swiping through: each text and each control, by class; hidden ones left out. */
  order: string[];
}

/** Natively interactive: a screen reader stops on them whatever is bound. */
const INTERACTIVE_TAGS = new Set(['wx-button', 'wx-movable-view', 'wx-navigator', 'wx-switch', 'wx-checkbox', 'wx-radio', 'wx-slider', 'wx-input', 'wx-textarea', 'wx-picker']);
/** bindtap / bind:tap / catchtap / longpress: WeChat's tap events, recorded under these names. */
const TAP_EVENTS = ['tap', 'longpress', 'longtap'];
const NATIVE_ROLES: Record<string, string> = { 'wx-button': 'button' };

/** An attribute by its wxml name (`aria-label`), whichever spelling the renderer kept (`ariaLabel`). */
export function attrOf(node: TreeNode, name: string): string {
  const key = name.replace(/-/g, '').toLowerCase();
  const found = node.attrs.find((attr) => attr.name.replace(/-/g, '').toLowerCase() === key);
  return found === undefined || found.value === null || found.value === undefined ? '' : String(found.value);
}

export function textOf(node: TreeNode | string): string {
  return typeof node === 'string' ? node : node.children.map(textOf).join('');
}

const classOf = (node: TreeNode) => attrOf(node, 'class').split(' ').find((name) => name.startsWith('tccc-')) ?? `${node.tagName}.${attrOf(node, 'class').trim().split(' ')[0] ?? ''}`;

/**
 * Every control and live region under `root`. What a control contains is part of it (one stop for the
 * reader), and two vant parts are not controls: a `van-icon` no one listens to (its own tap only re-emits
 * `click`) and a popup's overlay (counted in `overlays`: the caller checks the popup ignores taps on it).
 */
export function readTree(root: TreeNode): A11yReport {
  const report: A11yReport = { controls: [], live: [], overlays: 0, dialogs: [], order: [] };
  /** `owner`: the class of the nearest element with a tccc- class, where a text without a class of its own sits. */
  const visit = (node: TreeNode | string, parent: TreeNode | null, hidden: boolean, inOverlay: boolean, owner: string): void => {
    if (typeof node === 'string') {
      if (!hidden && node.trim()) report.order.push(owner);
      return;
    }
    const own = classOf(node);
    const where = own.startsWith('tccc-') ? own : owner;
    const isHidden = hidden || attrOf(node, 'aria-hidden') === 'true';
    const overlay = inOverlay || node.tagName === 'van-overlay';
    const live = attrOf(node, 'aria-live');
    const role = attrOf(node, 'aria-role');
    if (live && live !== 'off') report.live.push({ politeness: live, text: textOf(node), where: classOf(node) });
    else if (role === 'alert') report.live.push({ politeness: 'alert', text: textOf(node), where: classOf(node) });
    if (role === 'dialog' && !isHidden) report.dialogs.push({ name: attrOf(node, 'aria-label'), modal: attrOf(node, 'aria-modal') === 'true', where: classOf(node) });

    const tappable = INTERACTIVE_TAGS.has(node.tagName) || TAP_EVENTS.some((event) => event in node.event);
    const inertIcon = parent?.tagName === 'van-icon' && Object.keys(parent.event).length === 0;
    if (tappable && overlay) {
      report.overlays += 1;
      return;
    }
    if (tappable && !inertIcon) {
      if (!isHidden) report.order.push(classOf(parent && parent.tagName.startsWith('van-') ? parent : node));
      report.controls.push({ tag: node.tagName, name: attrOf(node, 'aria-label'), role: role || NATIVE_ROLES[node.tagName] || '', where: classOf(parent && parent.tagName.startsWith('van-') ? parent : node), hidden: isHidden });
      return;
    }
    for (const child of node.children) visit(child, node, isHidden, overlay, where);
  };
  visit(root, null, false, false, '');
  return report;
}

/** What is wrong with a report, in words: controls without a name or role, or out of a reader's reach. */
export function problemsOf(report: A11yReport): string[] {
  const problems: string[] = [];
  for (const control of report.controls) {
    if (!control.name.trim()) problems.push(`${control.where} (${control.tag}): no accessible name (aria-label)`);
    if (!control.role) problems.push(`${control.where} (${control.tag}): no role (aria-role)`);
    if (control.hidden) problems.push(`${control.where} (${control.tag}): inside aria-hidden, out of a screen reader's reach`);
  }
  return problems;
}
