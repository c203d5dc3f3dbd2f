// Agent console: renders the simulator's live state (pushed over /agent/stream) and plays the agent
// through the same HTTP agent API that scripts and tests use.
(function () {
  'use strict';

  var TEXTS = window.TCCC_CONSOLE_TEXTS;
  var PHASE_TEXT = { ivr: 'phaseIvr', queued: 'phaseQueued', ringing: 'phaseRinging', active: 'phaseActive' };
  var CLOSE_BY_TEXT = { seat: 'closeBySeat', user: 'closeByUser', admin: 'closeByAdmin' };
  var ACTION_TEXT = { accept: 'accept', hangup: 'hangUp', 'transfer-no-agent': 'transfer' };
  // The simulator's built-in seats and channels (and the seats of --seats n) by the names it gives them: demo
  // data, shown in the console's language. Names from --channels are shown as they were written.
  var DEMO_NAMES = {
    'Agent Lin': 'demo_agentLin',
    'Agent Chen': 'demo_agentChen',
    'Audio support': 'demo_audioSupport',
    'Video support': 'demo_videoSupport',
    Support: 'demo_support',
    'After hours': 'demo_afterHours',
  };
  var state = null; // until the stream's first message
  var $ = function (id) { return document.getElementById(id); };
  var TOKEN_KEY = 'tccc-dev-server.agent-token';
  var LANGUAGE_KEY = 'tccc-dev-server.language';

  // The language: the one picked with the switch, else the browser's first Chinese or English preference.
  function browserLanguage() {
    var wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''];
    for (var i = 0; i < wanted.length; i++) {
      var tag = String(wanted[i]).toLowerCase();
      if (tag.indexOf('zh') === 0) return 'zh-CN';
      if (tag.indexOf('en') === 0) return 'en-US';
    }
    return 'en-US';
  }
  var picked = localStorage.getItem(LANGUAGE_KEY);
  var language = TEXTS[picked] ? picked : browserLanguage();

  /** The text of `key` in the console's language, `{name}` filled from `values`. */
  function t(key, values) {
    var text = TEXTS[language][key];
    if (text === undefined) text = TEXTS['en-US'][key];
    return text.replace(/\{(\w+)\}/g, function (whole, name) { return values && name in values ? String(values[name]) : whole; });
  }

  /** A seat's or channel's name as shown: the demo data's in the console's language, any other as it is. */
  function shownName(name) {
    var numbered = /^Agent (\d+)$/.exec(name);
    if (numbered) return t('demo_agentNumbered', { n: numbered[1] });
    return Object.prototype.hasOwnProperty.call(DEMO_NAMES, name) ? t(DEMO_NAMES[name]) : name;
  }

  /** Code that sits inside a sentence: the same in every language. */
  function codeSlots() {
    return { startCall: el('code', { text: 'startCall({ channelId })' }) };
  }

  /** Puts the text of `key` into `node`, its `{name}` slots filled with the given nodes. */
  function fillWithNodes(node, key, nodes) {
    var parts = t(key).split(/\{(\w+)\}/);
    node.replaceChildren.apply(node, parts.map(function (part, i) {
      return i % 2 === 1 && nodes[part] ? nodes[part] : document.createTextNode(part);
    }));
  }

  var connection = { key: 'connecting', values: null };
  function showConnection(connectionState, key, values) {
    connection = { key: key, values: values };
    $('connection').dataset.state = connectionState;
    $('connection').textContent = t(key, values);
  }

  /** Every text outside the live tables, in the console's language. */
  function applyTexts() {
    document.documentElement.lang = language;
    document.title = t('pageTitle');
    Array.prototype.forEach.call(document.querySelectorAll('[data-text]'), function (node) {
      fillWithNodes(node, node.getAttribute('data-text'), codeSlots());
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-text-title]'), function (node) {
      node.title = t(node.getAttribute('data-text-title'));
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-text-aria-label]'), function (node) {
      node.setAttribute('aria-label', t(node.getAttribute('data-text-aria-label')));
    });
    $('connection').textContent = t(connection.key, connection.values);
    Array.prototype.forEach.call($('languages').children, function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-language') === language));
    });
  }

  function switchLanguage(next) {
    language = next;
    localStorage.setItem(LANGUAGE_KEY, next);
    applyTexts();
    if (state) render();
  }

  // The agent token: from the link the server printed (#token=…), else remembered, else asked for once
  // when the server says it needs one. The fragment is dropped from the address bar at once.
  var fromLink = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (fromLink) {
    localStorage.setItem(TOKEN_KEY, decodeURIComponent(fromLink[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
  function token() { return localStorage.getItem(TOKEN_KEY) || ''; }
  function headers() {
    var all = { 'content-type': 'application/json' };
    if (token()) all.authorization = 'Bearer ' + token();
    return all;
  }
  /** Resolves once the agent API answers; asks for the token when it is refused for want of one. */
  function ensureAccess() {
    return fetch('/agent/settings', { headers: headers() }).then(function (res) {
      if (res.ok) return;
      return res.json().then(function (body) {
        if (!body.error || body.error.code !== 'forbidden') throw new Error(body.error ? body.error.message : 'HTTP ' + res.status);
        var given = window.prompt(t('tokenPrompt'), '');
        if (!given) throw new Error(body.error.message);
        localStorage.setItem(TOKEN_KEY, given.trim());
        return ensureAccess();
      });
    });
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === 'text') node.textContent = attrs[key];
      else if (key === 'onclick') node.addEventListener('click', attrs[key]);
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function duration(ms) {
    var s = Math.max(0, Math.floor(ms / 1000));
    var m = Math.floor(s / 60);
    var h = Math.floor(m / 60);
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    return h > 0 ? h + ':' + pad(m % 60) + ':' + pad(s % 60) : pad(m) + ':' + pad(s % 60);
  }

  /** A time of day as the console's language writes it (not the browser's locale, which the switch may differ from). */
  function clockTime(ms) {
    return new Date(ms).toLocaleTimeString(language);
  }

  /** An agent request; a refusal (or no answer at all) goes to `failed` with the server's own words. */
  function send(method, path, body, failed) {
    return fetch(path, { method: method, headers: headers(), body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (res) {
        if (res.ok) return null;
        return res.json().then(function (answer) { failed(answer.error ? answer.error.message : 'HTTP ' + res.status); }, function () { failed('HTTP ' + res.status); });
      }, function (error) { failed(error.message); });
  }

  // The server's error message is in English (the HTTP API is the same for scripts); the console says which
  // action failed in its own language around it.
  function act(sessionId, action) {
    return send('POST', '/agent/sessions/' + encodeURIComponent(sessionId) + '/' + action, undefined, function (message) {
      alert(t('actionFailed', { action: t(ACTION_TEXT[action]), message: message }));
    });
  }

  function mediaName(s) { return t(s.media === 'video' ? 'mediaVideo' : 'mediaAudio'); }
  function channelWithMedia(s) { return t('channelMedia', { channel: shownName(s.channelName), media: mediaName(s) }); }

  /**
   * A call's button shows the action only; its name also says whose call it is, or a screen reader moving
   * from button to button hears "Accept, Accept" and cannot tell the calls apart.
   */
  function actionButton(s, action, attrs) {
    var named = t('callAction', { action: t(ACTION_TEXT[action]), caller: s.userId, channel: shownName(s.channelName), media: mediaName(s) });
    return el('button', Object.assign({ text: t(ACTION_TEXT[action]), 'aria-label': named, onclick: function () { act(s.sessionId, action); } }, attrs));
  }

  function actions(s) {
    var buttons = [];
    if (s.phase !== 'active') buttons.push(actionButton(s, 'accept', { class: 'accept', 'data-action': 'accept' }));
    buttons.push(actionButton(s, 'hangup', { class: 'hangup', 'data-action': 'hangup' }));
    if (s.phase !== 'active') buttons.push(actionButton(s, 'transfer-no-agent', { 'data-action': 'transfer', title: t('transferTitle') }));
    return el('td', { class: 'actions' }, buttons);
  }

  function liveRow(s) {
    var phase = t(PHASE_TEXT[s.phase]);
    var status = s.queuePosition ? t('queuePosition', { phase: phase, n: s.queuePosition }) : phase;
    return el('tr', { 'data-session': s.sessionId, 'data-phase': s.phase }, [
      el('td', {}, [el('span', { class: 'badge', 'data-phase': s.phase, text: status })]),
      el('td', { text: channelWithMedia(s) }),
      el('td', { class: 'caller', text: s.userId }),
      el('td', { class: 'duration', 'data-since': String(s.acceptedAt || s.createdAt), text: duration(Date.now() - (s.acceptedAt || s.createdAt)) }),
      el('td', { class: 'digits', text: s.digits || '—' }),
      el('td', { text: s.seatName ? shownName(s.seatName) : '—' }),
      actions(s),
    ]);
  }

  function recentRow(s) {
    var ok = s.end.reason === 'ok';
    var label = TEXTS[language]['end_' + s.end.reason] ? t('end_' + s.end.reason) : s.end.reason;
    return el('tr', { 'data-session': s.sessionId }, [
      // The TCCC reason and status stay as they are: they are what the SDK reports.
      el('td', {}, [el('span', { class: 'badge', 'data-result': ok ? 'ok' : 'fail' }, [
        document.createTextNode(label),
        el('small', { class: 'end-code', text: s.end.reason + ' · ' + s.end.endStatus }),
      ])]),
      el('td', { text: channelWithMedia(s) }),
      el('td', { class: 'caller', text: s.userId }),
      el('td', { text: s.acceptedAt ? duration(s.endedAt - s.acceptedAt) : '—' }),
      el('td', { class: 'digits', text: s.digits || '—' }),
      el('td', { text: CLOSE_BY_TEXT[s.end.closeBy] ? t(CLOSE_BY_TEXT[s.end.closeBy]) : s.end.closeBy }),
      el('td', { class: 'actions' }, [el('time', { datetime: new Date(s.endedAt).toISOString(), text: clockTime(s.endedAt) })]),
    ]);
  }

  function render() {
    var live = state.sessions.filter(function (s) { return s.phase !== 'ended'; });
    var recent = state.sessions.filter(function (s) { return s.phase === 'ended'; }).slice(0, 15);
    $('live').replaceChildren.apply($('live'), live.map(liveRow));
    $('recent').replaceChildren.apply($('recent'), recent.map(recentRow));
    $('live-count').textContent = String(live.length);
    $('live-empty').hidden = live.length > 0;
    $('recent-empty').hidden = recent.length > 0;
    $('seats').replaceChildren.apply($('seats'), state.settings.seats.map(function (seat) {
      var st = !seat.online ? 'offline' : seat.busy ? 'busy' : 'free';
      return el('div', { class: 'seat', 'data-state': st }, [
        el('span', { class: 'dot' }),
        el('div', {}, [el('div', { text: shownName(seat.name) }), el('small', { text: t(st === 'free' ? 'seatFree' : st === 'busy' ? 'seatBusy' : 'seatOffline') })]),
      ]);
    }));
    var auto = state.settings.autoAnswerMs;
    $('auto-answer').checked = auto !== null;
    if (auto !== null && document.activeElement !== $('auto-answer-seconds')) $('auto-answer-seconds').value = String(auto / 1000);
    $('seats-online').checked = state.settings.seats.some(function (seat) { return seat.online; });
  }

  function saveSettings(body) {
    return send('PUT', '/agent/settings', body, function (message) {
      alert(t('settingsFailed', { message: message }));
      // The switches show what the server kept, not the refused change.
      if (state) render();
    });
  }

  $('auto-answer').addEventListener('change', function () {
    saveSettings({ autoAnswerMs: this.checked ? Number($('auto-answer-seconds').value || 0) * 1000 : null });
  });
  $('auto-answer-seconds').addEventListener('change', function () {
    if ($('auto-answer').checked) saveSettings({ autoAnswerMs: Number(this.value || 0) * 1000 });
  });
  $('seats-online').addEventListener('change', function () { saveSettings({ seatsOnline: this.checked }); });

  setInterval(function () {
    Array.prototype.forEach.call(document.querySelectorAll('td.duration'), function (cell) {
      cell.textContent = duration(Date.now() - Number(cell.getAttribute('data-since')));
    });
  }, 1000);

  Object.keys(TEXTS).forEach(function (code) {
    // Each language is offered in its own words, whatever the console's language is.
    $('languages').appendChild(el('button', { type: 'button', lang: code, 'data-language': code, text: TEXTS[code].languageName, onclick: function () { switchLanguage(code); } }));
  });
  applyTexts();

  ensureAccess().then(function () {
    // EventSource sends no headers: the token goes in the query.
    var stream = new EventSource('/agent/stream' + (token() ? '?token=' + encodeURIComponent(token()) : ''));
    stream.onopen = function () { showConnection('live', 'live'); };
    stream.onerror = function () { showConnection('lost', 'reconnecting'); };
    stream.onmessage = function (message) {
      state = JSON.parse(message.data);
      render();
    };
  }, function (error) {
    showConnection('lost', 'noAccess', { message: error.message });
  });
})();
