// Errors tab: primary and agent sync errors merged, with the zone that recorded each; grouped
// by error code and by bucket, counts per source zone, the list newest first.
import { getJson } from './api.js';
import { fill, h } from './dom.js';
import * as fmt from './format.js';
import { card, stat, table } from './widgets.js';

const LIST_LIMIT = 500;

export class ErrorsView {
  constructor(root, { openBucket }) {
    this.root = root;
    this.openBucket = openBucket;
  }

  async load() {
    this.render(await getJson('/api/errors'));
  }

  render(data) {
    const errors = [...(data.errors || [])].sort(newestFirst);
    const byZone = countBy(errors, (e) => e.zone || '?');
    const byCode = groupBy(errors, (e) => e.errorCode);
    const byBucket = groupBy(errors.filter((e) => e.bucket), (e) => e.bucket);

    fill(this.root,
      h('div', { class: 'summary', id: 'error-sources' },
        stat('Errors', fmt.int(errors.length), null, { dataset: { key: 'total' } }),
        [...byZone].map(([zone, n]) => stat('recorded on ' + zone, fmt.int(n), null, { dataset: { zone } }))),
      errors.length === 0 ? h('p', { class: 'empty' }, 'No sync errors.') : [
        h('div', { class: 'two-col' },
          card('By error code', { id: 'errors-by-code' }, table([
            { title: 'code', cell: (g) => h('span', { class: 'code' }, String(g.key)) },
            { title: 'meaning', cell: (g) => fmt.errnoName(g.key) },
            { title: 'count', cls: 'num', cell: (g) => fmt.int(g.items.length) },
            { title: 'zones', cell: (g) => distinct(g.items, (e) => e.zone).join(', ') },
            { title: 'latest', cell: (g) => fmt.time(g.items[0].timestamp) },
            { title: 'example message', cls: 'message', cell: (g) => g.items[0].message || '' },
          ], byCode)),
          card('By bucket', { id: 'errors-by-bucket' }, table([
            { title: 'bucket', cell: (g) => h('a', { href: '#buckets/' + encodeURIComponent(g.key), class: 'bucket-link' }, g.key) },
            { title: 'count', cls: 'num', cell: (g) => fmt.int(g.items.length) },
            { title: 'codes', cell: (g) => distinct(g.items, (e) => e.errorCode + ' ' + fmt.errnoName(e.errorCode)).join(', ') },
            { title: 'zones', cell: (g) => distinct(g.items, (e) => e.zone).join(', ') },
            { title: 'latest', cell: (g) => fmt.time(g.items[0].timestamp) },
          ], byBucket))),
        card(errors.length > LIST_LIMIT ? `All errors, newest first (the newest ${LIST_LIMIT} of ${fmt.int(errors.length)})`
          : 'All errors, newest first', { id: 'errors-list' }, errorTable(errors.slice(0, LIST_LIMIT)))]);
  }
}

/** The error rows, shared with the bucket detail view. */
export function errorTable(errors) {
  return table([
    { title: 'time', cls: 'nowrap', cell: (e) => fmt.time(e.timestamp) },
    { title: 'recorded on', cell: (e) => e.zone || '' },
    { title: 'source zone', help: 'the zone the recording zone failed to pull from',
      cell: (e) => e.sourceZone || e.sourceZoneId || '' },
    { title: 'bucket', cell: (e) => e.bucket || '' },
    { title: 'object / entry', cls: 'message', cell: (e) => e.object || e.name || '' },
    { title: 'code', cls: 'nowrap', cell: (e) => e.errorCode + ' ' + fmt.errnoName(e.errorCode) },
    { title: 'message', cls: 'message error-message', cell: (e) => e.message || '' },
  ], errors, { class: 'grid errors' });
}

function newestFirst(a, b) {
  return String(b.timestamp || '').localeCompare(String(a.timestamp || ''));
}

function countBy(items, key) {
  const counts = new Map();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) || 0) + 1);
  return counts;
}

/** Groups keep the input order (newest first) inside; groups are ordered by size. */
function groupBy(items, key) {
  const groups = new Map();
  for (const item of items) {
    const k = key(item);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(item);
  }
  return [...groups].map(([k, list]) => ({ key: k, items: list })).sort((a, b) => b.items.length - a.items.length);
}

function distinct(items, key) {
  return [...new Set(items.map(key).filter((v) => v !== null && v !== undefined && v !== ''))];
}
