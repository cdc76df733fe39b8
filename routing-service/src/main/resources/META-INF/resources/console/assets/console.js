// The manager console's script: live escalations over one EventSource (the browser reconnects by itself; a notification
// already listed is not added twice), each a link to its case with the time in the browser's zone, and the outcome forms
// showing only the fields of the chosen outcome. The page works without it.
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
    var link = document.createElement('a');
    link.href = '/workspace/cases/' + encodeURIComponent(notification.caseId);
    var time = document.createElement('time');
    time.dateTime = notification.at;
    time.textContent = new Date(notification.at).toLocaleString(document.documentElement.lang,
      { dateStyle: 'short', timeStyle: 'short' });
    var level = document.createElement('span');
    level.className = 'level';
    level.textContent = notification.level;
    var text = document.createElement('span');
    text.dir = 'auto';
    text.textContent = notification.text;
    link.append(time, ' ', level, ' ', text);
    item.append(link);
    list.prepend(item);
    var empty = document.getElementById('live-empty');
    if (empty) { empty.remove(); }
  }

  if (list && state && window.EventSource) {
    var source = new EventSource('/console/stream');
    source.addEventListener('ready', function () { show(state.dataset.live, 'live'); });
    source.addEventListener('notification', function (event) { add(JSON.parse(event.data)); });
    source.onerror = function () { show(state.dataset.reconnecting, 'reconnecting'); };
  }

  Array.prototype.forEach.call(document.querySelectorAll('form.outcome-form'), function (form) {
    function sync() {
      var chosen = form.querySelector('input[name=outcome]:checked');
      if (chosen) { form.dataset.outcome = chosen.value; }
    }
    form.addEventListener('change', sync);
    sync();
  });
}());
