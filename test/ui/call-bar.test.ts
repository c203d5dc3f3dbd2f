/** @jest-environment jsdom */
import { renderInHost, tapButton } from '../support/ui-host';

const EVENTS = ['mute', 'speaker', 'keypad', 'camera', 'switchcamera', 'hangup'];

function innerButton(host: ReturnType<typeof renderInHost>, action: string) {
  return host.page.querySelector('#subject')!.querySelector(`.tccc-call-bar__${action}`)?.querySelector('.van-button');
}

function bar(host: ReturnType<typeof renderInHost>) {
  return host.page.querySelector('#subject')!;
}

/** The kit's glyph each button shows (tccc-icon--<name>), in order. */
function glyphs(host: ReturnType<typeof renderInHost>): string[] {
  return Array.from(bar(host).dom.querySelectorAll('[class*="tccc-icon--"]')).map((icon) => /tccc-icon--([\w-]+)/.exec(icon.className)![1]);
}

test('audio: mute, keypad, speaker and hang-up render as real vant buttons with the kit\'s own glyphs', () => {
  const host = renderInHost('call-bar', { events: EVENTS });
  for (const action of ['mute', 'keypad', 'speaker', 'hangup']) expect(innerButton(host, action)).toBeDefined();
  expect(innerButton(host, 'camera')).toBeUndefined();
  expect(innerButton(host, 'switchcamera')).toBeUndefined();
  expect(glyphs(host)).toEqual(['mic', 'dialpad', 'speaker', 'hangup']);
  expect(bar(host).dom.innerHTML).not.toMatch(/van-icon/);
  expect(bar(host).dom.innerHTML).toMatch(/van-button--danger/);
  expect(bar(host).dom.textContent).toContain('挂断');
});

test('each toggle has an explicit off glyph (slashed), not only a fill; video is one strip with hang-up in it', () => {
  const host = renderInHost('call-bar', {
    attributes: 'media="video" muted="{{ muted }}" sound-mode="{{ soundMode }}" camera-enabled="{{ camera }}"',
    data: { muted: false, soundMode: 'speaker', camera: true },
  });
  expect(glyphs(host)).toEqual(['mic', 'camera', 'flip', 'dialpad', 'speaker', 'hangup']);
  host.page.setData({ muted: true, soundMode: 'ear', camera: false });
  expect(glyphs(host)).toEqual(['mic-off', 'camera-off', 'flip', 'dialpad', 'speaker-off', 'hangup']);
  expect(bar(host).dom.querySelector('[class*="tccc-call-bar__hangup-row"]')).toBeNull();
  expect(bar(host).dom.querySelector('[class*="tccc-call-bar--row"]')).not.toBeNull();
});

test('each tap emits one typed event asking for the next state', async () => {
  const host = renderInHost('call-bar', {
    attributes: 'media="video" muted="{{ muted }}" sound-mode="{{ soundMode }}" camera-enabled="{{ camera }}" keypad-open="{{ keypad }}"',
    data: { muted: false, soundMode: 'speaker', camera: true, keypad: false },
    events: EVENTS,
  });
  for (const action of ['mute', 'speaker', 'keypad', 'camera', 'switchcamera', 'hangup']) await tapButton(bar(host), `.tccc-call-bar__${action}`);
  expect(host.events).toEqual({
    mute: [{ muted: true }],
    speaker: [{ soundMode: 'ear' }],
    keypad: [{ open: true }],
    camera: [{ enabled: false }],
    switchcamera: [{}],
    hangup: [{}],
  });

  host.page.setData({ muted: true, soundMode: 'ear', camera: false, keypad: true });
  await tapButton(bar(host), '.tccc-call-bar__mute');
  await tapButton(bar(host), '.tccc-call-bar__speaker');
  await tapButton(bar(host), '.tccc-call-bar__keypad');
  await tapButton(bar(host), '.tccc-call-bar__camera');
  expect(host.events.mute[1]).toEqual({ muted: false });
  expect(host.events.speaker[1]).toEqual({ soundMode: 'speaker' });
  expect(host.events.keypad[1]).toEqual({ open: false });
  expect(host.events.camera[1]).toEqual({ enabled: true });
});

test('the on state shows on the button: primary when muted, default when not', () => {
  const host = renderInHost('call-bar', { attributes: 'muted="{{ muted }}"', data: { muted: false } });
  expect(innerButton(host, 'mute')!.dom.className).toMatch(/van-button--default/);
  host.page.setData({ muted: true });
  expect(innerButton(host, 'mute')!.dom.className).toMatch(/van-button--primary/);
  expect(innerButton(host, 'mute')!.dom.className).toMatch(/tccc-call-bar__button--on/);
  expect(innerButton(host, 'mute')!.dom.innerHTML).toMatch(/tccc-icon--mic-off/);
});

test('disabled: every button but hang-up is disabled and emits nothing', async () => {
  const host = renderInHost('call-bar', { attributes: 'media="video" disabled', events: EVENTS });
  for (const action of ['mute', 'speaker', 'keypad', 'camera', 'switchcamera']) {
    expect(innerButton(host, action)!.dom.className).toMatch(/van-button--disabled/);
    await tapButton(bar(host), `.tccc-call-bar__${action}`);
  }
  expect(innerButton(host, 'hangup')!.dom.className).not.toMatch(/van-button--disabled/);
  await tapButton(bar(host), '.tccc-call-bar__hangup');
  expect(host.events.hangup).toHaveLength(1);
  for (const event of ['mute', 'speaker', 'keypad', 'camera', 'switchcamera']) expect(host.events[event]).toEqual([]);
});

test('hanging up: the hang-up button shows vant loading and ignores taps', async () => {
  const host = renderInHost('call-bar', { attributes: 'hanging-up', events: EVENTS });
  expect(innerButton(host, 'hangup')!.dom.innerHTML).toMatch(/van-loading/);
  await tapButton(bar(host), '.tccc-call-bar__hangup');
  expect(host.events.hangup).toEqual([]);
});

test('flip is disabled while the camera is off', () => {
  const host = renderInHost('call-bar', { attributes: 'media="video" camera-enabled="{{ false }}"' });
  expect(innerButton(host, 'switchcamera')!.dom.className).toMatch(/van-button--disabled/);
});

test('labels come from the locale: English, and overrides on top of a base', () => {
  const english = renderInHost('call-bar', { attributes: 'locale="en-US"' });
  expect(bar(english).dom.textContent).toContain('Hang up');
  expect(bar(english).dom.textContent).toContain('Mute');
  const custom = renderInHost('call-bar', { attributes: 'locale="{{ locale }}"', data: { locale: { base: 'en-US', actions: { hangUp: 'End' } } } });
  expect(bar(custom).dom.textContent).toContain('End');
  expect(bar(custom).dom.textContent).toContain('Speaker');
});

test('every button has an accessible name, and the toggles say their state in words of their own', () => {
  const host = renderInHost('call-bar', {
    attributes: 'media="video" muted="{{ true }}" sound-mode="ear" locale="en-US"',
    events: EVENTS,
  });
  const label = (action: string) => (bar(host).querySelector(`.tccc-call-bar__${action}`)!.instance.data as { ariaLabel: string }).ariaLabel;
  expect(['mute', 'camera', 'switchcamera', 'keypad', 'speaker', 'hangup'].map(label)).toEqual([
    'Mute, muted',
    'Camera, on',
    'Flip camera',
    'Keypad, hidden',
    'Speaker, off',
    'Hang up',
  ]);
});
