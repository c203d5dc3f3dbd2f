import { defineComponent } from '../../common/component';
import { localeBehavior } from '../../common/locale-behavior';
import type { AnswerRequest, Consent, PrivacyAnswer } from './privacy-requests';
import { addConsent, removeConsent, setConsentVisible } from './privacy-requests';

/** The id WeChat checks: an agreement counts only if the agreePrivacyAuthorization button with it was tapped. */
const AGREE_BUTTON_ID = 'tccc-privacy-consent-agree';

interface Own {
  consent: Consent;
  /** WeChat's requests waiting for the user's choice; one choice answers them all. */
  pending: AnswerRequest[];
}

type Instance = WechatMiniprogram.Component.TrivialInstance;

const owns = new WeakMap<object, Own>();

function ownOf(instance: Instance): Own {
  let own = owns.get(instance);
  if (!own) {
    const created: Own = { pending: [], consent: { ask: (answer, referrer) => instance.ask(answer, referrer) } };
    owns.set(instance, created);
    own = created;
  }
  return own;
}

/**
 * WeChat's privacy consent: while it is on the page it answers wx.onNeedPrivacyAuthorization. When a
 * microphone or camera request (a call starting) needs the user's agreement to the app's privacy guide, it
 * shows the guide's name (opened with wx.openPrivacyContract) and two buttons; agreeing lets the pending
 * request go on, so the call continues without a second tap. Emits `show`, `agree` and `disagree`, and
 * `close` whenever it goes (agreed, declined, or dismissed by the page).
 */
defineComponent({
  behaviors: [localeBehavior('privacy')],
  data: {
    show: false,
    /** The guide's name from wx.getPrivacySetting; the locale's `contract` text until it is known. */
    contractName: '',
    agreeButtonId: AGREE_BUTTON_ID,
  },
  lifetimes: {
    attached() {
      addConsent(ownOf(this).consent);
    },
    detached() {
      const own = ownOf(this);
      removeConsent(own.consent);
      // Leaving the page is no agreement: nothing WeChat asked stays pending.
      for (const answer of own.pending.splice(0)) answer({ event: 'disagree' });
    },
  },
  pageLifetimes: {
    show() {
      setConsentVisible(ownOf(this).consent, true);
    },
    hide() {
      setConsentVisible(ownOf(this).consent, false);
    },
  },
  methods: {
    /** Called for each request WeChat makes; the first one shows the consent. */
    ask(answer: AnswerRequest, referrer: string) {
      const own = ownOf(this);
      own.pending.push(answer);
      if (own.pending.length > 1) return;
      answer({ event: 'exposureAuthorization' });
      this.setData({ show: true });
      this.loadContractName();
      this.triggerEvent('show', { referrer });
    },
    /** Fired by WeChat after the agreePrivacyAuthorization button was tapped. */
    onAgree() {
      if (this.answerAll({ event: 'agree', buttonId: AGREE_BUTTON_ID })) this.triggerEvent('agree', {});
    },
    onRefuse() {
      if (this.answerAll({ event: 'disagree' })) this.triggerEvent('disagree', {});
    },
    onOpenContract() {
      if (typeof wx.openPrivacyContract === 'function') wx.openPrivacyContract({});
    },
    /** Refuses whatever is pending and closes, e.g. when the page gives up the call. True if anything was pending. */
    dismiss(): boolean {
      return this.answerAll({ event: 'disagree' });
    },
    answerAll(answer: PrivacyAnswer): boolean {
      const answers = ownOf(this).pending.splice(0);
      if (this.data.show) {
        this.setData({ show: false });
        this.triggerEvent('close', {});
      }
      for (const pending of answers) pending(answer);
      return answers.length > 0;
    },
    /** Keeps a drag on the sheet or its shade from scrolling the page behind. */
    noop() {},
    loadContractName() {
      if (typeof wx.getPrivacySetting !== 'function') return;
      wx.getPrivacySetting({
        success: ({ privacyContractName }) => {
          if (privacyContractName && privacyContractName !== this.data.contractName) this.setData({ contractName: privacyContractName });
        },
      });
    },
  },
});
