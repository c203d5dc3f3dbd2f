/** @jest-environment jsdom */
import { formatDuration } from '../../src/common/format';
import { renderInHost } from '../support/ui-host';

test.each([
  [0, '00:00'],
  [0.9, '00:00'],
  [59, '00:59'],
  [60, '01:00'],
  [3599, '59:59'],
  [3600, '1:00:00'],
  [3661, '1:01:01'],
  [36000 + 59, '10:00:59'],
  [-5, '00:00'],
  [Number.NaN, '00:00'],
  [Number.POSITIVE_INFINITY, '00:00'],
])('formatDuration(%p) = %p', (seconds, text) => {
  expect(formatDuration(seconds)).toBe(text);
});

describe('the ticking component', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-11-26T10:00:00Z') });
  });
  afterEach(() => jest.useRealTimers());

  function renderTimer() {
    const host = renderInHost('call-timer', { attributes: 'start-time="{{ start }}"', data: { start: 0 } });
    const timer = host.page.querySelector('#subject')!;
    const sent: string[] = [];
    const instance = timer.instance as unknown as { setData(data: object): void };
    const original = instance.setData.bind(instance);
    instance.setData = (data: object) => {
      sent.push(JSON.stringify(data));
      original(data);
    };
    // The text on screen; the component also holds a visually hidden line for screen readers (test/ui/a11y.test.ts).
    return { host, timer, sent, text: () => timer.querySelector('.tccc-call-timer')!.dom.textContent };
  }

  test('60 simulated seconds: one setData per second, each a few bytes, confined to the timer', () => {
    const { host, sent, text } = renderTimer();
    expect(text()).toBe('00:00');
    host.page.setData({ start: Date.now() });
    jest.advanceTimersByTime(60_010); // each tick lands a few ms after the whole second
    expect(text()).toBe('01:00');
    expect(sent).toHaveLength(60);
    expect(sent[0]).toBe('{"text":"00:01"}');
    const bytes = sent.map((payload) => Buffer.byteLength(payload));
    expect(Math.max(...bytes)).toBeLessThan(64);
    expect(bytes.reduce((a, b) => a + b, 0)).toBeLessThan(60 * 20);
  });

  test('switches to h:mm:ss after an hour, from a start time in the past', () => {
    const { host, text } = renderTimer();
    host.page.setData({ start: Date.now() - 3_599_500 });
    expect(text()).toBe('59:59');
    jest.advanceTimersByTime(600);
    expect(text()).toBe('1:00:00');
  });

  test('start time 0 stops it: back to 00:00 and no more updates', () => {
    const { host, sent, text } = renderTimer();
    host.page.setData({ start: Date.now() });
    jest.advanceTimersByTime(5_000);
    host.page.setData({ start: 0 });
    const before = sent.length;
    jest.advanceTimersByTime(10_000);
    expect(text()).toBe('00:00');
    expect(sent.length).toBe(before);
  });

  test('no updates while the page is hidden; the right time again when it shows', () => {
    const { host, timer, sent, text } = renderTimer();
    host.page.setData({ start: Date.now() });
    jest.advanceTimersByTime(3_000);
    timer.triggerPageLifeTime('hide');
    const before = sent.length;
    jest.advanceTimersByTime(30_000);
    expect(sent.length).toBe(before);
    timer.triggerPageLifeTime('show');
    expect(text()).toBe('00:33');
  });

  test('detached: the timer stops', () => {
    const { host, sent } = renderTimer();
    host.page.setData({ start: Date.now() });
    host.page.detach();
    const before = sent.length;
    jest.advanceTimersByTime(5_000);
    expect(sent.length).toBe(before);
  });
});
