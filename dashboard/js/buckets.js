// Bucket Sync tab: one row per bucket, one sync cell per zone. Paging, search, filter and sort
// run on the server (/api/buckets offset/limit), so the DOM holds one page whatever the bucket count.
import { getJson } from './api.js';
import { fill, h } from './dom.js';
import * as fmt from './format.js';
import { priorityChip, stateChip, syncBar } from './widgets.js';

const PRIORITIES = ['HIGH', 'MEDIUM', 'LOW', 'SYNCED', 'DISABLED', 'UNKNOWN'];
const SORTS = [
  ['sync', 'sync % (worst first)'],
  ['delta', 'object delta (largest first)'],
  ['errors', 'errors (most first)'],
  ['lag', 'lag (longest first)'],
  ['name', 'name'],
];
const PAGE_SIZES = [50, 100, 200];

export class BucketsView {
  constructor(root, { openBucket }) {
    this.root = root;
    this.openBucket = openBucket;
    this.query = { q: '', priority: '', sort: 'sync', offset: 0, limit: 100 };
    this.buildControls();
  }

  buildControls() {
    this.search = h('input', { type: 'search', id: 'bucket-search', placeholder: 'Search buckets (name or tenant/name)',
      'aria-label': 'search buckets', autocomplete: 'off' });
    let debounce;
    this.search.addEventListener('input', () => {
      clearTimeout(debounce);
      debounce = setTimeout(() => this.change({ q: this.search.value.trim() }), 250);
    });
    this.priority = h('select', { id: 'bucket-priority', 'aria-label': 'filter by priority',
      onchange: () => this.change({ priority: this.priority.value }) },
    h('option', { value: '' }, 'all priorities'),
    PRIORITIES.map((p) => h('option', { value: p }, p)));
    this.sort = h('select', { id: 'bucket-sort', 'aria-label': 'sort by',
      onchange: () => this.change({ sort: this.sort.value }) },
    SORTS.map(([value, label]) => h('option', { value }, 'sort: ' + label)));
    this.pageSize = h('select', { id: 'bucket-page-size', 'aria-label': 'rows per page',
      onchange: () => this.change({ limit: Number(this.pageSize.value) }) },
    PAGE_SIZES.map((n) => h('option', { value: n, selected: n === this.query.limit }, n + ' per page')));
    this.status = h('span', { class: 'muted', id: 'bucket-status' });
    this.list = h('div', { id: 'bucket-list', class: 'bucket-list' });
    this.pager = h('div', { class: 'pager', id: 'bucket-pager' });
    fill(this.root,
      h('div', { class: 'toolbar' }, this.search, this.priority, this.sort, this.pageSize, h('span', { class: 'spacer' }), this.status),
      this.list, this.pager);
  }

  change(patch) {
    Object.assign(this.query, patch, 'offset' in patch ? {} : { offset: 0 });
    this.load();
  }

  async load() {
    const started = performance.now();
    const page = await getJson('/api/buckets', this.query);
    const fetched = performance.now();
    this.render(page);
    const rendered = performance.now();
    this.list.dataset.loadMs = String(Math.round(fetched - started));
    this.list.dataset.renderMs = String(Math.round(rendered - fetched));
    this.status.textContent = `loaded in ${Math.round(fetched - started)} ms, drawn in ${Math.round(rendered - fetched)} ms`;
  }

  render(page) {
    const buckets = page.buckets || [];
    const zones = page.zones || zonesOf(buckets);
    const columns = [
      h('th', null, 'Bucket'),
      h('th', null, 'Priority'),
      h('th', { class: 'num' }, 'Objects (master)'),
      zones.map((z) => h('th', { class: 'zone-col', dataset: { zone: z } }, z)),
      h('th', { class: 'num' }, 'Errors'),
      h('th', { class: 'num' }, 'Lag'),
    ];
    const rows = buckets.map((b) => this.row(b, zones));
    fill(this.list,
      h('table', { class: 'grid buckets', id: 'bucket-table', dataset: { total: page.total } },
        h('thead', null, h('tr', null, columns)),
        h('tbody', null, rows)),
      buckets.length === 0 ? h('p', { class: 'empty' }, 'No bucket matches.') : null);
    this.renderPager(page, buckets.length);
  }

  row(b, zones) {
    const byZone = new Map((b.zones || []).map((z) => [z.zone, z]));
    return h('tr', { class: 'bucket-row', tabindex: '0', dataset: { bucket: b.name, priority: b.priority },
      onclick: () => this.openBucket(b.name),
      onkeydown: (e) => { if (e.key === 'Enter') this.openBucket(b.name); } },
    h('td', { class: 'bucket-name' }, h('span', { class: 'name' }, b.name)),
    h('td', null, priorityChip(b.priority)),
    h('td', { class: 'num' }, fmt.int(b.objects), h('div', { class: 'sub' }, fmt.bytes(b.bytes))),
    zones.map((zone) => zoneCell(byZone.get(zone), zone)),
    h('td', { class: 'num' + (b.errors ? ' bad' : '') }, fmt.int(b.errors)),
    h('td', { class: 'num' }, b.lagSeconds === null || b.lagSeconds === undefined ? '–' : fmt.duration(b.lagSeconds)));
  }

  renderPager(page, shown) {
    const total = page.total ?? shown;
    const offset = page.offset ?? this.query.offset;
    const limit = page.limit ?? this.query.limit;
    const last = Math.max(0, Math.floor((total - 1) / limit) * limit);
    const go = (o) => () => this.change({ offset: Math.max(0, Math.min(o, last)) });
    fill(this.pager,
      h('button', { type: 'button', disabled: offset === 0, onclick: go(0) }, '« first'),
      h('button', { type: 'button', disabled: offset === 0, onclick: go(offset - limit), id: 'page-prev' }, '‹ prev'),
      h('span', { class: 'page-info', id: 'page-info' },
        total === 0 ? '0 buckets' : `${fmt.int(offset + 1)}–${fmt.int(offset + shown)} of ${fmt.int(total)} buckets`),
      h('button', { type: 'button', disabled: offset + limit >= total, onclick: go(offset + limit), id: 'page-next' }, 'next ›'),
      h('button', { type: 'button', disabled: offset + limit >= total, onclick: go(last) }, 'last »'));
  }
}

function zonesOf(buckets) {
  const names = new Set();
  buckets.forEach((b) => (b.zones || []).forEach((z) => names.add(z.zone)));
  return [...names];
}

/** One zone of one bucket: sync bar, object delta, shard state. */
function zoneCell(z, zone) {
  if (!z) return h('td', { class: 'zone-cell', dataset: { zone } }, h('span', { class: 'muted' }, 'no data'));
  const shardInfo = [];
  if (z.behindShards && z.behindShards.length) shardInfo.push(`${z.behindShards.length} behind`);
  if (z.recoveringShards && z.recoveringShards.length) shardInfo.push(`${z.recoveringShards.length} recovering`);
  const staleReason = z.stale ? (z.stale.message || 'not refreshed') : null;
  return h('td', { class: 'zone-cell' + (staleReason ? ' is-stale' : ''), dataset: { zone, state: z.state },
    title: staleReason ? 'STALE: ' + staleReason : null },
  syncBar(z.syncPercent, z.priority),
  h('div', { class: 'cell-line' },
    stateChip(z.state),
    h('span', { class: 'delta' + (z.deltaObjects ? ' bad' : '') }, 'Δ ' + fmt.signedInt(z.deltaObjects)),
    shardInfo.length ? h('span', { class: 'warn' }, shardInfo.join(', ')) : null,
    staleReason ? h('span', { class: 'chip stale' }, 'STALE') : null));
}
