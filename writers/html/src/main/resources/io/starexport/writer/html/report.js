(function () {
  'use strict';
  var PAGE = 100;
  var columns = JSON.parse(document.getElementById('columns').textContent);
  var rows = [];
  var blocks = document.querySelectorAll('script.rows');
  for (var b = 0; b < blocks.length; b++) {
    var block = JSON.parse(blocks[b].textContent);
    for (var r = 0; r < block.length; r++) { rows.push(block[r]); }
  }
  var searchable = [];
  columns.forEach(function (column, i) {
    if (column.type === 'text' || column.type === 'long_text') { searchable.push(i); }
  });
  var collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  var numbers = new Intl.NumberFormat('en');
  var lowered = null;
  var view = rows.slice();
  var page = 0;
  var sortColumn = -1;
  var descending = false;

  var section = document.getElementById('table');
  var controls = element('div', 'controls');
  var search = document.createElement('input');
  search.type = 'search';
  search.placeholder = 'Search ' + numbers.format(rows.length) + ' rows';
  search.setAttribute('aria-label', 'Search');
  var previous = button('‹ Previous', function () { page--; render(); });
  var next = button('Next ›', function () { page++; render(); });
  var status = element('span', 'status');
  status.setAttribute('aria-live', 'polite');
  controls.append(search, previous, next, status);
  var table = document.createElement('table');
  var head = table.createTHead().insertRow();
  columns.forEach(function (column, i) {
    var th = document.createElement('th');
    th.textContent = column.label;
    th.scope = 'col';
    th.addEventListener('click', function () { sortBy(i); });
    head.appendChild(th);
  });
  var body = table.createTBody();
  section.append(controls, table);

  var timer = 0;
  search.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(filter, rows.length > 20000 ? 250 : 60);
  });

  function element(tag, className) {
    var node = document.createElement(tag);
    node.className = className;
    return node;
  }

  function button(label, action) {
    var node = document.createElement('button');
    node.type = 'button';
    node.textContent = label;
    node.addEventListener('click', action);
    return node;
  }

  function haystacks() {
    if (lowered === null) {
      lowered = rows.map(function (row) {
        return searchable.map(function (i) { return row[i] || ''; }).join('\n').toLowerCase();
      });
    }
    return lowered;
  }

  function filter() {
    var query = search.value.trim().toLowerCase();
    if (query === '') {
      view = rows.slice();
    } else {
      var texts = haystacks();
      view = [];
      for (var i = 0; i < rows.length; i++) {
        if (texts[i].indexOf(query) !== -1) { view.push(rows[i]); }
      }
    }
    sort();
    page = 0;
    render();
  }

  function sortBy(i) {
    descending = sortColumn === i ? !descending : columns[i].type === 'number' || columns[i].type === 'date';
    sortColumn = i;
    for (var c = 0; c < head.cells.length; c++) {
      if (c === i) { head.cells[c].setAttribute('aria-sort', descending ? 'descending' : 'ascending'); }
      else { head.cells[c].removeAttribute('aria-sort'); }
    }
    sort();
    page = 0;
    render();
  }

  function sort() {
    if (sortColumn < 0) { return; }
    var i = sortColumn;
    var numeric = columns[i].type === 'number' || columns[i].type === 'date';
    var sign = descending ? -1 : 1;
    view.sort(function (a, b) {
      var x = a[i], y = b[i];
      if (x === null || x === '') { return y === null || y === '' ? 0 : 1; }
      if (y === null || y === '') { return -1; }
      return sign * (numeric ? x - y : collator.compare(x, y));
    });
  }

  function cell(value, type) {
    var td = element('td', type);
    if (value === null || value === '') { return td; }
    if (type === 'date') {
      td.textContent = new Date(value).toISOString().slice(0, 16).replace('T', ' ');
    } else if (type === 'number') {
      td.textContent = numbers.format(value);
    } else if (type === 'link') {
      if (/^https?:\/\//i.test(value)) {
        var a = document.createElement('a');
        a.href = value;
        a.rel = 'noopener noreferrer nofollow';
        a.target = '_blank';
        a.textContent = 'open';
        td.appendChild(a);
      }
    } else {
      td.textContent = value;
    }
    return td;
  }

  function render() {
    var pages = Math.max(1, Math.ceil(view.length / PAGE));
    page = Math.min(Math.max(page, 0), pages - 1);
    var start = page * PAGE;
    var end = Math.min(start + PAGE, view.length);
    var fragment = document.createDocumentFragment();
    for (var r = start; r < end; r++) {
      var tr = document.createElement('tr');
      for (var c = 0; c < columns.length; c++) { tr.appendChild(cell(view[r][c], columns[c].type)); }
      fragment.appendChild(tr);
    }
    body.replaceChildren(fragment);
    previous.disabled = page === 0;
    next.disabled = page >= pages - 1;
    status.textContent = view.length === 0 ? 'No matching rows'
      : 'Rows ' + numbers.format(start + 1) + '–' + numbers.format(end) + ' of ' + numbers.format(view.length)
        + (view.length < rows.length ? ' (filtered from ' + numbers.format(rows.length) + ')' : '');
  }

  render();
})();
