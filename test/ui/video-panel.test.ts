/** @jest-environment jsdom */
import simulate from 'miniprogram-simulate';
import { renderInHost } from '../support/ui-host';

function panel(status: string, extra = '', data: Record<string, unknown> = {}) {
  const host = renderInHost('video-panel', {
    attributes: `status="${status}" ${extra}`,
    inner: '<view slot="remote" class="remote-probe">agent video</view><view slot="local" class="local-probe">my camera</view>',
    events: ['pipmove'],
    data,
  });
  return { host, subject: host.page.querySelector('#subject')!, html: () => host.page.querySelector('#subject')!.dom.innerHTML };
}

test('the agent video and the caller camera go into their slots', () => {
  const { html } = panel('talking');
  expect(html()).toMatch(/tccc-video-panel__remote.*agent video/s);
  expect(html()).toMatch(/tccc-video-panel__pip.*my camera/s);
});

test("waiting for the agent: the agent's sign with its rings, and the waiting text over the remote area", () => {
  const { subject, html } = panel('waiting');
  expect(html()).toMatch(/tccc-video-panel__calling.*tccc-icon--agent/s);
  expect(subject.dom.textContent).toContain('等待客服接入');
});

test('talking: no overlay; reconnecting: a spinner and the reconnecting text', () => {
  expect(panel('talking').html()).not.toMatch(/tccc-video-panel__overlay/);
  const reconnecting = panel('reconnecting', 'locale="en-US"');
  expect(reconnecting.html()).toMatch(/tccc-video-panel__spinner/);
  expect(reconnecting.subject.dom.textContent).toContain('Reconnecting');
});

test('overlay-text off: the sign alone, for a screen that says the state itself (the call screen)', () => {
  for (const status of ['waiting', 'reconnecting']) {
    const quiet = panel(status, 'overlay-text="{{ false }}"');
    expect(quiet.html()).toMatch(/tccc-video-panel__overlay/);
    expect(quiet.subject.querySelector('.tccc-video-panel__overlay')!.dom.textContent!.trim()).toBe('');
  }
});

test("camera off: a placeholder with the kit's camera-off glyph covers the picture-in-picture", () => {
  const on = panel('talking');
  expect(on.html()).not.toMatch(/camera-off/);
  const off = panel('talking', 'camera-enabled="{{ false }}"');
  expect(off.html()).toMatch(/tccc-icon--camera-off/);
  expect(off.subject.dom.textContent).toContain('摄像头已关闭');
});

test('network quality: hidden when unknown, one modifier per level', () => {
  const { host, html, subject } = panel('talking', 'network="{{ network }}"', { network: 'unknown' });
  expect(html()).not.toMatch(/tccc-video-panel__network/);
  for (const [level, label] of [['good', '网络良好'], ['fair', '网络一般'], ['poor', '网络较差']]) {
    host.page.setData({ network: level });
    expect(html()).toMatch(new RegExp(`tccc-video-panel__network--${level}`));
    expect(subject.dom.textContent).toContain(label);
  }
});

test('the picture-in-picture reports drags by the caller, not its own placement', async () => {
  const { host, subject } = panel('talking');
  const pip = subject.querySelector('.tccc-video-panel__pip')!;
  pip.dispatchEvent('change', { detail: { x: 0, y: 16, source: '' } });
  pip.dispatchEvent('change', { detail: { x: 120, y: 300, source: 'touch' } });
  await simulate.sleep(0);
  expect(host.events.pipmove).toEqual([{ x: 120, y: 300 }]);
});

test("a locale of overrides reaches the panel's own texts: its base language, its video part on top", () => {
  const locale = { base: 'en-US', video: { waiting: 'An agent will be with you shortly' } };
  const waiting = panel('waiting', 'locale="{{ locale }}" camera-enabled="{{ false }}"', { locale });
  expect(waiting.subject.dom.textContent).toContain('An agent will be with you shortly');
  expect(waiting.subject.dom.textContent).toContain('Camera off');
  expect(panel('reconnecting', 'locale="{{ locale }}"', { locale: { base: 'fr-FR', status: { idle: 'Appelez-nous' } } }).subject.dom.textContent).toContain('网络不稳定，正在重连…');
});
