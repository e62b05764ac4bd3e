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
  var HIDDEN = ['id', 'parent', 'depth'];
  var MARKDOWN_TAGS = ['p', 'em', 'strong', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'br', 'hr'];
  var idColumn = typeIndex('id'), parentColumn = typeIndex('parent'), depthColumn = typeIndex('depth');
  var visible = [];
  var searchable = [];
  columns.forEach(function (column, i) {
    if (HIDDEN.indexOf(column.type) === -1) { visible.push(i); }
    if (column.type === 'text' || column.type === 'long_text') { searchable.push(i); }
  });
  var collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  var numbers = new Intl.NumberFormat('en');
  var lowered = null;
  var view = threaded(rows);
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
  visible.forEach(function (i) {
    var column = columns[i];
    var th = document.createElement('th');
    th.textContent = column.label;
    th.scope = 'col';
    th.addEventListener('click', function () { sortBy(i); });
    head.appendChild(th);
  });
  var body = table.createTBody();
  var scroller = element('div', 'scroll');
  scroller.appendChild(table);
  section.append(controls, scroller);

  var timer = 0;
  search.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(filter, rows.length > 20000 ? 250 : 60);
  });

  function typeIndex(type) {
    for (var i = 0; i < columns.length; i++) { if (columns[i].type === type) { return i; } }
    return -1;
  }

  /** Each reply right after its parent (and the parent's earlier replies); the rest in their own order. */
  function threaded(list) {
    if (parentColumn < 0 || sortColumn >= 0) { return list; }
    var present = new Map();
    list.forEach(function (row) { present.set(row[idColumn], row); });
    var children = new Map();
    var roots = [];
    list.forEach(function (row) {
      var parent = row[parentColumn];
      if (parent && parent !== row[idColumn] && present.has(parent)) {
        if (!children.has(parent)) { children.set(parent, []); }
        children.get(parent).push(row);
      } else {
        roots.push(row);
      }
    });
    var ordered = [];
    var seen = new Set();
    var stack = roots.slice().reverse();
    while (stack.length > 0) {
      var row = stack.pop();
      if (seen.has(row)) { continue; }
      seen.add(row);
      ordered.push(row);
      var kids = children.get(row[idColumn]) || [];
      for (var k = kids.length - 1; k >= 0; k--) { stack.push(kids[k]); }
    }
    // Rows in a parent cycle (bad data) are never reached from a root; keep them anyway.
    list.forEach(function (row) { if (!seen.has(row)) { ordered.push(row); } });
    return ordered;
  }

  /** A cell's text: the value itself, or the text of a Markdown tree ([tag, href, children...] arrays). */
  function plain(value) {
    if (value === null || value === undefined) { return ''; }
    if (!Array.isArray(value)) { return String(value); }
    return value.map(function (node) {
      return Array.isArray(node) ? plain(node.slice(2)) + (node[0] === 'p' || node[0] === 'li' ? '\n' : '') : node;
    }).join('');
  }

  /** Builds a Markdown tree with DOM calls: allowed tags only, text as text nodes, http(s) links only. */
  function markdown(parent, nodes) {
    nodes.forEach(function (node) {
      if (!Array.isArray(node)) { parent.appendChild(document.createTextNode(node)); return; }
      var tag = MARKDOWN_TAGS.indexOf(node[0]) === -1 ? 'span' : node[0];
      var child = document.createElement(tag);
      if (tag === 'a') {
        if (!/^https?:\/\//i.test(node[1])) { markdown(parent, node.slice(2)); return; }
        child.href = node[1];
        child.rel = 'noopener noreferrer nofollow';
        child.target = '_blank';
      }
      markdown(child, node.slice(2));
      parent.appendChild(child);
    });
  }

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
        return searchable.map(function (i) { return plain(row[i]); }).join('\n').toLowerCase();
      });
    }
    return lowered;
  }

  function filter() {
    var query = search.value.trim().toLowerCase();
    if (query === '') {
      view = threaded(rows);
    } else {
      var texts = haystacks();
      view = [];
      for (var i = 0; i < rows.length; i++) {
        if (texts[i].indexOf(query) !== -1) { view.push(rows[i]); }
      }
      view = threaded(view);
    }
    sort();
    page = 0;
    render();
  }

  function sortBy(i) {
    descending = sortColumn === i ? !descending : columns[i].type === 'number' || columns[i].type === 'date';
    sortColumn = i;
    for (var c = 0; c < head.cells.length; c++) {
      if (visible[c] === i) { head.cells[c].setAttribute('aria-sort', descending ? 'descending' : 'ascending'); }
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
      return sign * (numeric ? x - y : collator.compare(plain(x), plain(y)));
    });
  }

  function cell(value, type) {
    var td = element('td', type);
    if (value === null || value === '') { return td; }
    if (Array.isArray(value)) {
      td.classList.add('markdown');
      markdown(td, value);
      return td;
    }
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
      var depth = depthColumn >= 0 && sortColumn < 0 ? Math.min(view[r][depthColumn] || 0, 6) : 0;
      for (var v = 0; v < visible.length; v++) {
        var c = visible[v];
        var td = cell(view[r][c], columns[c].type);
        if (depth > 0 && columns[c].type === 'long_text') { td.classList.add('depth-' + depth); }
        tr.appendChild(td);
      }
      fragment.appendChild(tr);
    }
    body.replaceChildren(fragment);
    previous.disabled = page === 0;
    next.disabled = page >= pages - 1;
    status.textContent = rows.length === 0 ? 'Nothing to show' : view.length === 0 ? 'No matching rows'
      : 'Rows ' + numbers.format(start + 1) + '–' + numbers.format(end) + ' of ' + numbers.format(view.length)
        + (view.length < rows.length ? ' (filtered from ' + numbers.format(rows.length) + ')' : '');
  }

  render();
})();
