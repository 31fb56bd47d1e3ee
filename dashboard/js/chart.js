// History charts (uPlot, from its webjar, copied to vendor/ by the build). The page works without it.
import { h } from './dom.js';

const PALETTE = ['#0969da', '#e16f24', '#1a7f37', '#8250df', '#cf222e', '#1b7c83'];

/**
 * series: [{label, points: [[epochSeconds, value], ...]}], drawn as steps (a value holds until the
 * next point). Returns the element that will hold the chart.
 */
export function historyChart(series, { id, title, percent = false, height = 200 } = {}) {
  const holder = h('div', { class: 'chart', id, dataset: { points: String(series.reduce((n, s) => n + s.points.length, 0)) } },
    h('div', { class: 'chart-title' }, title));
  if (!window.uPlot) {
    holder.append(h('p', { class: 'muted' }, 'chart library not loaded'));
    return holder;
  }
  const times = [...new Set(series.flatMap((s) => s.points.map((p) => p[0])))].sort((a, b) => a - b);
  const data = [times, ...series.map((s) => {
    const byTime = new Map(s.points);
    return times.map((t) => (byTime.has(t) ? byTime.get(t) : null));
  })];
  const stepped = window.uPlot.paths.stepped({ align: 1 });
  const format = percent ? (v) => v.toFixed(2) + ' %' : (v) => Math.round(v).toLocaleString('en-US');
  const options = {
    height,
    scales: {
      x: { time: true },
      y: percent ? { range: (u, min) => [Math.min(Math.floor(min ?? 100), 95), 100] } : { range: (u, min, max) => [0, Math.max(1, max ?? 1)] },
    },
    axes: [{}, { size: 64, values: (u, ticks) => ticks.map((v) => (percent ? v + ' %' : Math.round(v).toLocaleString('en-US'))) }],
    series: [{}, ...series.map((s, i) => ({
      label: s.label, stroke: PALETTE[i % PALETTE.length], width: 2, spanGaps: true, paths: stepped, points: { show: false },
      value: (u, v) => (v === null || v === undefined ? '–' : format(v)),
    }))],
  };
  // uPlot sizes itself from its container: create it once the holder is laid out
  requestAnimationFrame(() => {
    options.width = Math.max(300, holder.clientWidth);
    new window.uPlot(options, data, holder);
  });
  return holder;
}
