// Bucket detail (a modal dialog, #buckets/<name>): zone comparison, shard sync per source, history
// charts, and that bucket's errors. Reads /api/buckets/{name} (BucketDetail).
import { bucketPath, getJson } from './api.js';
import { fill, h } from './dom.js';
import * as fmt from './format.js';
import { historyChart } from './chart.js';
import { errorTable } from './errors.js';
import { card, healthChip, priorityChip, shardList, stateChip, syncBar, table } from './widgets.js';

export class BucketDetail {
  constructor(dialog, { onClose }) {
    this.dialog = dialog;
    this.name = null;
    dialog.addEventListener('close', () => {
      this.name = null;
      onClose();
    });
  }

  isOpen() {
    return this.dialog.open;
  }

  async open(name) {
    if (this.name === name && this.dialog.open) return;
    this.name = name;
    fill(this.dialog, this.header(name), h('p', { class: 'muted' }, 'loading…'));
    if (!this.dialog.open) this.dialog.showModal();
    await this.reload();
  }

  close() {
    if (this.dialog.open) this.dialog.close();
  }

  async reload() {
    const name = this.name;
    try {
      const detail = await getJson(bucketPath(name));
      if (name === this.name) this.render(detail);
    } catch (error) {
      if (name === this.name) {
        fill(this.dialog, this.header(name), h('p', { class: 'load-error' },
          error.status === 404 ? 'This bucket is not known to the monitor.' : 'Could not load: ' + error.message));
      }
    }
  }

  header(name, bucket) {
    return h('header', { class: 'detail-head' },
      h('h2', { id: 'detail-title' }, h('span', { class: 'name' }, name)),
      bucket ? priorityChip(bucket.priority) : null,
      bucket && bucket.disabled ? h('span', { class: 'chip prio-disabled' }, 'SYNC DISABLED') : null,
      h('span', { class: 'spacer' }),
      h('button', { type: 'button', class: 'close', 'aria-label': 'close', onclick: () => this.close() }, '✕'));
  }

  render(detail) {
    const b = detail.bucket;
    const master = b.master || {};
    const rows = [{ zone: detail.masterZone, isMaster: true, counts: master }, ...(b.zones || [])];
    fill(this.dialog,
      this.header(b.name, b),
      h('p', { class: 'detail-facts' },
        b.tenant ? ['tenant ', h('strong', null, b.tenant), ' · '] : null,
        master.instanceId ? ['instance ', h('span', { class: 'id' }, master.instanceId), ' · '] : null,
        master.numShards ? [fmt.int(master.numShards), ' index shards · '] : null,
        master.owner ? ['owner ', h('span', { class: 'owner' }, master.owner)] : null),
      card('Zone comparison', { id: 'zone-comparison' }, table([
        { title: 'zone', cell: (z) => [h('span', { class: 'zone-name' }, z.zone || '?'), z.isMaster ? [' ', h('span', { class: 'badge master-badge' }, 'MASTER')] : null] },
        { title: 'objects', cls: 'num', cell: (z) => (z.counts ? fmt.int(z.counts.objects) : 'not collected') },
        { title: 'size', cls: 'num', cell: (z) => (z.counts ? fmt.bytes(z.counts.bytes) : '–') },
        { title: 'Δ objects', cls: 'num delta-objects', cell: (z) => (z.isMaster ? '' : fmt.signedInt(z.objectDelta)) },
        { title: 'Δ bytes', cls: 'num', cell: (z) => (z.isMaster ? '' : fmt.bytes(z.byteDelta)) },
        { title: 'sync', cls: 'bar-cell', cell: (z) => (z.isMaster ? '' : syncBar(z.syncPercent, z.priority)) },
        { title: 'state', cell: (z) => (z.isMaster ? '' : [stateChip(z.state, z.disabledReason),
          z.disabledReason ? h('div', { class: 'sub' }, z.disabledReason) : null]) },
        { title: 'behind shards', cls: 'behind-shards', cell: (z) => (z.isMaster ? '' : shardList(z.behindShards)) },
        { title: 'recovering shards', cls: 'recovering-shards', cell: (z) => (z.isMaster ? '' : shardList(z.recoveringShards)) },
        { title: 'lag', cls: 'num', cell: (z) => (z.isMaster || z.lagSeconds === null || z.lagSeconds === undefined ? '–' : fmt.duration(z.lagSeconds)) },
      ], rows, { class: 'grid', id: 'zone-comparison-table' })),
      shardSync(b.zones || []),
      card('History', { id: 'history' }, historySection(detail.history || [], detail.masterZone)),
      card(`Errors for this bucket (${fmt.int(detail.errorCount)})`, { id: 'bucket-errors' },
        (detail.errors || []).length ? errorTable(detail.errors) : h('p', { class: 'muted' }, 'none'),
        detail.errorCount > (detail.errors || []).length
          ? h('p', { class: 'muted' }, `the newest ${detail.errors.length} of ${fmt.int(detail.errorCount)} are shown`) : null));
  }
}

/** The agents' bucket sync status, per zone and source zone. */
function shardSync(zones) {
  const rows = zones.flatMap((z) => (z.sources || []).map((s) => ({ zone: z.zone, observedAt: z.shardsObservedAt, ...s })));
  if (rows.length === 0) {
    return card('Shard sync', { id: 'shard-sync' }, h('p', { class: 'muted' }, 'no bucket sync status reported by a zone agent'));
  }
  return card('Shard sync (bucket sync status from the zone agents)', { id: 'shard-sync' }, table([
    { title: 'zone', cell: (r) => r.zone },
    { title: 'from', cell: (r) => r.sourceZone || '' },
    { title: 'state', cell: (r) => fmt.words(r.state) },
    { title: 'health', cell: (r) => healthChip(r.health) },
    { title: 'full', cls: 'num', cell: (r) => fmt.shards(r.fullSync) },
    { title: 'incremental', cls: 'num', cell: (r) => fmt.shards(r.incrementalSync) },
    { title: 'behind shards', cell: (r) => shardList(r.behindShards) },
    { title: 'observed', cls: 'nowrap', cell: (r) => fmt.time(r.observedAt) },
  ], rows));
}

/**
 * History points are written when a value changes: a value holds until the next point of the same
 * zone, so the lines are steps and each is carried to now.
 */
function historySection(points, masterZone) {
  if (points.length === 0) return h('p', { class: 'muted' }, 'no history yet');
  const zones = [...new Set(points.map((p) => p.zone))].filter((z) => z !== masterZone);
  const now = Date.now() / 1000;
  const seriesOf = (value) => zones.map((zone) => {
    const own = points.filter((p) => p.zone === zone && value(p) !== null && value(p) !== undefined)
      .map((p) => [new Date(p.at).getTime() / 1000, value(p)]);
    if (own.length) own.push([now, own[own.length - 1][1]]);
    return { label: zone, points: own };
  });
  const first = points[0].at;
  return [
    h('div', { class: 'charts' },
      historyChart(seriesOf((p) => p.syncPercent), { id: 'history-sync', title: 'sync %', percent: true }),
      historyChart(seriesOf((p) => p.objectDelta), { id: 'history-delta', title: 'objects behind the master' })),
    h('p', { class: 'muted', id: 'history-range' }, `${fmt.int(points.length)} points since ${fmt.time(first)}`),
  ];
}
