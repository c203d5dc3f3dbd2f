/**
 * tccc-privacy-consent against the test runtime's WeChat privacy rules: it answers
 * wx.onNeedPrivacyAuthorization while on the page, shows the guide's name, and resolves WeChat's pending
 * request with the agree button's id or a refusal, leaving nothing pending.
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import simulate from 'miniprogram-simulate';
import type { Host, Rendered } from '../support/ui-host';
import { renderInHost, tapButton } from '../support/ui-host';
import type { PrivacyOptions, WxRuntime } from '../../testing';
import { installWxRuntime, waitFor } from '../../testing';

const EVENTS = ['show', 'agree', 'disagree', 'close'];
let wx: WxRuntime;
let rendered: Host | null = null;

// A consent left on an earlier test's page would still take requests: each test's page is left.
afterEach(() => {
  if (rendered?.page.instance) rendered.page.detach();
  rendered = null;
  wx.restore();
});

type Outcome = { ok: boolean; errno?: number };

/** What a privacy interface the SDK calls sees: wx.requirePrivacyAuthorize, settled or still pending. */
function requirePrivacy(): { outcome: () => Outcome | null } {
  let outcome: Outcome | null = null;
  const api = (globalThis as unknown as { wx: { requirePrivacyAuthorize(options: Record<string, unknown>): void } }).wx;
  api.requirePrivacyAuthorize({ success: () => (outcome = { ok: true }), fail: (error: { errno: number }) => (outcome = { ok: false, errno: error.errno }) });
  return { outcome: () => outcome };
}

function render(privacy: PrivacyOptions | undefined, attributes = ''): { host: Host; consent: Rendered; shown: () => boolean; text: () => string } {
  wx = installWxRuntime({ privacy });
  const host = renderInHost('privacy-consent', { attributes, events: EVENTS });
  rendered = host;
  const consent = host.page.querySelector('#subject')!;
  return {
    host,
    consent,
    // Shown, and drawn: vant's popup renders its content after its enter transition starts.
    shown: () => consent.instance.data.show === true && (consent.dom.textContent ?? '') !== '',
    text: () => consent.dom.textContent ?? '',
  };
}

/** The native <button> inside the agree van-button: where WeChat records the tap and fires the event. */
function agreeButton(consent: Rendered): Rendered {
  const button = consent.querySelector('.tccc-privacy-consent__agree')?.querySelector('.van-button');
  if (!button) throw new Error('the agree button did not render');
  return button;
}

/** The agree van-button's own properties: what it gives the native button (simulate draws no attributes). */
function agreeButtonProps(consent: Rendered): { openType: string; buttonId: string } {
  return consent.querySelector('.tccc-privacy-consent__agree')!.instance.data as { openType: string; buttonId: string };
}

test('a privacy request shows the consent with the guide name; agreeing lets the request go on', async () => {
  const { host, consent, shown, text } = render({ agreed: false, contractName: '《ACME 客服隐私保护指引》' });
  expect(shown()).toBe(false);
  expect(text()).not.toContain('隐私保护提示');
  expect(wx.privacy!.hasListener()).toBe(true);

  const request = requirePrivacy();
  await waitFor(() => text().includes('《ACME 客服隐私保护指引》'), 'the consent with the guide name');
  expect(shown()).toBe(true);
  expect(text()).toContain('隐私保护提示');
  expect(text()).toContain('同意并继续');
  expect(host.events.show).toEqual([{ referrer: 'requirePrivacyAuthorize' }]);
  expect(wx.privacy).toMatchObject({ pending: 1, exposures: 1 });
  expect(request.outcome()).toBeNull();

  const { openType, buttonId } = agreeButtonProps(consent);
  expect(openType).toBe('agreePrivacyAuthorization');
  agreeButton(consent).dispatchEvent('agreeprivacyauthorization');
  await waitFor(() => request.outcome() !== null, 'the request to go on');
  expect(request.outcome()).toEqual({ ok: true });
  // The id WeChat checks is the one of the native button the user tapped.
  expect(wx.privacy!.agreedWith).toEqual([buttonId]);
  expect(buttonId).toMatch(/\w/);
  expect(wx.privacy).toMatchObject({ agreed: true, pending: 0 });
  expect(shown()).toBe(false);
  expect(host.events.agree).toHaveLength(1);
  expect(host.events.disagree).toEqual([]);
  expect(host.events.close).toHaveLength(1);
});

test('declining fails the request (errno 103), closes the consent, and leaves nothing pending', async () => {
  const { host, consent, shown } = render({ agreed: false });
  const request = requirePrivacy();
  await waitFor(shown, 'the consent');
  await tapButton(consent, '.tccc-privacy-consent__refuse');
  await waitFor(() => request.outcome() !== null, 'the refusal');
  expect(request.outcome()).toEqual({ ok: false, errno: 103 });
  expect(wx.privacy).toMatchObject({ agreed: false, pending: 0 });
  expect(shown()).toBe(false);
  expect(host.events.disagree).toHaveLength(1);
  expect(host.events.close).toHaveLength(1);
  expect(consent.dom.querySelector('[class*="tccc-privacy-consent__"]')).toBeNull();
});

/** Every element of the consent as drawn: shown (no display:none) and in no leaving state of a transition. */
function hiddenParts(consent: Rendered): string[] {
  return Array.from(consent.dom.querySelectorAll('*'))
    .filter((node) => /display:\s*none/.test(node.getAttribute('style') ?? '') || /leave/.test(String(node.className)))
    .map((node) => `${node.tagName.toLowerCase()}.${String(node.className).split(' ')[0]} ${node.getAttribute('style') ?? ''}`);
}

// N4: a page that asks again from its error handler, within a transition's time of the refusal.
test.each([0, 150, 300])('asked again %i ms after a refusal: the consent is on the page whole, and answers; then nothing of it is left', async (delay) => {
  const { host, consent, shown } = render({ agreed: false });
  const first = requirePrivacy();
  await waitFor(shown, 'the consent');
  await tapButton(consent, '.tccc-privacy-consent__refuse');
  await waitFor(() => first.outcome() !== null, 'the refusal');
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  const again = requirePrivacy();
  await waitFor(shown, 'the consent asked again');
  await new Promise((resolve) => setTimeout(resolve, 400)); // longer than any transition
  expect(shown()).toBe(true);
  expect(hiddenParts(consent)).toEqual([]);
  expect(host.events.show).toHaveLength(2);
  agreeButton(consent).dispatchEvent('agreeprivacyauthorization');
  await waitFor(() => again.outcome() !== null, 'the agreement');
  expect(again.outcome()).toEqual({ ok: true });
  await new Promise((resolve) => setTimeout(resolve, 400));
  expect(consent.dom.querySelector('[class*="tccc-privacy-consent__"]')).toBeNull();
  expect(host.events.close).toHaveLength(2);
});

test('the guide name opens the guide; two requests at once share one consent and one answer', async () => {
  const { host, consent, shown } = render({ agreed: false });
  const first = requirePrivacy();
  const second = requirePrivacy();
  await waitFor(() => wx.privacy!.pending === 2 && shown(), 'both requests');
  await waitFor(() => (consent.dom.textContent ?? '').includes('《示例小程序隐私保护指引》'), 'the guide name');
  consent.querySelector('.tccc-privacy-consent__contract')!.dispatchEvent('tap');
  await simulate.sleep(0);
  expect(wx.privacy!.contractOpened).toBe(1);
  agreeButton(consent).dispatchEvent('agreeprivacyauthorization');
  await waitFor(() => first.outcome() !== null && second.outcome() !== null, 'both answered');
  expect([first.outcome(), second.outcome()]).toEqual([{ ok: true }, { ok: true }]);
  expect(host.events.show).toHaveLength(1);
  expect(host.events.agree).toHaveLength(1);
});

test('leaving the page refuses what is pending; with no consent left, requests are refused at once', async () => {
  const { host, shown } = render({ agreed: false });
  const pending = requirePrivacy();
  await waitFor(shown, 'the consent');
  host.page.detach();
  rendered = null;
  await waitFor(() => pending.outcome() !== null, 'the pending request answered');
  expect(pending.outcome()).toEqual({ ok: false, errno: 103 });
  const later = requirePrivacy();
  await waitFor(() => later.outcome() !== null, 'a request with no consent on the page');
  expect(later.outcome()).toEqual({ ok: false, errno: 103 });
  expect(wx.privacy!.pending).toBe(0);
});

test('a page under another one does not take requests; shown again, it does', async () => {
  const { host, shown } = render({ agreed: false });
  host.page.triggerPageLifeTime('hide');
  const hidden = requirePrivacy();
  await waitFor(() => hidden.outcome() !== null, 'the request while hidden');
  expect(hidden.outcome()).toEqual({ ok: false, errno: 103 });
  expect(shown()).toBe(false);
  host.page.triggerPageLifeTime('show');
  requirePrivacy();
  await waitFor(shown, 'the consent on the page shown again');
});

test('Chinese texts address the caller as 您, as every other text of the call screen does (never 你)', async () => {
  const { shown, text } = render({ agreed: false });
  requirePrivacy();
  await waitFor(shown, 'the consent');
  await simulate.sleep(0);
  expect(text()).toContain('通话会使用您的麦克风');
  expect(text()).not.toContain('你');
});

test('English texts with locale="en-US"', async () => {
  const { consent, shown, text } = render({ agreed: false }, 'locale="en-US"');
  requirePrivacy();
  await waitFor(shown, 'the consent');
  await simulate.sleep(0);
  expect(text()).toContain('Your privacy');
  expect(text()).toContain('Agree and continue');
  expect(consent.querySelector('.tccc-privacy-consent__refuse')!.dom.textContent).toContain('Decline');
});

test('an older base library (no privacy APIs): the consent renders and registers nothing', () => {
  const { shown } = render(undefined);
  expect(shown()).toBe(false);
  expect(wx.privacy).toBeNull();
  expect((globalThis as unknown as { wx: Record<string, unknown> }).wx.onNeedPrivacyAuthorization).toBeUndefined();
});
