/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import simulate from 'miniprogram-simulate';
import type { Host, Rendered } from '../support/ui-host';
import { loadKitComponent, renderInHost } from '../support/ui-host';
import { installWxRuntime } from '../../testing';

function keys(host: Host) {
  return host.page.querySelector('#subject')!.querySelectorAll('.tccc-keypad__button');
}

async function press(host: Host, key: string): Promise<void> {
  const button = keys(host).find((candidate) => candidate.dom.textContent?.trim().startsWith(key));
  if (!button) throw new Error(`no key ${key}`);
  button.querySelector('.van-button')!.dispatchEvent('tap');
  await simulate.sleep(0);
}

test('twelve real vant keys: digits 0-9, * and #, with their letters', () => {
  const host = renderInHost('keypad');
  const labels = keys(host).map((key) => key.dom.querySelector('wx-button')!.textContent!.replace(/\s+/g, ''));
  expect(labels).toEqual(['1', '2ABC', '3DEF', '4GHI', '5JKL', '6MNO', '7PQRS', '8TUV', '9WXYZ', '*', '0+', '#']);
});

test('each press emits `digits` with the key and everything typed so far, shown above the keys', async () => {
  const host = renderInHost('keypad', { events: ['digits'] });
  await press(host, '1');
  await press(host, '2');
  await press(host, '#');
  expect(host.events.digits).toEqual([
    { key: '1', digits: '1' },
    { key: '2', digits: '12' },
    { key: '#', digits: '12#' },
  ]);
  expect(host.page.querySelector('#subject')!.dom.querySelector('[class*="tccc-keypad__digits"]')!.textContent).toBe('12#');
  (host.page.querySelector('#subject')!.instance as unknown as { clear(): void }).clear();
  expect(host.page.querySelector('#subject')!.dom.querySelector('[class*="tccc-keypad__digits"]')!.textContent).toBe('');
});

test('with show-digits off nothing is shown, yet `digits` still reports everything typed', async () => {
  const host = renderInHost('keypad', { attributes: 'show-digits="{{ false }}"', events: ['digits'] });
  for (const key of ['1', '2', '#']) await press(host, key);
  expect(host.events.digits).toEqual([
    { key: '1', digits: '1' },
    { key: '2', digits: '12' },
    { key: '#', digits: '12#' },
  ]);
  expect(host.page.querySelector('#subject')!.dom.querySelector('[class*="tccc-keypad__digits"]')).toBeNull();
  (host.page.querySelector('#subject')!.instance as unknown as { clear(): void }).clear();
  await press(host, '5');
  expect(host.events.digits[3]).toEqual({ key: '5', digits: '5' });
});

test('the digits line keeps the latest keys and leads with "…" once earlier ones scrolled away; `digits` stays whole', async () => {
  const host = renderInHost('keypad', { events: ['digits'] });
  const typed = '1234567890*#12345'; // 17 keys, one more than the line shows
  for (const key of typed) await press(host, key);
  const line = host.page.querySelector('#subject')!.dom.querySelector('[class*="tccc-keypad__digits"]')!.textContent;
  expect(line).toBe(`…${typed.slice(-15)}`);
  expect(host.events.digits.at(-1)).toEqual({ key: '5', digits: typed });
});

test('disabled: keys render disabled and presses emit nothing', async () => {
  const host = renderInHost('keypad', { attributes: 'disabled', events: ['digits'] });
  expect(keys(host)[0].querySelector('.van-button')!.dom.className).toMatch(/van-button--disabled/);
  await press(host, '5');
  expect(host.events.digits).toEqual([]);
});

describe('bound to the root component with `sdk`', () => {
  let wx: ReturnType<typeof installWxRuntime>;
  beforeEach(() => {
    wx = installWxRuntime();
  });
  afterEach(() => wx.restore());

  test('a selector that matches nothing reports invalid-argument as an `error` event', async () => {
    const host = renderInHost('keypad', { attributes: 'sdk="#missing"', events: ['digits', 'error'] });
    await press(host, '1');
    expect(host.events.digits).toHaveLength(1);
    expect(host.events.error).toEqual([expect.objectContaining({ code: 'invalid-argument', message: expect.stringContaining('#missing') })]);
  });

  test("the root's sendDigits runs for each key; its rejection (no call) becomes an `error` event", async () => {
    const withRoot = renderInHostWithRoot();
    await press(withRoot, '7');
    expect(withRoot.events.digits).toEqual([{ key: '7', digits: '7' }]);
    await simulate.sleep(20);
    expect(withRoot.events.error).toEqual([expect.objectContaining({ code: 'no-session' })]);
  });
});

/** The root beside the keypad in one page, as in the keypad README. */
function renderInHostWithRoot(): Host {
  const events: Record<string, unknown[]> = { digits: [], error: [] };
  const pageId = simulate.load({
    usingComponents: { 'tccc-keypad': loadKitComponent('keypad'), 'tccc-wx-sdk': loadKitComponent('tccc-wx-sdk') },
    template: '<tccc-wx-sdk id="tcccSdk" sdkAppId="1400000001" /><tccc-keypad id="subject" sdk="#tcccSdk" bind:digits="onDigits" bind:error="onError" />',
    methods: {
      onDigits(event: { detail: unknown }) {
        events.digits.push(event.detail);
      },
      onError(event: { detail: unknown }) {
        events.error.push(event.detail);
      },
    },
  });
  const page = simulate.render(pageId);
  page.attach(document.createElement('parent-wrapper'));
  return { page: page as unknown as Rendered, events };
}
