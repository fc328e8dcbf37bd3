// The severity-over-time chart from /api/v1/stats: stacked SVG bars, one colour-blind-safe colour per severity
// (css/console.css), with a legend of totals as text and a tooltip per bar segment, so colour is never the only cue.
import { el, formatTime, svg } from './dom.js';
import { severities } from './taxonomy.js';

const width = 800;
const height = 240;
const left = 44;
const bottom = 28;
const top = 8;

/** Draws `stats` (the /api/v1/stats body) into `container` and its totals into `legend`. */
export function drawChart(container, legend, stats) {
  const series = stats.series ?? [];
  const peak = Math.max(1, ...series.map((b) => sum(Object.values(b.counts))));
  const plotHeight = height - top - bottom;
  const slot = (width - left) / Math.max(1, series.length);
  const total = sum(Object.values(stats.totals ?? {}));

  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'bars',
    'aria-label': `${total} events in ${series.length} buckets of ${stats.bucket}, stacked by severity`,
  });
  // A middle line only where it falls on a whole count (an odd peak would label it with a rounded, repeated number).
  for (const fraction of peak % 2 === 0 ? [0, 0.5, 1] : [0, 1]) {
    const y = top + plotHeight * (1 - fraction);
    chart.append(
      svg('line', { x1: left, x2: width, y1: y, y2: y, class: 'grid' }),
      svg('text', { x: left - 6, y: y + 4, class: 'axis', 'text-anchor': 'end' }, Math.round(peak * fraction)));
  }

  series.forEach((bucket, index) => {
    let stacked = 0;
    for (const severity of severities) {
      const count = bucket.counts[severity] ?? 0;
      if (count === 0) {
        continue;
      }
      const barHeight = (count / peak) * plotHeight;
      stacked += barHeight;
      chart.append(svg('rect', {
        x: left + index * slot + slot * 0.1, width: Math.max(1, slot * 0.8),
        y: top + plotHeight - stacked, height: barHeight, class: `bar sev-${severity}`,
      }, svg('title', {}, `${formatTime(bucket.start)}: ${count} ${severity}`)));
    }
  });

  // Time axis: the first bucket's start, the middle one's and the last one's, anchored so none runs off the edge.
  if (series.length > 0) {
    const middle = Math.floor((series.length - 1) / 2);
    const ticks = [[0, left, 'start'], [middle, left + (middle + 0.5) * slot, 'middle'], [series.length - 1, width, 'end']];
    for (const [index, x, anchor] of series.length > 2 ? ticks : ticks.slice(0, 1)) {
      chart.append(svg('text', { x, y: height - 8, class: 'axis', 'text-anchor': anchor }, axisTime(series[index].start)));
    }
  }

  container.replaceChildren(chart);
  legend.replaceChildren(...severities.map((severity) => el('li', { class: 'legend-item' },
    el('span', { class: `swatch sev-${severity}`, 'aria-hidden': 'true' }),
    `${severity}: ${stats.totals?.[severity] ?? 0}`)));
}

function sum(values) {
  return values.reduce((a, b) => a + b, 0);
}

function axisTime(iso) {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
}
