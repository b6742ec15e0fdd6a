namespace GovTextExtract.Review;

/// <summary>The inline scripts of the review pages. They read the page's JSON island and the marks' <c>data-s</c>
/// names; they write document text only through <c>textContent</c>, never as markup. The page's policy names each
/// script by its SHA-256.</summary>
internal static class ReviewScript
{
    /// <summary>Sorting, filtering, selection, the record card and the keys of a review page.</summary>
    public const string Page = """
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('review-data').textContent);
  var records = data.records;
  var tbody = document.querySelector('#table tbody');
  var byRecord = [];
  Array.prototype.forEach.call(tbody.rows, function (row) { byRecord[+row.getAttribute('data-r')] = row; });
  var tip = document.getElementById('tip');
  var live = document.getElementById('live');
  var shown = document.getElementById('shown');
  var fStatus = document.getElementById('f-status');
  var fFlag = document.getElementById('f-flag');
  var fConf = document.getElementById('f-conf');
  var statusOrder = { exceeded: 0, met: 1, not_met: 2, pending: 3, unknown: 4 };
  var roleNames = { t: 'target', a: 'actual', r: 'stated rate', f: 'flag evidence' };
  var collator = new Intl.Collator('zh');
  var selected = -1;
  var lit = [];
  var marksByRecord = null;

  // record index -> its marks, built once, on first use or when the browser is idle
  function marks() {
    if (marksByRecord) return marksByRecord;
    marksByRecord = new Map();
    var all = document.querySelectorAll('.text mark[data-s]');
    for (var k = 0; k < all.length; k++) {
      var tokens = all[k].getAttribute('data-s').split(' ');
      var last = -1;
      for (var t = 0; t < tokens.length; t++) {
        var r = parseInt(tokens[t], 10);
        if (r === last) continue;
        last = r;
        var list = marksByRecord.get(r);
        if (!list) marksByRecord.set(r, list = []);
        list.push(all[k]);
      }
    }
    return marksByRecord;
  }
  if (window.requestIdleCallback) window.requestIdleCallback(function () { marks(); });

  function announce(text) { live.textContent = text; }
  function pct(v) { return v === null || v === undefined ? 'none' : v + '%'; }
  function describe(i) {
    var r = records[i];
    return 'Record ' + (i + 1) + ': ' + r.ind + ', ' + r.st.replace('_', ' ') +
      (r.f.length ? ', flags ' + r.f.map(function (f) { return f.c; }).join(', ') : ', no flags');
  }

  function setRoving(row) {
    var current = tbody.querySelector('tr[tabindex="0"]');
    if (current && current !== row) current.tabIndex = -1;
    row.tabIndex = 0;
  }

  function select(i, focusRow) {
    for (var k = 0; k < lit.length; k++) { lit[k].classList.remove('hl'); lit[k].removeAttribute('tabindex'); }
    if (selected >= 0) { byRecord[selected].classList.remove('sel'); byRecord[selected].setAttribute('aria-selected', 'false'); }
    selected = i;
    var row = byRecord[i];
    row.classList.add('sel');
    row.setAttribute('aria-selected', 'true');
    setRoving(row);
    if (focusRow) row.focus({ preventScroll: true });
    row.scrollIntoView({ block: 'nearest' });
    // not under the sticky header
    var head = tbody.parentNode.tHead.getBoundingClientRect(), box = row.getBoundingClientRect();
    if (box.top < head.bottom) row.closest('.table-wrap').scrollTop -= head.bottom - box.top;
    lit = marks().get(i) || [];
    var first = {};
    for (var m = 0; m < lit.length; m++) {
      lit[m].classList.add('hl');
      lit[m].tabIndex = 0;
      // in each text, the record's first target, actual or rate figure (flag evidence only when it has none)
      var pane = lit[m].closest('.text').id;
      var primary = lit[m].getAttribute('data-s').split(' ').some(function (t) { return parseInt(t, 10) === i && /[tar]$/.test(t); });
      if (!first[pane] || (primary && !first[pane].primary)) first[pane] = { mark: lit[m], primary: primary };
    }
    Object.keys(first).forEach(function (pane) { reveal(first[pane].mark); });
    announce(describe(i) + (lit.length ? '' : '; its figures are not marked in the text'));
  }

  // centres a figure in its text pane; scrolls the page only as far as needed to show it. Chunks of text skipped
  // until now (content-visibility) are laid out once they come into view and may move the figure: it is placed
  // again on the next two frames.
  function reveal(mark) {
    place(mark);
    requestAnimationFrame(function () { place(mark); requestAnimationFrame(function () { place(mark); }); });
  }

  function place(mark) {
    var pane = mark.closest('.text');
    var c = pane.getBoundingClientRect(), r = mark.getBoundingClientRect();
    pane.scrollTop += (r.top - c.top) - (pane.clientHeight - r.height) / 2;
    r = mark.getBoundingClientRect();
    if (r.top < 0 || r.bottom > window.innerHeight) mark.scrollIntoView({ block: 'nearest' });
  }

  function visibleRows() {
    return Array.prototype.filter.call(tbody.rows, function (row) { return !row.hidden; });
  }

  function move(step, flaggedOnly) {
    var rows = visibleRows();
    var at = selected >= 0 ? rows.indexOf(byRecord[selected]) : -1;
    if (at < 0 && step < 0) at = rows.length;
    for (var k = at + step; k >= 0 && k < rows.length; k += step) {
      if (!flaggedOnly || rows[k].classList.contains('flagged')) { select(+rows[k].getAttribute('data-r'), true); return; }
    }
    announce(flaggedOnly ? 'No further flagged record that way' : 'No further record that way');
  }

  // sorting
  function sortValue(i, key) {
    var r = records[i];
    switch (key) {
      case 'i': return i;
      case 'st': return statusOrder[r.st];
      case 'w': return r.f.length ? r.w * 10000 + r.f.length : null;
      default: return r[key] === undefined ? null : r[key];
    }
  }
  function sortBy(button) {
    var th = button.parentNode;
    var key = button.getAttribute('data-key');
    var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
    Array.prototype.forEach.call(document.querySelectorAll('#table th'), function (h) { h.setAttribute('aria-sort', 'none'); });
    th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
    var order = records.map(function (_, i) { return i; });
    order.sort(function (x, y) {
      var a = sortValue(x, key), b = sortValue(y, key);
      if (a === null || b === null) return a === b ? x - y : a === null ? 1 : -1;
      var c = typeof a === 'string' ? collator.compare(a, b) : a - b;
      return c !== 0 ? c * dir : x - y;
    });
    var fragment = document.createDocumentFragment();
    for (var k = 0; k < order.length; k++) fragment.appendChild(byRecord[order[k]]);
    tbody.appendChild(fragment);
    announce('Sorted by ' + button.textContent + (dir > 0 ? ', ascending' : ', descending'));
  }

  // filtering
  function confidenceBand(c) { return c >= 0.8 ? 'high' : c >= 0.5 ? 'medium' : 'low'; }
  function applyFilters() {
    var status = fStatus.value, flag = fFlag.value, conf = fConf.value, count = 0;
    for (var i = 0; i < records.length; i++) {
      var r = records[i];
      var ok = (!status || r.st === status) &&
        (!flag || (flag === '*' ? r.f.length > 0 : flag === '-' ? r.f.length === 0 : r.f.some(function (f) { return f.c === flag; }))) &&
        (!conf || confidenceBand(r.c) === conf);
      byRecord[i].hidden = !ok;
      if (ok) count++;
    }
    shown.textContent = count + ' of ' + records.length + ' records';
  }
  [fStatus, fFlag, fConf].forEach(function (s) { s.addEventListener('change', applyFilters); });

  // the record card, on hover or focus of a marked figure
  function showTip(mark) {
    while (tip.firstChild) tip.removeChild(tip.firstChild);
    var tokens = mark.getAttribute('data-s').split(' ');
    var roles = {};
    tokens.forEach(function (t) {
      var r = parseInt(t, 10);
      (roles[r] = roles[r] || []).push(roleNames[t.replace(/^[0-9]+/, '').charAt(0)]);
    });
    Object.keys(roles).forEach(function (key) {
      var i = +key, r = records[i];
      var box = document.createElement('div');
      box.className = 'rec';
      var head = document.createElement('div');
      var name = document.createElement('b');
      name.textContent = '#' + (i + 1) + ' ' + r.ind;
      head.appendChild(name);
      head.appendChild(document.createTextNode(' (' + roles[key].join(', ') + ')'));
      box.appendChild(head);
      var line = document.createElement('div');
      line.textContent = 'target ' + (r.tt || 'none') + ' · actual ' + (r.at || 'none');
      box.appendChild(line);
      line = document.createElement('div');
      line.textContent = 'stated ' + pct(r.sr) + ' · computed ' + pct(r.cr) + ' · ' + r.st.replace('_', ' ') + ' · confidence ' + r.c;
      box.appendChild(line);
      r.f.forEach(function (f) {
        var fl = document.createElement('div');
        fl.className = 's' + f.r;
        fl.textContent = f.s + ' ' + f.c + ': ' + f.m;
        box.appendChild(fl);
      });
      tip.appendChild(box);
    });
    tip.hidden = false;
    var rect = mark.getBoundingClientRect();
    var top = rect.bottom + 6;
    if (top + tip.offsetHeight > window.innerHeight) top = Math.max(4, rect.top - tip.offsetHeight - 6);
    tip.style.top = top + 'px';
    tip.style.left = Math.max(4, Math.min(rect.left, window.innerWidth - tip.offsetWidth - 8)) + 'px';
    mark.setAttribute('aria-describedby', 'tip');
  }
  function hideTip() { tip.hidden = true; }
  function markOf(node) { return node && node.closest ? node.closest('.text mark[data-s]') : null; }
  document.addEventListener('mouseover', function (e) { var m = markOf(e.target); if (m) showTip(m); });
  document.addEventListener('mouseout', function (e) {
    var m = markOf(e.target);
    if (m && markOf(e.relatedTarget) !== m) hideTip();
  });
  document.addEventListener('focusin', function (e) { var m = markOf(e.target); if (m) showTip(m); else hideTip(); });

  document.addEventListener('click', function (e) {
    var target = e.target;
    var m = markOf(target);
    if (m) { select(parseInt(m.getAttribute('data-s'), 10), false); return; }
    var row = target.closest && target.closest('#table tbody tr');
    if (row) { select(+row.getAttribute('data-r'), true); return; }
    var sort = target.closest && target.closest('#table th button');
    if (sort) { sortBy(sort); return; }
    var link = target.closest && target.closest('#summary a[data-r]');
    if (link) { e.preventDefault(); select(+link.getAttribute('data-r'), true); return; }
    var status = target.closest && target.closest('#summary button[data-status]');
    if (status) { fStatus.value = status.getAttribute('data-status'); applyFilters(); return; }
    var flag = target.closest && target.closest('#summary button[data-flag]');
    if (flag) { fFlag.value = flag.getAttribute('data-flag'); applyFilters(); }
  });

  // a link to a record (page.html#r12) selects it
  var linked = /^#r([0-9]+)$/.exec(location.hash);
  if (linked && byRecord[+linked[1]]) {
    // again once loaded: the browser's own jump to the fragment would otherwise scroll the summary away
    var go = function () { window.scrollTo(0, 0); select(+linked[1], true); };
    go();
    window.addEventListener('load', function () { setTimeout(go, 0); });
  }

  tbody.addEventListener('keydown', function (e) {
    var row = e.target.closest('tr');
    if (!row) return;
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); select(+row.getAttribute('data-r'), true); }
    else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      var rows = visibleRows();
      var next = rows[rows.indexOf(row) + (e.key === 'ArrowDown' ? 1 : -1)];
      if (next) { setRoving(next); next.focus(); }
    }
  });

  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var tag = e.target.tagName;
    if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') return;
    switch (e.key) {
      case 'n': move(1, true); break;
      case 'p': move(-1, true); break;
      case 'j': move(1, false); break;
      case 'k': move(-1, false); break;
      case 'f': if (lit.length) lit[0].focus(); else announce('Select a record first'); break;
      case 'Escape':
        hideTip();
        if (markOf(document.activeElement) && selected >= 0) byRecord[selected].focus();
        break;
      default: return;
    }
  });
})();
""";

    /// <summary>Sorting of the index of a batch's review pages.</summary>
    public const string Index = """
(function () {
  'use strict';
  var table = document.getElementById('index');
  var tbody = table.tBodies[0];
  var collator = new Intl.Collator('zh', { numeric: true });
  table.tHead.addEventListener('click', function (e) {
    var button = e.target.closest('button');
    if (!button) return;
    var th = button.parentNode;
    var column = Array.prototype.indexOf.call(th.parentNode.children, th);
    var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.setAttribute('aria-sort', 'none'); });
    th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
    var rows = Array.prototype.slice.call(tbody.rows);
    rows.sort(function (x, y) {
      var a = x.cells[column].getAttribute('data-v'), b = y.cells[column].getAttribute('data-v');
      var c = th.classList.contains('n') ? (+a) - (+b) : collator.compare(a, b);
      return c * dir;
    });
    rows.forEach(function (row) { tbody.appendChild(row); });
  });
})();
""";
}
