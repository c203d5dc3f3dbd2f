/** What a pending privacy request is answered with (WeChat's `resolve` of wx.onNeedPrivacyAuthorization). */
export type PrivacyAnswer = { event: 'agree'; buttonId: string } | { event: 'disagree' } | { event: 'exposureAuthorization' };
export type AnswerRequest = (answer: PrivacyAnswer) => void;

/** A consent on a page: shows itself for a request and answers it once the user chooses. */
export interface Consent {
  ask(answer: AnswerRequest, referrer: string): void;
}

type Listener = (answer: AnswerRequest, info?: { referrer?: string }) => void;

interface Entry {
  consent: Consent;
  visible: boolean;
}

/** The consents attached, oldest first; a request goes to the newest on a page the user sees. */
const entries: Entry[] = [];

/**
 * WeChat keeps one wx.onNeedPrivacyAuthorization listener per app (registering again replaces it) and has
 * no way to remove it, and a registered listener must answer every request: with no consent on a page the
 * user sees, the request is refused, so the interface that raised it fails instead of hanging.
 */
function onRequest(answer: AnswerRequest, info?: { referrer?: string }): void {
  const entry = [...entries].reverse().find((candidate) => candidate.visible);
  if (!entry) {
    answer({ event: 'disagree' });
    return;
  }
  entry.consent.ask(answer, info?.referrer ?? '');
}

function listen(): void {
  const register = (wx as unknown as { onNeedPrivacyAuthorization?: (listener: Listener) => void }).onNeedPrivacyAuthorization;
  // Base libraries before 2.32.3 have no privacy check: nothing to answer.
  if (typeof register === 'function') register(onRequest);
}

export function addConsent(consent: Consent): void {
  entries.push({ consent, visible: true });
  listen();
}

export function removeConsent(consent: Consent): void {
  const index = entries.findIndex((entry) => entry.consent === consent);
  if (index >= 0) entries.splice(index, 1);
}

/** Follows the page's show/hide: a consent on a page under another one does not take requests. */
export function setConsentVisible(consent: Consent, visible: boolean): void {
  const entry = entries.find((candidate) => candidate.consent === consent);
  if (entry) entry.visible = visible;
}
