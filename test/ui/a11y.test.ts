/**
 * Screen readers (WeChat's 读屏, VoiceOver, TalkBack): every kit component rendered in both locales, read
 * from the rendered wxml tree. Every tappable node (bind:tap / bindtap / catchtap, a van-button's inner
 * button, movable-view …) has a name and a role in the active locale, toggles say their state, the keys
 * read as digits, and the status line and the timer are polite live regions.
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import simulate from 'miniprogram-simulate';
import type { A11yReport, Control, TreeNode } from '../support/a11y-tree';
import { problemsOf, readTree } from '../support/a11y-tree';
import type { Rendered } from '../support/ui-host';
import { loadKitComponent, renderInHost, tapButton } from '../support/ui-host';
import type { WxRuntime } from '../../testing';
import { installWxRuntime, waitFor } from '../../testing';

type Locale = 'zh-CN' | 'en-US';
const LOCALES: Locale[] = ['zh-CN', 'en-US'];

let wx: WxRuntime;
beforeEach(() => {
  wx = installWxRuntime();
});
afterEach(() => wx.restore());

const treeOf = (rendered: Rendered): TreeNode => (rendered as unknown as { toJSON(): TreeNode }).toJSON();
const read = (rendered: Rendered): A11yReport => readTree(treeOf(rendered));
const names = (report: A11yReport, where?: string): string[] => report.controls.filter((control) => !where || control.where.startsWith(where)).map((control) => control.name);

/** Names in the active locale: no Chinese in English names, no Latin words in Chinese ones. */
function foreignNames(controls: Control[], locale: Locale): string[] {
  const foreign = locale === 'zh-CN' ? /[A-Za-z]/ : /[\u3000-\u9fff\uff00-\uffef]/;
  return controls.filter((control) => foreign.test(control.name)).map((control) => `${control.where}: "${control.name}"`);
}

/** Every control named, in the locale, reachable; and no tappable overlay without a name anywhere. */
function expectReadable(report: A11yReport, locale: Locale): void {
  expect(problemsOf(report)).toEqual([]);
  expect(foreignNames(report.controls, locale)).toEqual([]);
  expect(report.overlays).toBe(0);
}

const STATE_WORDS: Record<Locale, { bar: string[]; barToggled: string[] }> = {
  'zh-CN': {
    bar: ['静音，未静音', '摄像头，已开启', '翻转摄像头', '键盘，已收起', '免提，已开启', '挂断'],
    barToggled: ['静音，已静音', '摄像头，已关闭', '翻转摄像头，暂不可用', '键盘，已展开', '免提，已关闭', '挂断'],
  },
  'en-US': {
    bar: ['Mute, not muted', 'Camera, on', 'Flip camera', 'Keypad, hidden', 'Speaker, on', 'Hang up'],
    barToggled: ['Mute, muted', 'Camera, off', 'Flip camera, unavailable', 'Keypad, shown', 'Speaker, off', 'Hang up'],
  },
};

describe.each(LOCALES)('%s', (locale) => {
  test('call bar: every button a named button, toggles with their state word, labels under them hidden', () => {
    const host = renderInHost('call-bar', {
      attributes: `media="video" locale="${locale}" muted="{{ muted }}" sound-mode="{{ sound }}" camera-enabled="{{ camera }}" keypad-open="{{ keypad }}" hanging-up="{{ hangingUp }}" compact="{{ compact }}"`,
      data: { muted: false, sound: 'speaker', camera: true, keypad: false, hangingUp: false, compact: false },
    });
    let report = read(host.page);
    expectReadable(report, locale);
    expect(report.controls.map((control) => control.role)).toEqual(Array(6).fill('button'));
    expect(names(report)).toEqual(STATE_WORDS[locale].bar);

    host.page.setData({ muted: true, sound: 'ear', camera: false, keypad: true });
    report = read(host.page);
    expectReadable(report, locale);
    expect(names(report)).toEqual(STATE_WORDS[locale].barToggled);

    // Compact (keypad open) and hanging up: hang-up keeps its name while it shows vant's spinner.
    host.page.setData({ compact: true, hangingUp: true });
    report = read(host.page);
    expectReadable(report, locale);
    expect(names(report)).toEqual([STATE_WORDS[locale].barToggled[0], STATE_WORDS[locale].barToggled[3], STATE_WORDS[locale].barToggled[4], STATE_WORDS[locale].bar[5]]);
  });

  test('call bar: while disabled (a call connecting or ending) every button but hang-up says it is unavailable', () => {
    const host = renderInHost('call-bar', { attributes: `media="video" locale="${locale}" disabled` });
    const report = read(host.page);
    expectReadable(report, locale);
    const unavailable = locale === 'zh-CN' ? '，暂不可用' : ', unavailable';
    expect(names(report)).toEqual([...STATE_WORDS[locale].bar.slice(0, 5).map((name) => name + unavailable), STATE_WORDS[locale].bar[5]]);
  });

  test('call bar: flip is unavailable while the camera is off', () => {
    const host = renderInHost('call-bar', { attributes: `media="video" locale="${locale}" camera-enabled="{{ false }}"` });
    expect(names(read(host.page))[2]).toBe(locale === 'zh-CN' ? '翻转摄像头，暂不可用' : 'Flip camera, unavailable');
  });

  test('keypad: keys read as digits, * and # by name; the digits line key by key', async () => {
    const host = renderInHost('keypad', { attributes: `locale="${locale}"` });
    const keypad = host.page.querySelector('#subject')!;
    const report = read(host.page);
    expectReadable(report, locale);
    const [star, pound] = locale === 'zh-CN' ? ['星号', '井号'] : ['star', 'pound'];
    expect(names(report)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', star, '0', pound]);
    expect(report.controls.every((control) => control.role === 'button')).toBe(true);

    for (const key of ['1', '*', '#']) {
      const button = keypad.querySelectorAll('.tccc-keypad__button').find((candidate) => candidate.dom.textContent?.trim().startsWith(key))!;
      button.querySelector('.van-button')!.dispatchEvent('tap');
    }
    await simulate.sleep(0);
    const line = treeOf(host.page);
    const digits = findByClass(line, 'tccc-keypad__digits')!;
    expect(digits.attrs.find((attr) => attr.name === 'ariaLabel')?.value).toBe(locale === 'zh-CN' ? '已输入 1 星号 井号' : 'Typed 1 star pound');
  });

  test('video panel: the picture-in-picture is a named image that says when the camera is off', () => {
    const host = renderInHost('video-panel', { attributes: `locale="${locale}" camera-enabled="{{ camera }}" network="good"`, data: { camera: true } });
    let report = read(host.page);
    expectReadable(report, locale);
    expect(report.controls).toMatchObject([{ tag: 'wx-movable-view', role: 'img', name: locale === 'zh-CN' ? '我的画面，可拖动' : 'Your camera, drag to move' }]);
    host.page.setData({ camera: false });
    report = read(host.page);
    expectReadable(report, locale);
    expect(names(report)).toEqual([locale === 'zh-CN' ? '我的画面，摄像头已关闭，可拖动' : 'Your camera, off, drag to move']);
  });

  test('privacy consent: the guide is a named link, agree and decline named buttons', async () => {
    const host = renderInHost('privacy-consent', { attributes: `locale="${locale}"` });
    const consent = host.page.querySelector('#subject')!;
    (consent.instance as { setData(data: object): void }).setData({ show: true });
    await waitFor(() => read(host.page).controls.length > 0, 'the consent sheet');
    const report = read(host.page);
    expectReadable(report, locale);
    expect(report.controls.map(({ name, role }) => [name, role])).toEqual(
      locale === 'zh-CN'
        ? [['《用户隐私保护指引》', 'link'], ['不同意', 'button'], ['同意并继续', 'button']]
        : [['the privacy guide', 'link'], ['Decline', 'button'], ['Agree and continue', 'button']],
    );
    // A modal dialog named by its title, whose words are read out as it opens (N3).
    expect(report.dialogs).toEqual([{ name: locale === 'zh-CN' ? '隐私保护提示' : 'Your privacy', modal: true, where: 'tccc-privacy-consent__sheet' }]);
    expect(report.live).toEqual([{ politeness: 'alert', text: expect.stringContaining(locale === 'zh-CN' ? '麦克风' : 'microphone'), where: 'tccc-privacy-consent__text' }]);
  });

  test('call screen with the privacy consent open: the sheet is all a reader reaches, and it is announced (N3)', async () => {
    const screen = renderScreen(locale);
    const consent = screen.querySelector('#tcccPrivacy')!;
    (consent.instance as unknown as { ask(answer: () => void, referrer: string): void }).ask(() => undefined, 'authorize');
    await waitFor(() => read(screen).dialogs.length === 1, 'the consent sheet');
    const report = read(screen);
    expect(report.controls.filter((control) => !control.hidden).map((control) => control.where)).toEqual([
      'tccc-privacy-consent__contract',
      'tccc-privacy-consent__refuse',
      'tccc-privacy-consent__agree',
    ]);
    expect(report.order.filter((where) => !where.startsWith('tccc-privacy-consent'))).toEqual([]);
    expect(report.live.map((region) => region.politeness)).toContain('alert');
    (consent.instance as unknown as { dismiss(): boolean }).dismiss();
    await simulate.sleep(0);
    expect(read(screen).controls.every((control) => !control.hidden)).toBe(true);
    expect(read(screen).dialogs).toEqual([]);
  });

  test('video: a reader starts on who is calling (the title), not on the picture-in-picture (N14)', async () => {
    const screen = renderScreen(locale);
    const root = screen.querySelector('#tcccSdk')!.instance as { getState(): Record<string, unknown> };
    screen.instance.render({ ...root.getState(), phase: 'active', kind: 'video', seatName: '1001', network: 'good' });
    await simulate.sleep(0);
    const order = read(screen).order;
    expect(order[0]).toBe('tccc-call-screen__title');
    expect(order.indexOf('tccc-video-panel__pip')).toBeGreaterThan(order.indexOf('tccc-call-screen__status'));
  });

  test('call timer: a timer read in words when focused, and a polite line that changes once a minute', () => {
    jest.useFakeTimers({ now: new Date('2026-11-26T10:00:00Z') });
    try {
      const host = renderInHost('call-timer', { attributes: `locale="${locale}" start-time="{{ start }}"`, data: { start: 0 } });
      const timer = host.page.querySelector('#subject')!;
      host.page.setData({ start: Date.now() });
      const announced: string[] = [];
      const live = () => read(host.page).live;
      jest.advanceTimersByTime(10); // each tick lands a few ms after the whole second
      for (let second = 1; second <= 150; second++) {
        jest.advanceTimersByTime(1000);
        const [region] = live();
        if (region.text !== (announced[announced.length - 1] ?? '')) announced.push(region.text);
      }
      expect(live()).toEqual([{ politeness: 'polite', text: expect.any(String), where: 'tccc-call-timer__live' }]);
      // 150 seconds ticked on screen; the live line changed twice.
      expect(timer.querySelector('.tccc-call-timer')!.dom.textContent).toBe('02:30');
      expect(announced).toEqual(locale === 'zh-CN' ? ['已通话 1 分钟', '已通话 2 分钟'] : ['1 minute into the call', '2 minutes into the call']);
      const focused = findByClass(treeOf(host.page), 'tccc-call-timer')!;
      const attr = (name: string) => focused.attrs.find((candidate) => candidate.name === name)?.value;
      expect(attr('ariaRole')).toBe('timer');
      expect(attr('ariaLabel')).toBe(locale === 'zh-CN' ? '通话时长 2 分钟 30 秒' : 'Call time 2 minutes 30 seconds');

      host.page.setData({ start: Date.now() - 3_661_000 });
      const later = findByClass(treeOf(host.page), 'tccc-call-timer')!;
      expect(later.attrs.find((candidate) => candidate.name === 'ariaLabel')?.value).toBe(locale === 'zh-CN' ? '通话时长 1 小时 1 分钟 1 秒' : 'Call time 1 hour 1 minute 1 second');
      expect(live()[0].text).toBe(locale === 'zh-CN' ? '已通话 1 小时 1 分钟' : '1 hour 1 minute into the call');
    } finally {
      jest.useRealTimers();
    }
  });

  test('config provider: wraps its slot and adds no control of its own', () => {
    const host = renderInHost('config-provider', { attributes: `theme-vars="{{ { colorBrand: '#c2410c' } }}"`, inner: '<view>slot</view>' });
    const report = read(host.page);
    expect(report.controls).toEqual([]);
    expect(report.live).toEqual([]);
  });

  test('call screen: start buttons, then a call with the status line polite and every control named', async () => {
    const screen = renderScreen(locale);
    let report = read(screen);
    expectReadable(report, locale);
    expect(names(report)).toEqual(locale === 'zh-CN' ? ['语音呼叫', '视频呼叫'] : ['Voice call', 'Video call']);
    expect(report.live).toEqual([{ politeness: 'polite', text: locale === 'zh-CN' ? '联系客服' : 'Contact us', where: 'tccc-call-screen__status' }]);

    // Audio, answered: the status line says so politely, the timer joins it, the call bar is named.
    const root = screen.querySelector('#tcccSdk')!.instance as { getState(): Record<string, unknown> };
    screen.instance.render({ ...root.getState(), phase: 'active', kind: 'audio', seatName: '1001' });
    await simulate.sleep(0);
    report = read(screen);
    expectReadable(report, locale);
    expect(report.live.map(({ politeness, where }) => [politeness, where])).toEqual([['polite', 'tccc-call-screen__status'], ['polite', 'tccc-call-timer__live']]);
    expect(report.live[0].text).toBe(locale === 'zh-CN' ? '1001 为您服务' : 'Talking with 1001');
    expect(names(report)).toEqual([STATE_WORDS[locale].bar[0], STATE_WORDS[locale].bar[3], STATE_WORDS[locale].bar[4], STATE_WORDS[locale].bar[5]]);

    // The keypad opens from the call bar: its keys join, in the same locale.
    await tapButton(screen.querySelector('.tccc-call-screen__call-bar')!, '.tccc-call-bar__keypad');
    report = read(screen);
    expectReadable(report, locale);
    expect(names(report)).toContain(locale === 'zh-CN' ? '井号' : 'pound');
    expect(names(report)).toContain(STATE_WORDS[locale].barToggled[3]);
    expect(report.controls).toHaveLength(12 + 4);

    // Video: the picture-in-picture and the camera buttons.
    await tapButton(screen.querySelector('.tccc-call-screen__call-bar')!, '.tccc-call-bar__keypad');
    screen.instance.render({ ...root.getState(), phase: 'active', kind: 'video', seatName: '1001' });
    await simulate.sleep(0);
    report = read(screen);
    expectReadable(report, locale);
    expect(report.controls.map((control) => control.role)).toEqual(['img', 'button', 'button', 'button', 'button', 'button', 'button']);
    expect(names(report).slice(1)).toEqual(STATE_WORDS[locale].bar);
  });

  test('call screen: a failed start is said at once (assertive) by the status line, which stays on the page: the next start is read too', () => {
    const screen = renderScreen(locale);
    const statusLine = () => screen.dom.querySelector('[class*="tccc-call-screen__status"]');
    const before = statusLine();
    screen.instance.setData({ failureText: 'x' });
    expect(read(screen).live).toEqual([{ politeness: 'assertive', text: 'x', where: 'tccc-call-screen__status' }]);
    // A live region put on the page anew is not read out: the line must be the same node throughout.
    expect(statusLine()).toBe(before);
    screen.instance.setData({ failureText: '' });
    expect(read(screen).live).toEqual([{ politeness: 'polite', text: locale === 'zh-CN' ? '联系客服' : 'Contact us', where: 'tccc-call-screen__status' }]);
    expect(statusLine()).toBe(before);
  });
});

function renderScreen(locale: Locale): Rendered & { instance: Record<string, any> } {
  const rendered = simulate.render(loadKitComponent('call-screen'), { sdkAppId: '1400000001', channelId: 'audio-support', media: 'both', title: 'ACME', locale }) as unknown as Rendered & {
    instance: Record<string, any>;
    attach(parent: Element): void;
  };
  rendered.attach(document.createElement('parent-wrapper'));
  return rendered;
}

function findByClass(node: TreeNode | string, name: string): TreeNode | null {
  if (typeof node === 'string') return null;
  const classes = String(node.attrs.find((attr) => attr.name === 'class')?.value ?? '').split(' ');
  if (classes.includes(name)) return node;
  for (const child of node.children) {
    const found = findByClass(child, name);
    if (found) return found;
  }
  return null;
}

describe('the check itself', () => {
  function renderPage(template: string): A11yReport {
    const id = simulate.load({ template, methods: { noop() {} } });
    const page = simulate.render(id);
    page.attach(document.createElement('parent-wrapper'));
    return read(page as unknown as Rendered);
  }

  test('fails on a tappable view without a name or role, and on a control hidden from readers', () => {
    expect(problemsOf(renderPage('<view class="tccc-x" bindtap="noop">tap me</view>'))).toEqual([
      'tccc-x (wx-view): no accessible name (aria-label)',
      'tccc-x (wx-view): no role (aria-role)',
    ]);
    expect(problemsOf(renderPage('<view class="tccc-x" aria-label="x" catchtap="noop" />'))).toEqual(['tccc-x (wx-view): no role (aria-role)']);
    expect(problemsOf(renderPage('<view aria-hidden="true"><button class="tccc-x" aria-label="x" /></view>'))).toEqual([
      "tccc-x (wx-button): inside aria-hidden, out of a screen reader's reach",
    ]);
    expect(problemsOf(renderPage('<movable-area><movable-view class="tccc-x" /></movable-area>'))).toHaveLength(2);
  });

  test('passes a named view with a role; what a control contains is part of it', () => {
    const report = renderPage('<view class="tccc-x" aria-role="button" aria-label="OK" bindtap="noop"><view bindtap="noop">OK</view></view>');
    expect(problemsOf(report)).toEqual([]);
    expect(report.controls).toHaveLength(1);
  });
});
