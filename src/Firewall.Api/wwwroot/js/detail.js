// One event in a dialog: every field as text, findings as a table, redaction markers made visible.
import { el, severityBadge } from './dom.js';
import { categoryLabel } from './taxonomy.js';

const redaction = /(\[REDACTED:[A-Za-z0-9_]+\])/;

/** The detail view's body for a stored event (as GET /api/v1/events/{id} returns it). */
export function renderDetail(event) {
  const source = event.source ?? {};
  const facts = [
    ['Server id', event.id],
    ['Event id', event.eventId],
    ['Occurred', event.occurredAt],
    ['Received', event.receivedAt],
    ['Severity', severityBadge(event.severity)],
    ['Agent severity', event.agentSeverity],
    ['Category', categoryLabel(event.category)],
    ['Risk score', riskMeter(event.riskScore)],
    ['Type', event.type],
    ['Action', event.action],
    ['Agent', event.agentId],
    ['Confidence', event.confidence],
    ['Model', event.model],
    ['Source IP', source.ip],
    ['User', source.userId],
    ['Session', source.sessionId],
    ['Redactions', event.redactions],
    ['Rule set', event.ruleSetVersion],
  ].filter(([, value]) => value !== undefined && value !== null);

  return [
    el('dl', { class: 'facts' }, ...facts.flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, value)])),
    ...(event.message ? [el('h3', {}, 'Message'), el('p', { class: 'message' }, withRedactions(event.message))] : []),
    ...(event.content ? [el('h3', {}, 'Content'), el('pre', { class: 'event-content' }, withRedactions(event.content))] : []),
    el('h3', {}, `Findings (${event.findings?.length ?? 0})`),
    findingsTable(event.findings ?? []),
    ...attributesList(event.attributes),
  ];
}

function riskMeter(score) {
  return el('span', { class: 'risk' },
    el('meter', { min: 0, max: 100, low: 40, high: 70, optimum: 0, value: score, 'aria-label': 'Risk score' }),
    ` ${score} / 100`);
}

/** Text with each [REDACTED:kind] marker in a <mark>: a fragment of text nodes, never parsed markup. */
export function withRedactions(text) {
  const fragment = document.createDocumentFragment();
  for (const part of String(text).split(redaction).filter(Boolean)) {
    fragment.append(redaction.test(part) ? el('mark', { class: 'redaction' }, part) : document.createTextNode(part));
  }
  return fragment;
}

function findingsTable(findings) {
  if (findings.length === 0) {
    return el('p', { class: 'hint' }, 'No findings.');
  }
  const head = el('tr', {}, ...['Rule', 'Detector', 'Category', 'Severity', 'Count'].map((name) => el('th', { scope: 'col' }, name)));
  const rows = findings.map((f) => el('tr', {},
    el('td', {}, f.rule), el('td', {}, f.detector), el('td', {}, categoryLabel(f.category)),
    el('td', {}, severityBadge(f.severity)), el('td', { class: 'num' }, f.count)));
  return el('div', { class: 'table-scroll' }, el('table', { class: 'findings' }, el('thead', {}, head), el('tbody', {}, ...rows)));
}

function attributesList(attributes) {
  const entries = Object.entries(attributes ?? {});
  if (entries.length === 0) {
    return [];
  }
  return [
    el('h3', {}, 'Attributes'),
    el('dl', { class: 'facts' }, ...entries.flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, JSON.stringify(value))])),
  ];
}
