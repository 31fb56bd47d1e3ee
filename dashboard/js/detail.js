// Bucket detail (a modal dialog): zone comparison, history chart, behind/recovering shard ids,
// and that bucket's errors.
import { bucketPath, getJson } from './api.js';
import { fill, h } from './dom.js';
import * as fmt from './format.js';
import { historyChart } from './chart.js';
import { errorTable } from './errors.js';
import { card, priorityChip, shardList, stateChip, staleNotes, syncBar, table } from './widgets.js';

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
      const bucket = await getJson(bucketPath(name));
      if (name === this.name) this.render(bucket);
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
      h('span', { class: 'spacer' }),
      h('button', { type: 'button', class: 'close', 'aria-label': 'close', onclick: () => this.close() }, '✕'));
  }

  render(b) {
    const zones = b.zones || [];
    fill(this.dialog,
      this.header(b.name, b),
      staleNotes(b.stale),
      h('p', { class: 'detail-facts' },
        'master: ', h('strong', null, fmt.int(b.objects)), ' objects, ', h('strong', null, fmt.bytes(b.bytes)),
        b.numShards ? ', ' + b.numShards + ' index shards' : '',
        b.owner ? [', owner ', h('span', { class: 'owner' }, b.owner)] : null),
      card('Zone comparison', { id: 'zone-comparison' }, table([
        { title: 'zone', cell: (z) => [z.zone, z.master ? h('span', { class: 'badge master-badge' }, 'MASTER') : null] },
        { title: 'objects', cls: 'num', cell: (z) => fmt.int(z.objects) },
        { title: 'size', cls: 'num', cell: (z) => fmt.bytes(z.bytes) },
        { title: 'Δ objects', cls: 'num', cell: (z) => (z.master ? '' : fmt.signedInt(z.deltaObjects)) },
        { title: 'Δ bytes', cls: 'num', cell: (z) => (z.master ? '' : fmt.bytes(z.deltaBytes)) },
        { title: 'sync', cls: 'bar-cell', cell: (z) => (z.master ? '' : syncBar(z.syncPercent, z.priority)) },
        { title: 'state', cell: (z) => (z.master ? '' : stateChip(z.state)) },
        { title: 'behind shards', cls: 'behind-shards', cell: (z) => (z.master ? '' : shardList(z.behindShards)) },
        { title: 'recovering shards', cls: 'recovering-shards', cell: (z) => (z.master ? '' : shardList(z.recoveringShards)) },
        { title: 'lag', cls: 'num', cell: (z) => (z.lagSeconds === null || z.lagSeconds === undefined ? '–' : fmt.duration(z.lagSeconds)) },
      ], zones)),
      card('Sync history', { id: 'history' }, historySection(b.history || [])),
      card(`Errors for this bucket (${fmt.int((b.errors || []).length)})`, { id: 'bucket-errors' },
        (b.errors || []).length ? errorTable(b.errors) : h('p', { class: 'muted' }, 'none')));
  }
}

function historySection(history) {
  if (history.length === 0) return h('p', { class: 'muted' }, 'no history yet');
  const zones = [...new Set(history.flatMap((p) => Object.keys(p.zones || {})))];
  const series = zones.map((zone) => ({
    label: zone,
    points: history.filter((p) => p.zones && p.zones[zone] !== undefined)
      .map((p) => [new Date(p.at).getTime() / 1000, p.zones[zone].syncPercent]),
  }));
  return [historyChart(series), h('p', { class: 'muted' }, `${history.length} snapshots, ${fmt.time(history[0].at)} – ${fmt.time(history[history.length - 1].at)}`)];
}
