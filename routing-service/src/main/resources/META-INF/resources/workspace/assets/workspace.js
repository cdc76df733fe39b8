// The agent workspace's only script: tells the server the browser's time zone, keeps the inbox live over
// Server-Sent Events, and adds the keyboard shortcuts the pages list. Every page works without it.
(function () {
  'use strict';

  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone && document.body.dataset.zone !== zone && !sessionStorage.getItem('tz-reloaded')) {
    document.cookie = 'tz=' + encodeURIComponent(zone) + ';path=/;max-age=31536000;samesite=lax';
    sessionStorage.setItem('tz-reloaded', '1');
    location.reload();
    return;
  }

  var page = document.body.dataset.page;

  function typing(event) {
    var t = event.target;
    return t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
  }

  function caseLinks() {
    return Array.prototype.slice.call(document.querySelectorAll('#queue-region a.case-link'));
  }

  function move(step) {
    var links = caseLinks();
    if (links.length === 0) { return; }
    var at = links.indexOf(document.activeElement);
    var next = at < 0 ? 0 : Math.min(links.length - 1, Math.max(0, at + step));
    links[next].focus();
  }

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event)) { return; }
    if (page === 'inbox') {
      if (event.key === 'j' || event.key === 'n') { move(1); event.preventDefault(); }
      else if (event.key === 'k') { move(-1); event.preventDefault(); }
      else if (event.key === '/') { document.getElementById('f-severity').focus(); event.preventDefault(); }
    } else if (page === 'case') {
      var reply = document.getElementById('reply-text');
      var next = document.getElementById('next-case');
      if (event.key === 'r' && reply) { reply.focus(); event.preventDefault(); }
      else if ((event.key === 'n' || event.key === 'j') && next) { location.href = next.href; }
      else if (event.key === 'i') { location.href = '/workspace'; }
    }
  });

  if (page !== 'inbox' || !window.EventSource) { return; }
  var state = document.getElementById('live-state');
  var region = document.getElementById('queue-region');
  var pending = false;

  function refresh() {
    if (pending) { return; }
    pending = true;
    fetch(location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('queue-region');
        if (fresh && fresh.innerHTML !== region.innerHTML) {
          var focused = document.activeElement && document.activeElement.getAttribute('href');
          region.innerHTML = fresh.innerHTML;
          state.textContent = state.dataset.updated;
          if (focused) {
            var again = region.querySelector('a[href="' + focused + '"]');
            if (again) { again.focus(); }
          }
        }
      })
      .catch(function () { /* the next change or the timer tries again */ })
      .then(function () { pending = false; });
  }

  var source = new EventSource('/workspace/stream');
  source.addEventListener('ready', function () { state.textContent = state.dataset.on; });
  source.addEventListener('cases', refresh);
  source.addEventListener('notification', refresh);
  source.onerror = function () {
    if (source.readyState === EventSource.CLOSED) { state.textContent = state.dataset.off; }
  };
  // Countdowns move on with time even when no case changes.
  setInterval(refresh, 60000);
}());
