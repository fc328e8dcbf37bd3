// The filter form: its controls, and the query parameters it stands for.
import { el } from './dom.js';
import { eventTypes, severities } from './taxonomy.js';

const presetMinutes = { '15m': 15, '1h': 60, '6h': 360, '24h': 1440, '7d': 10080 };
const minute = 60_000;
// The API's default window ends 6 minutes ahead (agents may stamp events up to 5 minutes in the future).
const ahead = 6 * minute;
const buckets = [['1m', minute], ['5m', 5 * minute], ['1h', 60 * minute], ['1d', 1440 * minute]];
const maxBars = 200;

/** Fills the form's option lists. */
export function populate(form) {
  const set = form.querySelector('#severity-set');
  for (const severity of severities) {
    const id = `severity-${severity}`;
    set.append(el('span', { class: 'check' },
      el('input', { type: 'checkbox', id, name: 'severity', value: severity }),
      el('label', { for: id }, severity)));
  }
  form.querySelector('#min-severity').append(...severities.map((s) => el('option', { value: s }, s)));
  form.querySelector('#event-type').append(...eventTypes.map((t) => el('option', { value: t }, t)));
  const custom = form.querySelector('#custom-range');
  form.querySelector('#time-preset').addEventListener('change', (e) => { custom.hidden = e.target.value !== 'custom'; });
}

/**
 * The form as queries: `events` and `stream` parameters, and the `stats` window with a bucket that keeps the chart
 * under 200 bars. Presets start on a whole minute, so the same query within a minute is the same cache entry.
 */
export function readFilters(form, now = Date.now()) {
  const data = new FormData(form);
  const filter = new URLSearchParams();
  const chosen = data.getAll('severity');
  if (chosen.length > 0) {
    filter.set('severity', chosen.join(','));
  }
  for (const name of ['minSeverity', 'type', 'agentId']) {
    const value = String(data.get(name) ?? '').trim();
    if (value) {
      filter.set(name, value);
    }
  }

  const window = timeWindow(data, now);
  const events = new URLSearchParams(filter);
  const stats = new URLSearchParams();
  for (const [name, value] of Object.entries(window)) {
    if (value !== null) {
      events.set(name, value.toISOString());
      stats.set(name, value.toISOString());
    }
  }
  const span = (window.to?.getTime() ?? Math.floor(now / minute) * minute + ahead) - window.from.getTime();
  stats.set('bucket', (buckets.find(([, length]) => span / length <= maxBars) ?? buckets.at(-1))[0]);
  return { events, stream: filter, stats };
}

function timeWindow(data, now) {
  const preset = String(data.get('time'));
  if (preset !== 'custom') {
    return { from: new Date(Math.floor(now / minute) * minute - presetMinutes[preset] * minute), to: null };
  }
  // datetime-local values are local wall-clock times; an empty "from" falls back to 24 hours before "to" or now.
  const to = data.get('to') ? new Date(String(data.get('to'))) : null;
  const from = data.get('from') ? new Date(String(data.get('from'))) : new Date((to?.getTime() ?? Math.floor(now / minute) * minute) - presetMinutes['24h'] * minute);
  return { from, to };
}
