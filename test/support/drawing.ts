/**
 * What the browser tests share to draw the kit: the windows WeChat gives, the themes and variants, and one
 * run of test/support/screenshot-driver.mjs over a list of shots, with the audit of audit-page.mjs typed.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { SnapshotOptions } from './kit-snapshot';

export interface Window { name: string; width: number; height: number; safeBottom: number }

/** Window sizes under WeChat's navigation bar: iPhone SE (1st), iPhone 8, iPhone 11 (34 px home indicator), iPad mini. */
export const PORTRAIT: Window[] = [
  { name: '320x504', width: 320, height: 504, safeBottom: 0 },
  { name: '375x603', width: 375, height: 603, safeBottom: 0 },
  { name: '414x808', width: 414, height: 808, safeBottom: 34 },
  { name: '768x960', width: 768, height: 960, safeBottom: 0 },
];
/** For a variant of a state that the other widths add nothing to. */
export const AT_375 = [PORTRAIT[1]];
/** Turned: a phone page with "pageOrientation": "auto", an iPad with "resizable": true. */
export const LANDSCAPE: Window[] = [
  { name: '667x375', width: 667, height: 375, safeBottom: 0 },
  { name: '1024x704', width: 1024, height: 704, safeBottom: 0 },
];

/** The README's theme (light and dark sets), as config-provider renders it in each mode. */
export const BRAND = {
  light: '--tccc-color-brand:#c2410c;--tccc-color-danger:#b91c1c;--tccc-call-screen-avatar-background:#ffedd5;',
  dark: '--tccc-color-brand:#ea580c;--tccc-color-on-brand:#1d2129;--tccc-call-screen-avatar-background:#431407;',
};
/** A light, nearly white frame standing in for the agent's camera (simulated media draws nothing). */
const BRIGHT_VIDEO = '[class*="tccc-wx-sdk-player--tccc-player"] { background: #ffffff !important; }';

export type Variant = 'light' | 'dark' | 'brand' | 'brand-dark' | 'bright' | 'fixed-height' | 'text130';

/** How a variant is drawn: the colour scheme, what goes into the page, and the text zoom. */
export function variantOptions(variant: Variant): { colorScheme: 'light' | 'dark'; snapshot: SnapshotOptions; textZoom?: number } {
  switch (variant) {
    case 'dark':
      return { colorScheme: 'dark', snapshot: {} };
    case 'brand':
      return { colorScheme: 'light', snapshot: { frameStyle: BRAND.light } };
    case 'brand-dark':
      return { colorScheme: 'dark', snapshot: { frameStyle: BRAND.dark } };
    case 'bright':
      return { colorScheme: 'light', snapshot: { css: BRIGHT_VIDEO } };
    case 'fixed-height':
      return { colorScheme: 'light', snapshot: { fixedHeightPage: true } };
    case 'text130':
      return { colorScheme: 'light', snapshot: {}, textZoom: 1.3 };
    default:
      return { colorScheme: 'light', snapshot: {} };
  }
}

export interface Shot {
  name: string;
  html: string;
  png?: string;
  colorScheme?: 'light' | 'dark';
  width?: number;
  height?: number;
  fullPage?: boolean;
  audit?: boolean;
  textZoom?: number;
  reducedMotion?: boolean;
  probes?: Array<{ name: string; selector: string; x?: number; y?: number }>;
}

export interface Box { left: number; top: number; right: number; bottom: number }

/** What audit-page.mjs reports of one drawing (see there for how each is measured). */
export interface Audit {
  viewport: { width: number; height: number };
  page: { width: number; height: number };
  texts: Array<{ text: string; element: string; ratio: number; need: number; colour: string; fontSize: number; background: number[]; lines: number; box: Box; inSheet: boolean; icon?: boolean }>;
  targets: Array<{ element: string; action: string | null; rect: Box; visible: Box }>;
  hangup: { rect: Box; reached: boolean } | null;
  start: { rect: Box; reached: boolean } | null;
  pip: { rect: Box; reached: number; total: number } | null;
  overlaps: Array<{ text: string; with: string; area: number }>;
  scrollers: string[];
  edges: Array<{ element: string; action: string | null; ratio: number }>;
  layers: Array<{ x: number; y: number; element: string }>;
  shades: number;
  overlay: { centre: { x: number; y: number } | null; box: Box | null; text: string } | null;
  link: Box | null;
  sheet: { rect: Box; reached: boolean } | null;
}

export type Rgb = [number, number, number];

export interface Drawn {
  audit: Audit;
  probes: Record<string, Rgb>;
  /** Animations that loop, running when the page was drawn. */
  animations: number;
}

/** Draws every shot in one headless Chromium run; resolves with each shot's report by name. */
export function drawShots(shots: Shot[], work: string, timeoutMs = 300000): Promise<Record<string, Drawn>> {
  const list = path.join(work, 'shots.json');
  fs.writeFileSync(list, JSON.stringify(shots));
  const driver = path.resolve(__dirname, 'screenshot-driver.mjs');
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [driver, list], { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '{}')),
    );
  });
}

/** Whether a box lies inside the window (half a pixel of rounding allowed). */
export function inside(box: Box, viewport: { width: number; height: number }): boolean {
  return box.left >= -0.5 && box.top >= -0.5 && box.right <= viewport.width + 0.5 && box.bottom <= viewport.height + 0.5;
}
