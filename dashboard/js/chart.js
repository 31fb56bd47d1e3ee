// History chart (uPlot, from its webjar, served from vendor/). The page works without it.
import { h } from './dom.js';

const PALETTE = ['#1a73e8', '#e8710a', '#188038', '#9334e6', '#d93025', '#12b5cb'];

/**
 * series: [{label, points: [[epochSeconds, value], ...]}]; one y axis (sync %).
 * Returns an element holding the chart (or a note when uPlot did not load).
 */
export function historyChart(series, { width = 760, height = 220, yLabel = 'sync %' } = {}) {
  const holder = h('div', { class: 'chart', id: 'history-chart' });
  if (!window.uPlot) {
    holder.append(h('p', { class: 'muted' }, 'chart library not available'));
    return holder;
  }
  const times = [...new Set(series.flatMap((s) => s.points.map((p) => p[0])))].sort((a, b) => a - b);
  const data = [times, ...series.map((s) => {
    const byTime = new Map(s.points);
    return times.map((t) => (byTime.has(t) ? byTime.get(t) : null));
  })];
  const options = {
    width,
    height,
    scales: { x: { time: true }, y: { range: (u, min, max) => [Math.min(min ?? 0, 90), 100] } },
    axes: [{}, { label: yLabel, size: 60 }],
    series: [{}, ...series.map((s, i) => ({
      label: s.label, stroke: PALETTE[i % PALETTE.length], width: 2, spanGaps: true,
      value: (u, v) => (v === null || v === undefined ? '–' : v.toFixed(2) + ' %'),
    }))],
  };
  // uPlot measures its container: build it once the holder is in the document
  requestAnimationFrame(() => {
    options.width = holder.clientWidth || width;
    new window.uPlot(options, data, holder);
  });
  holder.dataset.points = String(times.length);
  return holder;
}
