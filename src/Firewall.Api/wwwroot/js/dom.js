// DOM helpers that only ever create text nodes from data: event content is hostile, never parsed as HTML.

/** An element with attributes and children; strings become text nodes. */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  element.append(...children.filter((child) => child !== null && child !== undefined).map(asNode));
  return element;
}

/** An SVG element with attributes and children. */
export function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, String(value));
  }
  element.append(...children.map(asNode));
  return element;
}

function asNode(child) {
  return child instanceof Node ? child : document.createTextNode(String(child));
}

/** A severity as text in a coloured badge: the word is always there, colour is never the only cue. */
export function severityBadge(severity) {
  return el('span', { class: `badge sev-${safeToken(severity)}` }, String(severity));
}

/** A value fit for a class name: anything unexpected becomes "unknown". */
export function safeToken(value) {
  return /^[a-z_]+$/.test(String(value)) ? String(value) : 'unknown';
}

export function formatTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : date.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });
}
