// Live escalations for the manager console: one EventSource on the session-protected stream; the
// browser reconnects by itself after a drop. Notifications already listed (by id) are not added twice.
(function () {
  'use strict';
  var list = document.getElementById('live-list');
  var state = document.getElementById('live-state');

  function show(label, value) {
    state.textContent = label;
    state.dataset.state = value;
  }

  function add(notification) {
    if (list.querySelector('[data-id="' + notification.id + '"]')) {
      return;
    }
    var item = document.createElement('li');
    item.className = 'notification fresh kind-' + notification.kind;
    item.dataset.id = notification.id;
    item.dataset.case = notification.caseId;
    var time = document.createElement('time');
    time.dateTime = notification.at;
    time.textContent = new Date(notification.at).toLocaleString();
    var level = document.createElement('span');
    level.className = 'level';
    level.textContent = notification.level;
    var text = document.createElement('span');
    text.dir = 'auto';
    text.textContent = notification.text;
    item.append(time, ' ', level, ' ', text);
    list.prepend(item);
  }

  var source = new EventSource('/console/stream');
  source.addEventListener('ready', function () { show('live', 'live'); });
  source.addEventListener('notification', function (event) { add(JSON.parse(event.data)); });
  source.onerror = function () { show('reconnecting…', 'reconnecting'); };
}());
