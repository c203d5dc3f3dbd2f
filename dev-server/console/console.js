// Agent console: renders the simulator's live state (pushed over /agent/stream) and plays the agent
// through the same HTTP agent API that scripts and tests use.
(function () {
  'use strict';

  var PHASE_LABEL = { ivr: 'In IVR', queued: 'In queue', ringing: 'Ringing', active: 'Talking' };
  var state = { sessions: [], settings: { autoAnswerMs: null, seats: [] } };
  var $ = function (id) { return document.getElementById(id); };
  var TOKEN_KEY = 'tccc-dev-server.agent-token';

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
        var given = window.prompt('This simulator needs its agent token (printed by tccc-dev-server when it started):', '');
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

  function act(sessionId, action) {
    return fetch('/agent/sessions/' + encodeURIComponent(sessionId) + '/' + action, { method: 'POST', headers: headers() })
      .then(function (res) { return res.ok ? null : res.json().then(function (body) { alert(body.error.message); }); });
  }

  function actions(s) {
    var buttons = [];
    if (s.phase !== 'active') buttons.push(el('button', { class: 'accept', 'data-action': 'accept', text: 'Accept', onclick: function () { act(s.sessionId, 'accept'); } }));
    buttons.push(el('button', { class: 'hangup', 'data-action': 'hangup', text: 'Hang up', onclick: function () { act(s.sessionId, 'hangup'); } }));
    if (s.phase !== 'active') buttons.push(el('button', { 'data-action': 'transfer', text: 'Transfer to no agent', onclick: function () { act(s.sessionId, 'transfer-no-agent'); } }));
    return el('td', { class: 'actions' }, buttons);
  }

  function liveRow(s) {
    var status = PHASE_LABEL[s.phase] + (s.queuePosition ? ' #' + s.queuePosition : '');
    return el('tr', { 'data-session': s.sessionId, 'data-phase': s.phase }, [
      el('td', {}, [el('span', { class: 'badge', 'data-phase': s.phase, text: status })]),
      el('td', { text: s.channelName + (s.media === 'video' ? ' · video' : ' · audio') }),
      el('td', { class: 'caller', text: s.userId }),
      el('td', { class: 'duration', 'data-since': String(s.acceptedAt || s.createdAt), text: duration(Date.now() - (s.acceptedAt || s.createdAt)) }),
      el('td', { class: 'digits', text: s.digits || '—' }),
      el('td', { text: s.seatName || '—' }),
      actions(s),
    ]);
  }

  function recentRow(s) {
    var ok = s.end.reason === 'ok';
    return el('tr', { 'data-session': s.sessionId }, [
      el('td', {}, [el('span', { class: 'badge', 'data-result': ok ? 'ok' : 'fail', text: s.end.reason + ' (' + s.end.endStatus + ')' })]),
      el('td', { text: s.channelName }),
      el('td', { class: 'caller', text: s.userId }),
      el('td', { text: s.acceptedAt ? duration(s.endedAt - s.acceptedAt) : '—' }),
      el('td', { class: 'digits', text: s.digits || '—' }),
      el('td', { text: s.end.closeBy }),
      el('td', { class: 'actions', text: new Date(s.endedAt).toLocaleTimeString() }),
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
        el('div', {}, [el('div', { text: seat.name }), el('small', { text: st === 'free' ? 'Available' : st === 'busy' ? 'On a call' : 'Offline' })]),
      ]);
    }));
    var auto = state.settings.autoAnswerMs;
    $('auto-answer').checked = auto !== null;
    if (auto !== null && document.activeElement !== $('auto-answer-seconds')) $('auto-answer-seconds').value = String(auto / 1000);
    $('seats-online').checked = state.settings.seats.some(function (seat) { return seat.online; });
  }

  function saveSettings(body) {
    return fetch('/agent/settings', { method: 'PUT', headers: headers(), body: JSON.stringify(body) });
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

  ensureAccess().then(function () {
    // EventSource sends no headers: the token goes in the query.
    var stream = new EventSource('/agent/stream' + (token() ? '?token=' + encodeURIComponent(token()) : ''));
    stream.onopen = function () { $('connection').dataset.state = 'live'; $('connection').textContent = 'live'; };
    stream.onerror = function () { $('connection').dataset.state = 'lost'; $('connection').textContent = 'reconnecting…'; };
    stream.onmessage = function (message) {
      state = JSON.parse(message.data);
      render();
    };
  }, function (error) {
    $('connection').dataset.state = 'lost';
    $('connection').textContent = 'no access: ' + error.message;
  });
})();
