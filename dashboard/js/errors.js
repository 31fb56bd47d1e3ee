// Errors tab: every zone's sync errors (collected by the primary or pushed by agents) merged, newest
// first, with the zone that recorded them; grouped by error code and by bucket, counted per zone.
// Reads /api/errors (ErrorReport); groups are computed by the server over all errors.
import { getJson } from './api.js';
import { fill, h } from './dom.js';
import * as fmt from './format.js';
import { card, stat, table } from './widgets.js';

const PAGE = 100;

export class ErrorsView {
  constructor(root, { openBucket }) {
    this.root = root;
    this.openBucket = openBucket;
    this.offset = 0;
  }

  async load() {
    this.render(await getJson('/api/errors', { offset: this.offset, limit: PAGE }));
  }

  page(offset) {
    this.offset = Math.max(0, offset);
    this.load().catch(() => {});
  }

  render(report) {
    const bucketLink = (name) => h('a', { href: '#buckets/' + encodeURIComponent(name), class: 'bucket-link' }, name);
    const zones = (counts) => Object.entries(counts || {}).map(([zone, n]) => `${zone} ${fmt.int(n)}`).join(', ');
    fill(this.root,
      h('div', { class: 'summary', id: 'error-sources' },
        stat('Sync errors', fmt.int(report.total), 'all zones', { dataset: { key: 'total' } }),
        Object.entries(report.byZone || {}).map(([zone, n]) =>
          stat('recorded on ' + zone, fmt.int(n), null, { dataset: { zone } }))),
      report.total === 0 ? h('p', { class: 'empty' }, 'No sync errors on any zone.') : [
        h('div', { class: 'two-col' },
          card('By error code', { id: 'errors-by-code' }, table([
            { title: 'code', cls: 'code', cell: (g) => String(g.code) },
            { title: 'meaning', cell: (g) => fmt.errnoName(g.code) },
            { title: 'count', cls: 'num', cell: (g) => fmt.int(g.count) },
            { title: 'per zone', cell: (g) => zones(g.zones) },
            { title: 'latest', cls: 'nowrap', cell: (g) => fmt.time(g.latest) },
            { title: 'latest message', cls: 'message', cell: (g) => g.latestMessage || '' },
          ], report.byCode || [])),
          card('By bucket', { id: 'errors-by-bucket' }, table([
            { title: 'bucket', cell: (g) => bucketLink(g.bucket) },
            { title: 'count', cls: 'num', cell: (g) => fmt.int(g.count) },
            { title: 'per zone', cell: (g) => zones(g.zones) },
            { title: 'latest', cls: 'nowrap', cell: (g) => fmt.time(g.latest) },
          ], report.byBucket || []))),
        card('All errors, newest first', { id: 'errors-list' },
          errorTable(report.items || [], bucketLink),
          this.pager(report))]);
  }

  pager(report) {
    const shown = (report.items || []).length;
    return h('div', { class: 'pager' },
      h('button', { type: 'button', disabled: report.offset === 0, onclick: () => this.page(report.offset - PAGE) }, '‹ newer'),
      h('span', { class: 'page-info' }, `${fmt.int(report.offset + 1)}–${fmt.int(report.offset + shown)} of ${fmt.int(report.total)}`),
      h('button', { type: 'button', disabled: report.offset + shown >= report.total, onclick: () => this.page(report.offset + PAGE) }, 'older ›'));
  }
}

/** Error rows (ErrorView), shared with the bucket detail. */
export function errorTable(errors, bucketCell) {
  return table([
    { title: 'time', cls: 'nowrap', cell: (e) => fmt.time(e.timestamp) },
    { title: 'recorded on', cell: (e) => [e.zone || '', ' ', h('span', { class: 'chip origin', title: 'collected by' }, e.origin || '')] },
    { title: 'pulling from', help: 'the zone the recording zone failed to pull from', cell: (e) => e.sourceZone || e.sourceZoneId || '' },
    { title: 'bucket', cell: (e) => (e.bucket ? (bucketCell ? bucketCell(e.bucket) : e.bucket) : '') },
    { title: 'object / entry', cls: 'message', cell: (e) => e.object || e.name || '' },
    { title: 'code', cls: 'nowrap', cell: (e) => `${e.errorCode} ${fmt.errnoName(e.errorCode)}` },
    { title: 'message', cls: 'message error-message', cell: (e) => e.message || '' },
  ], errors, { class: 'grid errors' });
}
