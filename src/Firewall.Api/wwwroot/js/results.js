// The events table: rows as text only, keyset "load more", and live rows marked as new.
import { el, formatTime, severityBadge } from './dom.js';

/** Renders events into the table; `onOpen(id)` opens an event's detail. */
export class ResultsTable {
  constructor(table, onOpen) {
    this.body = table.tBodies[0];
    this.onOpen = onOpen;
    this.shown = new Set();
  }

  clear() {
    this.body.replaceChildren();
    this.shown.clear();
  }

  get count() {
    return this.body.rows.length;
  }

  /** Appends a page at the bottom (newest first order is the API's). */
  append(events) {
    for (const event of events) {
      if (!this.shown.has(event.id)) {
        this.body.append(this.row(event));
      }
    }
  }

  /** Puts an event from the live tail on top, highlighted; a repeat of a shown event is ignored. */
  prependLive(event) {
    if (this.shown.has(event.id)) {
      return;
    }
    const row = this.row(event);
    row.classList.add('live-new');
    row.cells[0].append(el('span', { class: 'new-marker' }, 'new'));
    this.body.prepend(row);
  }

  row(event) {
    this.shown.add(event.id);
    const open = el('button', { type: 'button', class: 'link', 'aria-label': `Open event ${event.id}` }, formatTime(event.occurredAt));
    open.addEventListener('click', () => this.onOpen(event.id));
    return el('tr', { 'data-id': event.id },
      el('td', {}, open),
      el('td', {}, severityBadge(event.severity)),
      el('td', {}, event.type),
      el('td', { class: 'wide' }, event.category),
      el('td', { class: 'num' }, event.riskScore),
      el('td', { class: 'wide' }, event.agentId),
      el('td', { class: 'wide' }, event.action),
      el('td', { class: 'content' }, preview(event)));
  }
}

/** A row's text: the content's excerpt (a page carries no more), marked when the detail view holds the rest. */
function preview(event) {
  const text = event.content ?? event.message ?? '';
  return event.contentTruncated ? `${text}…` : text;
}
