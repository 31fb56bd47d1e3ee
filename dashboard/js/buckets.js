// Bucket Sync tab: one row per bucket, one sync cell per non-master zone. Search, filter, sort and
// paging run on the server (/api/buckets q, priority, state, sort, order, offset, limit), so the
// DOM holds one page whatever the number of buckets.
import { getJson } from './api.js';
import { fill, h } from './dom.js';
import * as fmt from './format.js';
import { priorityChip, stateChip, syncBar } from './widgets.js';

const PRIORITIES = ['HIGH', 'MEDIUM', 'LOW', 'UNKNOWN', 'SETTLING', 'DISABLED', 'SYNCED'];
const STATES = ['BEHIND', 'SETTLING', 'RECOVERING', 'SYNCED', 'DISABLED', 'UNKNOWN'];
const SORTS = [
  ['sync', 'sync % (worst first)'],
  ['delta', 'object delta (largest first)'],
  ['errors', 'errors (most first)'],
  ['lag', 'lag (longest first)'],
  ['name', 'name (A–Z)'],
];
const PAGE_SIZES = [50, 100, 200];

export class BucketsView {
  constructor(root, { openBucket }) {
    this.root = root;
    this.openBucket = openBucket;
    this.query = { q: '', priority: '', state: '', sort: 'sync', offset: 0, limit: 100 };
    this.dashboard = null;
    this.requests = 0; // numbers each /api/buckets request, so a late answer to an older one is dropped
    this.buildControls();
  }

  buildControls() {
    this.search = h('input', { type: 'search', id: 'bucket-search', placeholder: 'search bucket (name or tenant/name)',
      'aria-label': 'search buckets', autocomplete: 'off', spellcheck: 'false' });
    let debounce;
    this.search.addEventListener('input', () => {
      clearTimeout(debounce);
      debounce = setTimeout(() => this.change({ q: this.search.value.trim() }), 250);
    });
    this.priority = select('bucket-priority', 'filter by priority', [['', 'all priorities'], ...PRIORITIES.map((p) => [p, p])],
      () => this.change({ priority: this.priority.value }));
    this.state = select('bucket-state', 'filter by zone state', [['', 'all states'], ...STATES.map((s) => [s, 'on a zone: ' + fmt.words(s)])],
      () => this.change({ state: this.state.value }));
    this.sort = select('bucket-sort', 'sort by', SORTS.map(([v, label]) => [v, 'sort: ' + label]),
      () => this.change({ sort: this.sort.value }));
    this.pageSize = select('bucket-page-size', 'rows per page', PAGE_SIZES.map((n) => [String(n), n + ' per page']),
      () => this.change({ limit: Number(this.pageSize.value) }));
    this.pageSize.value = String(this.query.limit);
    this.counts = h('div', { class: 'priority-counts', id: 'priority-counts' });
    this.status = h('span', { class: 'muted', id: 'bucket-status' });
    this.list = h('div', { id: 'bucket-list', class: 'bucket-list' });
    this.pager = h('div', { class: 'pager', id: 'bucket-pager' });
    fill(this.root,
      h('div', { class: 'toolbar' }, this.search, this.priority, this.state, this.sort, this.pageSize,
        h('span', { class: 'spacer' }), this.status),
      this.counts, this.list, this.pager);
  }

  change(patch) {
    Object.assign(this.query, patch, 'offset' in patch ? {} : { offset: 0 });
    const request = this.requests + 1;
    this.load().catch((error) => {
      if (request === this.requests) this.status.textContent = 'could not load: ' + error.message;
    });
  }

  async load(dashboard) {
    if (dashboard) this.dashboard = dashboard;
    // answers can arrive out of order (a slow search, then a fast one): only the last request draws
    const request = ++this.requests;
    const started = performance.now();
    const page = await getJson('/api/buckets', { ...this.query });
    if (request !== this.requests) return;
    const fetched = performance.now();
    this.render(page);
    const drawn = performance.now();
    this.list.dataset.loadMs = String(Math.round(fetched - started));
    this.list.dataset.drawMs = String(Math.round(drawn - fetched));
    this.list.dataset.renderedAt = String(drawn);
    this.status.textContent = `${fmt.int(page.total)} match · fetched in ${Math.round(fetched - started)} ms, `
      + `drawn in ${Math.round(drawn - fetched)} ms`;
  }

  /** Non-master zones, in the dashboard's order; stale bucket stats of a zone mark its column. */
  zones(page) {
    const d = this.dashboard || {};
    const names = (d.zones || []).filter((z) => !z.master).map((z) => z.name);
    for (const b of page.items || []) for (const z of b.zones || []) if (!names.includes(z.zone)) names.push(z.zone);
    const stale = new Map((d.parts || []).filter((p) => p.stale && p.zone && p.part === 'bucket-stats')
      .map((p) => [p.zone, p]));
    return names.map((name) => ({ name, stale: stale.get(name) }));
  }

  render(page) {
    const items = page.items || [];
    const zones = this.zones(page);
    this.renderCounts(page.byPriority || {});
    fill(this.list,
      h('table', { class: 'grid buckets', id: 'bucket-table', dataset: { total: page.total, offset: page.offset } },
        h('thead', null, h('tr', null,
          h('th', null, 'Bucket'),
          h('th', null, 'Priority'),
          h('th', { class: 'num' }, 'Master objects'),
          // the zones share the width equally, whatever their cells hold
          zones.map((z) => h('th', { class: 'zone-col', dataset: { zone: z.name }, style: { width: (60 / zones.length) + '%' },
            title: z.stale ? 'STALE bucket stats: ' + (z.stale.staleReason || '') : null },
          z.name, z.stale ? [' ', h('span', { class: 'chip stale' }, 'STALE')] : null)),
          h('th', { class: 'num' }, 'Errors'),
          h('th', { class: 'num' }, 'Lag'))),
        h('tbody', null, items.map((b) => this.row(b, zones)))),
      items.length === 0 ? h('p', { class: 'empty' }, 'No bucket matches.') : null);
    this.renderPager(page, items.length);
  }

  /** Bucket count per priority over all buckets: click one to filter. */
  renderCounts(byPriority) {
    fill(this.counts, PRIORITIES.filter((p) => byPriority[p]).map((p) =>
      h('button', { type: 'button', class: 'count-chip' + (this.query.priority === p ? ' selected' : ''),
        dataset: { priority: p }, title: 'show only ' + p,
        onclick: () => {
          this.priority.value = this.query.priority === p ? '' : p;
          this.change({ priority: this.priority.value });
        } },
      priorityChip(p), ' ', fmt.int(byPriority[p]))));
  }

  row(b, zones) {
    const byZone = new Map((b.zones || []).map((z) => [z.zone, z]));
    const master = b.master || {};
    const open = () => this.openBucket(b.name);
    return h('tr', { class: 'bucket-row', tabindex: '0', dataset: { bucket: b.name, priority: b.priority },
      onclick: open, onkeydown: (e) => { if (e.key === 'Enter') open(); } },
    h('td', { class: 'bucket-name' }, h('span', { class: 'name' }, b.name)),
    h('td', null, priorityChip(b.priority)),
    h('td', { class: 'num' }, fmt.int(master.objects), h('div', { class: 'sub' }, fmt.bytes(master.bytes))),
    zones.map((zone) => zoneCell(byZone.get(zone.name), zone)),
    h('td', { class: 'num' + (b.errorCount ? ' bad' : ''), dataset: { key: 'errors' } }, fmt.int(b.errorCount)),
    h('td', { class: 'num', dataset: { key: 'lag' } }, b.lagSeconds === null || b.lagSeconds === undefined ? '–' : fmt.duration(b.lagSeconds)));
  }

  renderPager(page, shown) {
    const { total, offset, limit } = page;
    const last = Math.max(0, Math.floor((total - 1) / limit) * limit);
    const go = (o) => () => this.change({ offset: Math.max(0, Math.min(o, last)) });
    fill(this.pager,
      h('button', { type: 'button', disabled: offset === 0, onclick: go(0), id: 'page-first' }, '« first'),
      h('button', { type: 'button', disabled: offset === 0, onclick: go(offset - limit), id: 'page-prev' }, '‹ prev'),
      h('span', { class: 'page-info', id: 'page-info' },
        total === 0 ? '0 buckets' : `${fmt.int(offset + 1)}–${fmt.int(offset + shown)} of ${fmt.int(total)}`),
      h('button', { type: 'button', disabled: offset + limit >= total, onclick: go(offset + limit), id: 'page-next' }, 'next ›'),
      h('button', { type: 'button', disabled: offset + limit >= total, onclick: go(last), id: 'page-last' }, 'last »'));
  }
}

function select(id, label, options, onchange) {
  return h('select', { id, 'aria-label': label, onchange }, options.map(([value, text]) => h('option', { value }, text)));
}

/** One bucket on one zone: sync bar, object delta, state and shard ids. */
function zoneCell(z, zone) {
  const staleTitle = zone.stale ? 'STALE: ' + (zone.stale.staleReason || 'not refreshed') : null;
  if (!z) {
    return h('td', { class: 'zone-cell', dataset: { zone: zone.name } }, h('span', { class: 'muted' }, 'not on this zone'));
  }
  const shardInfo = [];
  if (z.behindShards && z.behindShards.length) shardInfo.push(fmt.count(z.behindShards.length, 'shard') + ' behind');
  if (z.recoveringShards && z.recoveringShards.length) shardInfo.push(`${z.recoveringShards.length} recovering`);
  const title = [staleTitle, z.disabledReason,
    z.behindShards && z.behindShards.length ? 'behind shards: ' + z.behindShards.join(', ') : null,
    z.recoveringShards && z.recoveringShards.length ? 'recovering shards: ' + z.recoveringShards.join(', ') : null]
    .filter(Boolean).join('\n') || null;
  return h('td', { class: 'zone-cell' + (staleTitle ? ' is-stale' : ''), dataset: { zone: zone.name, state: z.state }, title },
    syncBar(z.syncPercent, z.priority),
    h('div', { class: 'cell-line' },
      stateChip(z.state),
      h('span', { class: 'delta' + (z.objectDelta ? ' bad' : ''), title: 'master objects minus this zone\'s' },
        'Δ ' + fmt.signedInt(z.objectDelta)),
      shardInfo.length ? h('span', { class: 'warn' }, shardInfo.join(', ')) : null));
}
