// Building the page from data without ever parsing it as HTML: every value
// becomes a text node or an attribute set through the DOM, so a spam body
// such as "<img src=x onerror=...>" is shown, never run. Nothing in the
// dashboard uses innerHTML.

// h('a', {href: '#/x', class: 'link'}, 'text', child, [more children])
export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  setAttributes(element, attributes);
  append(element, children);
  return element;
}

const SVG = 'http://www.w3.org/2000/svg';

export function svg(tag, attributes, ...children) {
  const element = document.createElementNS(SVG, tag);
  setAttributes(element, attributes);
  append(element, children);
  return element;
}

function setAttributes(element, attributes) {
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'href' && !isSafeHref(String(value))) {
      // Only links the dashboard makes itself; never javascript: or data:.
      continue;
    } else {
      element.setAttribute(name, String(value));
    }
  }
}

function isSafeHref(href) {
  return href.startsWith('#/');
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(element) {
  while (element.firstChild) element.removeChild(element.firstChild);
}

export function percent(share) {
  return `${(100 * share).toFixed(1)}%`;
}

export function count(n) {
  return Number(n).toLocaleString('en-US');
}

// A table: columns are [heading, (row) => cell content, optional class].
export function table(columns, rows, attributes = {}) {
  return h('table', attributes,
    h('thead', {}, h('tr', {}, columns.map(([heading, , cls]) => h('th', {class: cls}, heading)))),
    h('tbody', {}, rows.map((row) =>
      h('tr', {}, columns.map(([, cell, cls]) => h('td', {class: cls}, cell(row)))))));
}
