(function () {
  'use strict';
  var form = document.getElementById('filters');
  var status = document.getElementById('filter-status');
  var entries = Array.prototype.slice.call(document.querySelectorAll('li.finding'));

  function checked(name) {
    var shown = {};
    form.querySelectorAll('input[name=' + name + ']').forEach(function (box) { shown[box.value] = box.checked; });
    return shown;
  }

  function countsText(counts) {  // as lint.report.summary.counts_text writes it
    var kinds = Object.keys(counts).filter(function (kind) { return counts[kind] > 0; }).sort();
    if (!kinds.length) { return 'no findings'; }
    return kinds.map(function (kind) {
      var n = counts[kind];
      return n + ' ' + kind + (n !== 1 && kind !== 'info' ? 's' : '');
    }).join(', ');
  }

  function applyFilters() {
    var rules = checked('rule'), severities = checked('severity');
    function visible(element, ignore) {
      return (ignore === 'rule' || rules[element.dataset.rule] !== false) &&
             (ignore === 'severity' || severities[element.dataset.severity] !== false);
    }
    document.querySelectorAll('[data-finding]').forEach(function (element) {
      element.classList.toggle('filtered', !visible(element));
    });
    document.querySelectorAll('section.article').forEach(setTabStops);
    document.querySelectorAll('[data-count]').forEach(function (counter) {
      var want = counter.dataset, bySeverity = {}, total = 0;
      entries.forEach(function (entry) {
        var has = entry.dataset;
        if ((want.rule && has.rule !== want.rule) || (want.severity && has.severity !== want.severity) ||
            (want.file && has.file !== want.file) || (want.place && has.place !== want.place) ||
            !visible(entry, want.ignore)) { return; }
        bySeverity[has.severity] = (bySeverity[has.severity] || 0) + 1;
        total += 1;
      });
      if (want.count === 'counts') {
        if (want.inputErrors) { bySeverity['input error'] = Number(want.inputErrors); }
        counter.textContent = countsText(bySeverity);
      } else {
        counter.textContent = String(total);
      }
    });
    var hidden = entries.filter(function (entry) { return entry.classList.contains('filtered'); }).length;
    status.textContent = hidden ? 'The filters hide ' + hidden + ' of ' + entries.length + ' findings.' : '';
  }

  function setTabStops(section) {  // the highlights of the open tab's kind take the focus, filtered ones not
    var claims = section.classList.contains('claims-shown');
    section.querySelectorAll('mark[id]').forEach(function (mark) {
      var own = mark.classList.contains('claim') ? claims : !claims && !mark.classList.contains('filtered');
      mark.tabIndex = own ? 0 : -1;
    });
  }

  function selectTab(tab, focus) {
    tab.closest('[role=tablist]').querySelectorAll('[role=tab]').forEach(function (other) {
      var selected = other === tab;
      other.setAttribute('aria-selected', selected ? 'true' : 'false');
      other.tabIndex = selected ? 0 : -1;
      document.getElementById(other.getAttribute('aria-controls')).hidden = !selected;
    });
    var section = tab.closest('section.article');
    section.classList.toggle('claims-shown', /claims$/.test(tab.getAttribute('aria-controls')));
    setTabStops(section);
    if (focus) { tab.focus(); }
  }

  function reveal(element) {
    var details = element.closest('details') || element.querySelector('details');
    if (details && !details.open) { details.open = true; }
    var panel = element.closest('[role=tabpanel]');
    if (panel && panel.hidden) { selectTab(document.getElementById(panel.getAttribute('aria-labelledby')), false); }
  }

  function go(id) {
    var target = document.getElementById(id);
    if (!target) { return false; }
    reveal(target);
    if (location.hash !== '#' + id) { location.hash = id; }
    var focusable = target.matches('section') ? target.querySelector('summary') : target;
    if (focusable && (focusable.tabIndex >= 0 || focusable.matches('a, summary'))) { focusable.focus(); }
    return true;
  }

  function highlightOf(entry) {
    var mark = document.getElementById('hl-' + entry.id);
    return mark && !mark.classList.contains('filtered') ? mark : null;
  }

  function markAt(target) {  // the highlight clicked: a claim's while the Claims tab is open
    var section = target.closest('section.article');
    var claims = section && section.classList.contains('claims-shown');
    var mark = target.closest(claims ? 'mark.claim' : 'mark.hl');
    return mark && !mark.classList.contains('filtered') ? mark : null;
  }

  form.addEventListener('change', applyFilters);
  document.addEventListener('click', function (event) {
    var expand = event.target.closest('[data-expand]');
    if (expand) {
      document.querySelectorAll('details.article-details').forEach(function (details) {
        details.open = expand.dataset.expand === 'open';
      });
      return;
    }
    var tab = event.target.closest('[role=tab]');
    if (tab) { selectTab(tab, true); return; }
    var link = event.target.closest('a[href^="#"]');
    if (link) {
      if (go(decodeURIComponent(link.getAttribute('href').slice(1)))) { event.preventDefault(); }
      return;
    }
    var mark = markAt(event.target);
    if (mark && !event.target.closest('a[href]')) { go(mark.dataset.claim || mark.dataset.finding); }
  });
  document.addEventListener('keydown', function (event) {
    var element = event.target;
    var tab = element.closest && element.closest('[role=tab]');
    if (tab) {
      var tabs = Array.prototype.slice.call(tab.closest('[role=tablist]').querySelectorAll('[role=tab]'));
      var index = tabs.indexOf(tab), next = null;
      if (event.key === 'ArrowRight') { next = tabs[(index + 1) % tabs.length]; }
      if (event.key === 'ArrowLeft') { next = tabs[(index - 1 + tabs.length) % tabs.length]; }
      if (event.key === 'Home') { next = tabs[0]; }
      if (event.key === 'End') { next = tabs[tabs.length - 1]; }
      if (next) { event.preventDefault(); selectTab(next, true); }
      return;
    }
    if (event.key !== 'Enter' && event.key !== ' ') { return; }
    if (element.matches('mark[id]')) {
      event.preventDefault();
      go(element.dataset.claim || element.dataset.finding);
    } else if (element.matches('li.finding, li.claim') && highlightOf(element)) {
      event.preventDefault();
      go('hl-' + element.id);
    }
  });
  if (location.hash) {
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target) { reveal(target); target.scrollIntoView(); }
  }
  applyFilters();
})();
