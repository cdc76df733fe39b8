// The manager console's script: live escalations over one EventSource (the browser reconnects by itself; a notification
// already listed is not added twice), each a link to its case in the page's language and the user's zone, and the outcome forms
// showing only the fields of the chosen outcome. The page works without it.
(function () {
  'use strict';
  var list = document.getElementById('live-list');
  var state = document.getElementById('live-state');

  function show(label, value) {
    state.textContent = label;
    state.dataset.state = value;
  }

  var labels = list ? JSON.parse(list.dataset.labels || '{}') : {};
  var zone = document.body.dataset.zone;

  function label(name) {
    return labels[name] || name || '';
  }

  function time(at, className) {
    var element = document.createElement('time');
    element.dateTime = at;
    if (className) { element.className = className; }
    var options = { dateStyle: 'short', timeStyle: 'short' };
    if (zone) { options.timeZone = zone; }
    try {
      element.textContent = new Date(at).toLocaleString(document.documentElement.lang, options);
    } catch (unknownZone) {
      element.textContent = new Date(at).toLocaleString(document.documentElement.lang);
    }
    return element;
  }

  function part(tag, className, text) {
    var element = document.createElement(tag);
    element.className = className;
    element.textContent = text;
    return element;
  }

  // The same facts, labels and zone as the entries the page was rendered with (section-live.html).
  function add(notification) {
    if (list.querySelector('[data-id="' + notification.id + '"]')) {
      return;
    }
    var item = document.createElement('li');
    item.className = 'notification fresh kind-' + notification.kind;
    item.dataset.id = notification.id;
    var link = document.createElement('a');
    if (notification.caseId) {
      item.dataset.case = notification.caseId;
      link.href = '/workspace/cases/' + encodeURIComponent(notification.caseId);
    } else {
      link.href = '/console#hotspots';
    }
    link.append(time(notification.at), ' ', part('strong', 'kind', label(notification.kind)), ' · ',
      part('bdi', 'reference', notification.reference || ''));
    if (notification.customerName) {
      link.append(' · ', part('bdi', 'customer', notification.customerName));
    }
    if (notification.severity) {
      link.append(' · ', part('span', 'severity', label(notification.severity)));
    }
    link.append(' · ', part('span', 'level', label(notification.level)));
    if (notification.callbackDueAt) {
      link.append(' · ' + list.dataset.callbackDue + ' ', time(notification.callbackDueAt, 'callback-due'));
    }
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
