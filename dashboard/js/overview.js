// Overview tab: summary cards, master zone, one card per other zone, topology.
import { fill, h } from './dom.js';
import * as fmt from './format.js';
import { agentBadge, card, facts, healthChip, shardList, stat, staleNotes, syncBar } from './widgets.js';

export class OverviewView {
  constructor(root) {
    this.root = root;
  }

  async load(dashboard) {
    this.render(dashboard);
  }

  render(d) {
    const s = d.summary || {};
    fill(this.root,
      staleNotes(d.stale),
      h('div', { class: 'summary', id: 'summary' },
        stat('Buckets', fmt.int(s.totalBuckets), null, { dataset: { key: 'total-buckets' } }),
        stat('Fully synced', fmt.int(s.fullySynced),
          s.totalBuckets ? fmt.pct((100 * s.fullySynced) / s.totalBuckets) + ' of buckets' : null,
          { dataset: { key: 'fully-synced' } }),
        stat('Average sync', fmt.pct(s.avgSyncPercent), null, { dataset: { key: 'avg-sync' } }),
        stat('Pending objects', fmt.int(s.pendingObjects), null, { dataset: { key: 'pending-objects' } }),
        stat('Pending bytes', fmt.bytes(s.pendingBytes), null, { dataset: { key: 'pending-bytes' } }),
        stat('Sync errors', fmt.int(s.errors), null,
          { dataset: { key: 'errors' }, class: 'stat' + (s.errors ? ' stat-bad' : '') })),
      h('div', { class: 'zones' },
        masterCard(d.masterZone),
        (d.zones || []).map(zoneCard)),
      topologyCard(d.topology));
  }
}

function masterCard(master) {
  if (!master) return null;
  return card(null, { class: 'card zone master', dataset: { zone: master.name } },
    h('h3', null, h('span', { class: 'zone-name' }, master.name), ' ', h('span', { class: 'badge master-badge' }, 'MASTER')),
    staleNotes(master.stale),
    h('div', { class: 'stats-row' },
      stat('Buckets', fmt.int(master.buckets), null, { dataset: { key: 'buckets' } }),
      stat('Objects', fmt.int(master.objects), null, { dataset: { key: 'objects' } }),
      stat('Size', fmt.bytes(master.bytes), null, { dataset: { key: 'bytes' } })),
    master.syncStatus ? globalSyncCheck(master.syncStatus) : null);
}

/** The primary's own sync status: in active-active the master pulls too. */
function globalSyncCheck(status) {
  return h('div', { class: 'subsection' },
    h('h4', null, 'Sync status seen from the master'),
    syncTable(status.metadataSync, status.dataSync));
}

function zoneCard(zone) {
  return card(null, { class: 'card zone' + (zone.stale && zone.stale.length ? ' is-stale' : ''), dataset: { zone: zone.name } },
    h('h3', null, h('span', { class: 'zone-name' }, zone.name), ' ', agentBadge(zone.agent)),
    staleNotes(zone.stale),
    h('div', { class: 'stats-row' },
      stat('Replicated', fmt.int(zone.replicatedBuckets), 'buckets synced', { dataset: { key: 'replicated' } }),
      stat('Pending', fmt.int(zone.pendingObjects), fmt.bytes(zone.pendingBytes), { dataset: { key: 'pending' } }),
      stat('Errors', fmt.int(zone.errors), null, { dataset: { key: 'errors' } }),
      stat('Lag', zone.lagSeconds === null || zone.lagSeconds === undefined ? '–' : fmt.duration(zone.lagSeconds),
        'oldest change not applied', { dataset: { key: 'lag' } })),
    syncBar(zone.avgSyncPercent, zone.priority, 'average sync of the buckets on ' + zone.name),
    h('div', { class: 'subsection' },
      h('h4', null, 'Sync status (from the zone agent)'),
      zone.metadataSync || (zone.dataSync && zone.dataSync.length)
        ? syncTable(zone.metadataSync, zone.dataSync)
        : h('p', { class: 'muted' }, 'no sync status received from this zone')),
    h('div', { class: 'shard-counts' },
      h('span', { dataset: { key: 'behind-shards' } }, 'behind shards: ', h('strong', null, fmt.int(zone.behindShards))),
      h('span', { dataset: { key: 'recovering-shards' } }, 'recovering shards: ', h('strong', null, fmt.int(zone.recoveringShards)))));
}

/** metadata sync and each data source: state, full / incremental shard progress, then the details. */
function syncTable(metadata, sources) {
  const rows = [];
  if (metadata) {
    rows.push(syncRows('metadata', metadata, [
      metadata.behindShardCount ? warn(`behind on ${metadata.behindShardCount} shards`, metadata.behindShards) : null,
    ]));
  }
  for (const src of sources || []) {
    rows.push(syncRows(['data from ', h('strong', null, src.sourceZone || src.sourceZoneId || '?')], src, [
      src.lagSeconds !== null && src.lagSeconds !== undefined ? h('span', null, 'lag ' + fmt.duration(src.lagSeconds)) : null,
      src.behindShardCount ? warn(`behind on ${src.behindShardCount} shards`, src.behindShards) : null,
      src.recoveringShardCount ? warn(`${src.recoveringShardCount} shards recovering`, src.recoveringShards) : null,
    ], { source: src.sourceZone || '' }));
  }
  return h('table', { class: 'sync-table' },
    h('thead', null, h('tr', null, h('th', null, ''), h('th', null, 'state'), h('th', null, 'full sync'), h('th', null, 'incremental'))),
    h('tbody', null, rows));
}

function syncRows(what, s, notes, dataset) {
  const details = notes.filter(Boolean);
  const failureLines = (s.failures || []).map((f) => h('div', { class: 'failure' }, f));
  return [
    h('tr', { dataset }, h('td', { class: 'sync-what' }, what), h('td', null, healthChip(s.health)),
      h('td', null, progress('full', s.fullSync)), h('td', null, progress('incremental', s.incrementalSync))),
    details.length || failureLines.length
      ? h('tr', { class: 'sync-notes' }, h('td', { colspan: '4' }, h('div', { class: 'sync-extra' }, details), failureLines))
      : null,
  ];
}

function warn(text, ids) {
  return h('span', { class: 'warn', title: ids && ids.length ? 'shards ' + ids.join(', ') : null }, text);
}

/** "12/128" plus a thin bar. */
function progress(label, p) {
  if (!p) return h('span', { class: 'muted' }, '–');
  const share = p.total ? (100 * p.shards) / p.total : 0;
  return h('span', { class: 'shard-progress', title: `${label} sync: ${p.shards} of ${p.total} shards` },
    fmt.shards(p), h('span', { class: 'minibar' }, h('span', { style: { width: share + '%' } })));
}

function topologyCard(topology) {
  if (!topology) return null;
  return card('Topology', { class: 'card topology', id: 'topology' },
    facts([
      ['Realm', [topology.realm || '–', topology.realmId ? h('span', { class: 'muted id' }, ' ' + topology.realmId) : null]],
      ['Period', [topology.periodId || '–', topology.periodEpoch !== undefined ? ' (epoch ' + topology.periodEpoch + ')' : '']],
    ]),
    (topology.zonegroups || []).map((zg) =>
      h('div', { class: 'zonegroup', dataset: { zonegroup: zg.name } },
        h('h4', null, 'zonegroup ', h('strong', null, zg.name), zg.isMaster ? h('span', { class: 'badge master-badge' }, 'MASTER') : null),
        h('table', { class: 'grid compact' },
          h('thead', null, h('tr', null, ['zone', 'id', 'role', 'endpoints', 'tier'].map((t) => h('th', null, t)))),
          h('tbody', null, (zg.zones || []).map((z) => h('tr', { dataset: { zone: z.name } },
            h('td', null, z.name),
            h('td', { class: 'id' }, z.id || ''),
            h('td', null, z.id && z.id === zg.masterZoneId ? h('span', { class: 'badge master-badge' }, 'master') : 'secondary',
              z.readOnly ? ' (read-only)' : ''),
            h('td', null, (z.endpoints || []).join(', ')),
            h('td', null, z.tierType || 'rgw'))))))));
}
