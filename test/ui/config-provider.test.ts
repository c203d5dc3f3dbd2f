/** @jest-environment jsdom */
import { loadKitComponent, renderInHost } from '../support/ui-host';

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
  expect(styleOf({ colorBrand: '#ff6a00', callBarHangupBackground: 'rgb(200, 0, 0)' })).toBe(
    '--tccc-color-brand:#ff6a00;--tccc-call-bar-hangup-background:rgb(200, 0, 0);',
  );
});

test('full --tccc-* names pass through; numbers are kept; empty values are skipped', () => {
  expect(styleOf({ '--tccc-radius-md': '4px', spaceMd: 12, colorDanger: '' })).toBe('--tccc-radius-md:4px;--tccc-space-md:12;');
});

test('a value cannot close the declaration and inject another', () => {
  expect(styleOf({ colorBrand: 'red; display: none' })).toBe('--tccc-color-brand:red display: none;');
});

test('what it wraps renders inside it', () => {
  const host = renderInHost('config-provider', { attributes: 'theme-vars="{{ { colorBrand: \'#f60\' } }}"', inner: '<tccc-call-bar />', using: { 'tccc-call-bar': loadKitComponent('call-bar') } });
  expect(host.page.querySelector('#subject')!.dom.innerHTML).toMatch(/tccc-call-bar.*van-button/s);
});
