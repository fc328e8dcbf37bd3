// The console's wiring: sign-in, filters, results, chart, detail and live tail.
import { getJson } from './api.js';
import { drawChart } from './chart.js';
import { renderDetail } from './detail.js';
import { el } from './dom.js';
import { populate, readFilters } from './filters.js';
import { LiveTail } from './live.js';
import { ResultsTable } from './results.js';
import { describeToken, forget, remember, storedToken, tokenFor } from './session.js';

const pageSize = 50;
const $ = (id) => document.getElementById(id);
const filters = $('filters');
const detail = $('detail');
const state = { token: null, run: 0, query: null, cursor: null, live: null };
const table = new ResultsTable($('events'), openDetail);

populate(filters);
filters.addEventListener('submit', (e) => { e.preventDefault(); refresh(); });
$('load-more').addEventListener('click', () => loadEvents(state.run, state.cursor));
$('live-tail').addEventListener('change', () => (($('live-tail').checked) ? startLive() : stopLive('')));
$('sign-out').addEventListener('click', () => signOut(''));
$('detail-close').addEventListener('click', () => detail.close());
$('credentials-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  try {
    signIn(await tokenFor($('client-id').value.trim(), $('client-secret').value));
  } catch (error) {
    showSignIn(error.message);
  }
});
$('token-form').addEventListener('submit', (e) => {
  e.preventDefault();
  signIn($('token').value.trim().replace(/^Bearer\s+/i, ''));
});

if (storedToken()) {
  signIn(storedToken());
} else {
  showSignIn('');
}

function signIn(token) {
  const claims = describeToken(token);
  if (!claims) {
    showSignIn('That is not a JSON Web Token (three base64url parts separated by dots).');
    return;
  }
  state.token = token;
  remember(token);
  $('sign-in').hidden = true;
  $('credentials-form').reset();
  $('token-form').reset();
  $('workspace').hidden = false;
  $('session').hidden = false;
  const until = claims.expires ? `, until ${claims.expires.toLocaleTimeString()}` : '';
  $('session-who').textContent = `${claims.subject} (${claims.roles.join(', ') || 'no role'})${until}`;
  refresh();
}

function signOut(message) {
  stopLive('');
  $('live-tail').checked = false;
  forget();
  state.token = null;
  state.run++;
  table.clear();
  showSignIn(message);
}

function showSignIn(message) {
  $('workspace').hidden = true;
  $('session').hidden = true;
  $('sign-in').hidden = false;
  $('sign-in-error').textContent = message;
  $('client-id').focus();
}

/** Runs the filters' queries afresh: the first page of events and the chart. */
function refresh() {
  const run = ++state.run;
  const queries = readFilters(filters);
  state.query = queries.events;
  $('query-error').textContent = '';
  loadEvents(run, null);
  loadStats(run, queries.stats);
  if ($('live-tail').checked) {
    startLive();
  }
}

async function loadEvents(run, cursor) {
  const params = new URLSearchParams(state.query);
  params.set('limit', String(pageSize));
  if (cursor) {
    params.set('cursor', cursor);
  }
  try {
    const result = await getJson(`/api/v1/events?${params}`, state.token);
    if (run !== state.run) {
      return;
    }
    if (!cursor) {
      table.clear();
    }
    table.append(result.data.items);
    state.cursor = result.data.nextCursor;
    $('load-more').hidden = !state.cursor;
    $('events-empty').hidden = table.count > 0;
    showStatus($('events-status'), result, `${table.count} shown`);
  } catch (error) {
    failed(run, error, $('query-error'));
  }
}

async function loadStats(run, params) {
  try {
    const result = await getJson(`/api/v1/stats?${params}`, state.token);
    if (run === state.run) {
      drawChart($('chart'), $('chart-legend'), result.data);
      showStatus($('stats-status'), result, `${result.data.bucket} buckets`);
    }
  } catch (error) {
    failed(run, error, $('query-error'));
  }
}

// A page carries only the start of each event's content: the detail view always reads the whole event by id.
async function openDetail(id) {
  $('detail-body').replaceChildren();
  $('detail-error').textContent = '';
  $('detail-status').replaceChildren();
  $('detail-title').textContent = `Event ${id}`;
  detail.showModal();
  try {
    const result = await getJson(`/api/v1/events/${encodeURIComponent(id)}`, state.token);
    $('detail-body').replaceChildren(...renderDetail(result.data));
    showStatus($('detail-status'), result, '');
  } catch (error) {
    failed(state.run, error, $('detail-error'));
  }
}

function startLive() {
  state.live?.stop();
  state.live = new LiveTail(state.token, (event) => {
    table.prependLive(event);
    $('events-empty').hidden = true;
  }, (text, stopped) => {
    $('live-status').textContent = text;
    if (stopped) {
      $('live-tail').checked = false;
    }
  });
  state.live.start(readFilters(filters).stream);
}

function stopLive(text) {
  state.live?.stop();
  state.live = null;
  $('live-status').textContent = text;
}

/** "X-Cache HIT · 3 ms · …": what the cache did and how long the query took, for every query. */
function showStatus(target, result, extra) {
  const cache = String(result.cache).toUpperCase();
  target.replaceChildren(
    'X-Cache ', el('span', { class: `cache cache-${cache.toLowerCase().replace(/[^a-z]/g, '')}` }, cache),
    ` · ${Math.round(result.elapsedMs)} ms`, extra ? ` · ${extra}` : '');
}

function failed(run, error, target) {
  if (error.status === 401 || error.status === 403) {
    signOut(error.message);
  } else if (run === state.run) {
    target.textContent = error.message ?? String(error);
  }
}
