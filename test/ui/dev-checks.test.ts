/**
 * The kit's contrast warnings live in its development entry (`tccc-call-kit/dev`, issue 27): none unless the
 * app turns them on, the same words when it does, and none of their code in the components an app ships.
 * The tests run in order: this file is one app run, and the checks stay on once turned on.
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import fs from 'node:fs';
import path from 'node:path';
import simulate from 'miniprogram-simulate';
import { shippedWith } from '../support/shipped';
import { checkContrastInKit, loadKitComponent, renderInHost } from '../support/ui-host';
import { installWxRuntime } from '../../testing';

const KIT_DIST = path.resolve(__dirname, '../../packages/tccc-call-kit/miniprogram_dist');

/** An orange brand: the label gets dark text, but the brand stays below 3:1 on white (as an icon and an edge). */
const ORANGE = { colorBrand: '#ff6a00' };
const ORANGE_WARNINGS = [
  '[tccc-wx-sdk] config-provider: light mode: colorBrand #ff6a00 on colorSurface #ffffff is 2.87:1; the avatar icon needs 3:1 (WCAG AA).',
  "[tccc-wx-sdk] config-provider: light mode: colorTextBrand #ff6a00 on colorSurface #ffffff is 2.87:1; the privacy consent's link needs 4.5:1 (WCAG AA).",
  "[tccc-wx-sdk] config-provider: light mode: colorBrand #ff6a00 on colorBackdrop #f5f6f8 is 2.66:1; an on button's edge needs 3:1 (WCAG AA).",
];
/** Both modes, a label the theme names, and a colour the check cannot read. */
const MIXED = { light: { colorBrand: '#ff7a10', colorOnBrand: '#ffffff', colorBackdrop: 'oklch(0.97 0 0)' }, dark: { colorText: '#777777' } };
const MIXED_WARNINGS = [
  '[tccc-wx-sdk] config-provider: light mode: colorBackdrop oklch(0.97 0 0) cannot be checked for contrast; write it as #rrggbb or rgb().',
  "[tccc-wx-sdk] config-provider: light mode: colorOnBrand #ffffff on colorBrand #ff7a10 is 2.61:1; the start button's and the consent's agree label needs 4.5:1 (WCAG AA).",
  '[tccc-wx-sdk] config-provider: light mode: colorBrand #ff7a10 on colorSurface #ffffff is 2.61:1; the avatar icon needs 3:1 (WCAG AA).',
  "[tccc-wx-sdk] config-provider: light mode: colorTextBrand #ff7a10 on colorSurface #ffffff is 2.61:1; the privacy consent's link needs 4.5:1 (WCAG AA).",
  '[tccc-wx-sdk] config-provider: dark mode: colorText #777777 on colorBackdrop #111215 is 4.18:1; the title needs 4.5:1 (WCAG AA).',
  '[tccc-wx-sdk] config-provider: dark mode: colorText #777777 on colorSurfaceRaised #2b2d33 is 3.07:1; the keypad digits needs 4.5:1 (WCAG AA).',
];
const DRAWN_WARNING =
  "[tccc-wx-sdk] call-screen: rgb(255, 255, 255) on rgb(255, 106, 0) is 2.87:1; the start button's label (--tccc-color-on-brand on --tccc-color-brand) needs 4.5:1 (WCAG AA).";

let wx: ReturnType<typeof installWxRuntime>;
let warn: jest.SpyInstance;
let style: HTMLStyleElement;

// Loaded before any test spies on the console: loading the call screen (its core) resets console spies.
beforeAll(() => {
  loadKitComponent('config-provider');
  loadKitComponent('call-screen');
});

beforeEach(() => {
  wx = installWxRuntime();
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  // What app.wxss would do to the call screen's start button, as the page draws it (simulate prefixes classes with the tag).
  style = document.createElement('style');
  style.textContent = '.tccc-call-screen--tccc-call-screen__probe { color: rgb(255, 255, 255) !important; background-color: rgb(255, 106, 0) !important; }';
  document.head.appendChild(style);
});

afterEach(() => {
  style.remove();
  warn.mockRestore();
  wx.restore();
});

/** A config provider with the theme; its wrapper's style. */
function renderTheme(light: Record<string, unknown>, dark: Record<string, unknown> = {}): string {
  const host = renderInHost('config-provider', { attributes: 'theme-vars="{{ light }}" theme-vars-dark="{{ dark }}"', data: { light, dark } });
  return host.page.querySelector('#subject')!.dom.querySelector('wx-view')!.getAttribute('style') ?? '';
}

/** The call screen, drawn; its check (a selector query) answers after a microtask. */
async function renderScreen(): Promise<void> {
  renderInHost('call-screen', { attributes: 'sdk-app-id="1400000001" channel-id="audio-support" media="audio"' });
  await simulate.sleep(0);
}

const warnings = () => warn.mock.calls.map(([line]) => line as string);

test('without tccc-call-kit/dev, a theme and a drawn label below AA render with no warning; the label still gets readable text', async () => {
  expect(renderTheme(ORANGE)).toBe('--tccc-color-brand:#ff6a00;--tccc-color-on-brand:#1d2129;');
  await renderScreen();
  expect(warnings()).toEqual([]);
});

describe("with require('tccc-call-kit/dev').checkContrast()", () => {
  beforeAll(() => checkContrastInKit());

  test("the theme's pairs below AA, word for word as before, in both modes", () => {
    renderTheme(ORANGE);
    expect(warnings()).toEqual(ORANGE_WARNINGS);
    renderTheme(MIXED.light, MIXED.dark);
    expect(warnings()).toEqual([...ORANGE_WARNINGS, ...MIXED_WARNINGS]);
  });

  test('the call screen checks its colours as drawn, word for word as before', async () => {
    await renderScreen();
    expect(warnings()).toEqual([DRAWN_WARNING]);
  });

  test('turned on twice, and drawn again, it warns once per problem and app run', async () => {
    checkContrastInKit();
    renderTheme({ colorBrand: '#ffd000' });
    renderTheme({ colorBrand: '#ffd000' });
    renderTheme(ORANGE);
    await renderScreen();
    expect(warnings()).toHaveLength(new Set(warnings()).size);
    expect(warnings()).toEqual(expect.arrayContaining([expect.stringMatching(/^\[tccc-wx-sdk\] config-provider: light mode: colorBrand #ffd000 on colorSurface #ffffff is 1\.\d+:1; the avatar icon needs 3:1 \(WCAG AA\)\.$/)]));
    expect(warnings().filter((line) => line.includes('#ff6a00') || line.includes('call-screen:'))).toEqual([]);
  });
});

describe('what ships', () => {
  const CONTRAST_CODE = ['WCAG', 'cannot be checked for contrast', 'computedStyle', 'console.warn'];

  test.each(['call-screen/index', 'call-screen/audio', 'config-provider/index'])('%s and the chunks it requires hold no contrast check', (entry) => {
    for (const [file, text] of shippedWith(KIT_DIST, entry)) {
      for (const code of CONTRAST_CODE) expect(`${path.relative(KIT_DIST, file)}: ${text.includes(code) ? code : 'none'}`).toBe(`${path.relative(KIT_DIST, file)}: none`);
    }
  });

  test('dev/index.js holds them, with its declaration, and shares the hooks with the components (one chunk, not a copy)', () => {
    const dev = shippedWith(KIT_DIST, 'dev/index');
    const devText = [...dev.values()].join('\n');
    for (const code of CONTRAST_CODE) expect(devText).toContain(code);
    expect(fs.readFileSync(path.join(KIT_DIST, 'dev', 'index.d.ts'), 'utf8')).toMatch(/export declare function checkContrast\(\): void;/);
    const hooks = [...dev].filter(([file, text]) => file.includes(`${path.sep}chunks${path.sep}`) && /\bdevChecks\b/.test(text)).map(([file]) => file);
    expect(hooks).toHaveLength(1);
    for (const entry of ['call-screen/index', 'call-screen/audio', 'config-provider/index']) expect([...shippedWith(KIT_DIST, entry).keys()]).toContain(hooks[0]);
  });
});
