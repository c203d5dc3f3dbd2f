/** @jest-environment jsdom */
import fs from 'node:fs';
import path from 'node:path';
import simulate from 'miniprogram-simulate';
import { checkContrastInKit, loadKitComponent, renderInHost } from '../support/ui-host';
import { installWxRuntime } from '../../testing';

function styleOf(themeVars: unknown): string {
  const host = renderInHost('config-provider', {
    attributes: 'theme-vars="{{ themeVars }}"',
    data: { themeVars },
    inner: '<tccc-call-bar />',
    using: { 'tccc-call-bar': loadKitComponent('call-bar') },
  });
  return host.page.querySelector('#subject')!.dom.querySelector('wx-view')!.getAttribute('style') ?? '';
}

test('camelCase keys become --tccc-* variables on the wrapper, computed in WXS', () => {
  expect(styleOf({ colorBrand: '#c2410c', callBarHangupBackground: 'rgb(200, 0, 0)' })).toBe(
    '--tccc-color-brand:#c2410c;--tccc-call-bar-hangup-background:rgb(200, 0, 0);',
  );
});

test('full --tccc-* names pass through; numbers are kept; empty values are skipped', () => {
  expect(styleOf({ '--tccc-radius-md': '4px', spaceMd: 12, colorDanger: '' })).toBe('--tccc-radius-md:4px;--tccc-space-md:12;');
});

test('a value cannot close the declaration and inject another', () => {
  expect(styleOf({ colorBrand: 'red; display: none' })).toBe('--tccc-color-brand:red display: none;');
});

test('what it wraps renders inside it', () => {
  const host = renderInHost('config-provider', { attributes: 'theme-vars="{{ { colorBrand: \'#c2410c\' } }}"', inner: '<tccc-call-bar />', using: { 'tccc-call-bar': loadKitComponent('call-bar') } });
  expect(host.page.querySelector('#subject')!.dom.innerHTML).toMatch(/tccc-call-bar.*van-button/s);
});

describe('light and dark sets', () => {
  const theme = { colorBrand: '#c2410c', colorBackdrop: '#fff7f0', radiusRound: '16px' };
  const themeDark = { colorBrand: '#ea580c', colorOnBrand: '#1d2129' };
  let listeners: Array<(result: { theme: string }) => void>;
  let wx: ReturnType<typeof installWxRuntime>;

  function render(systemTheme: 'light' | 'dark') {
    const target = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
    target.getAppBaseInfo = () => ({ theme: systemTheme });
    target.onThemeChange = (listener: (result: { theme: string }) => void) => listeners.push(listener);
    target.offThemeChange = (listener: (result: { theme: string }) => void) => (listeners = listeners.filter((l) => l !== listener));
    const host = renderInHost('config-provider', {
      attributes: 'theme-vars="{{ theme }}" theme-vars-dark="{{ themeDark }}"',
      data: { theme, themeDark },
    });
    const style = () => host.page.querySelector('#subject')!.dom.querySelector('wx-view')!.getAttribute('style') ?? '';
    return { host, style };
  }

  beforeEach(() => {
    listeners = [];
    wx = installWxRuntime();
  });
  afterEach(() => wx.restore());

  test('light mode takes theme-vars as they are', () => {
    expect(render('light').style()).toBe('--tccc-color-brand:#c2410c;--tccc-color-backdrop:#fff7f0;--tccc-radius-round:16px;');
  });

  test("dark mode drops theme-vars' colours (a light backdrop would hide dark-mode text), keeps the rest, adds theme-vars-dark", () => {
    expect(render('dark').style()).toBe('--tccc-radius-round:16px;--tccc-color-brand:#ea580c;--tccc-color-on-brand:#1d2129;');
  });

  test('it follows wx.onThemeChange, and stops listening when detached', async () => {
    const { host, style } = render('light');
    expect(listeners).toHaveLength(1);
    listeners[0]({ theme: 'dark' });
    await simulate.sleep(0);
    expect(style()).toBe('--tccc-radius-round:16px;--tccc-color-brand:#ea580c;--tccc-color-on-brand:#1d2129;');
    host.page.detach();
    expect(listeners).toHaveLength(0);
  });
});

describe("the development warning for colours below WCAG AA (require('tccc-call-kit/dev').checkContrast())", () => {
  let wx: ReturnType<typeof installWxRuntime>;
  let warn: jest.SpyInstance;
  beforeAll(() => checkContrastInKit());
  beforeEach(() => {
    wx = installWxRuntime();
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    warn.mockRestore();
    wx.restore();
  });

  test('an orange brand that white labels would not read on gets dark labels; what stays below AA is named', () => {
    (globalThis as unknown as { wx: Record<string, unknown> }).wx.getAccountInfoSync = () => ({ miniProgram: { envVersion: 'release' } });
    const host = renderInHost('config-provider', { attributes: 'theme-vars="{{ { colorBrand: \'#ff6a00\' } }}"' });
    const style = host.page.querySelector('#subject')!.dom.querySelector('wx-view')!.getAttribute('style');
    expect(style).toBe('--tccc-color-brand:#ff6a00;--tccc-color-on-brand:#1d2129;');
    expect(warn).not.toHaveBeenCalledWith(expect.stringMatching(/colorOnBrand/));
    // As an icon on white, the orange stays at 2.87:1: said once.
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/light mode: colorBrand #ff6a00 on colorSurface #ffffff is 2\.8\d:1; the avatar icon needs 3:1/));
    const calls = warn.mock.calls.length;
    renderInHost('config-provider', { attributes: 'theme-vars="{{ { colorBrand: \'#ff6a00\' } }}"' });
    expect(warn.mock.calls.length).toBe(calls);
  });

  test('a label colour the theme names is kept, and warned of when it does not read', () => {
    const host = renderInHost('config-provider', { attributes: 'theme-vars="{{ { colorBrand: \'#ff7a10\', colorOnBrand: \'#ffffff\' } }}"' });
    expect(host.page.querySelector('#subject')!.dom.querySelector('wx-view')!.getAttribute('style')).not.toContain('#1d2129');
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/light mode: colorOnBrand #ffffff on colorBrand #ff7a10 is 2\.\d+:1; the start button's and the consent's agree label needs 4\.5:1/));
  });

  test('a value that tries to inject a declaration is named as no colour the check can read', () => {
    styleOf({ colorBrand: 'red; display: none' });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/colorBrand red; display: none cannot be checked/));
  });

  test("a colour the check cannot read is named rather than passed in silence (N6)", () => {
    renderInHost('config-provider', { attributes: 'theme-vars="{{ { colorBackdrop: \'oklch(0.97 0 0)\' } }}"' });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/colorBackdrop oklch\(0\.97 0 0\) cannot be checked for contrast/));
  });

  test("the README's theme passes in both modes", () => {
    renderInHost('config-provider', {
      attributes: 'theme-vars="{{ light }}" theme-vars-dark="{{ dark }}"',
      data: { light: README_THEME.light, dark: README_THEME.dark },
    });
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('dark mode drops every colour of theme-vars, however it is written (N6)', () => {
  let wx: ReturnType<typeof installWxRuntime>;
  beforeEach(() => {
    wx = installWxRuntime();
    (globalThis as unknown as { wx: Record<string, unknown> }).wx.getAppBaseInfo = () => ({ theme: 'dark' });
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    wx.restore();
  });

  test('named colours, transparent, var(), hwb() and oklch() stay in light mode only; sizes go on', () => {
    const themeVars = {
      colorBackdrop: 'white',
      colorText: 'black',
      callScreenStatusColor: 'var(--my-grey)',
      callBarButtonBackground: 'transparent',
      colorBrand: 'hwb(20 0% 0%)',
      '--my-accent': 'oklch(0.6 0.2 40)',
      radiusRound: '16px',
    };
    expect(styleOf(themeVars)).toBe('--tccc-radius-round:16px;');
  });
});

/** The theme the README's theming section shows (the last test checks that it still does). */
const README_THEME = {
  light: { colorBrand: '#c2410c', colorDanger: '#b91c1c', callScreenAvatarBackground: '#ffedd5' },
  dark: { colorBrand: '#ea580c', colorOnBrand: '#1d2129', callScreenAvatarBackground: '#431407' },
};

test("README_THEME is the theme the README's theming section shows", () => {
  const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
  for (const set of [README_THEME.light, README_THEME.dark]) {
    const shown = Object.entries(set).map(([key, value]) => `${key}: '${value}'`).join(', ');
    expect(readme).toContain(`{ ${shown} }`);
  }
});
