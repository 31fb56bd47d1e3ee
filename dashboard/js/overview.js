// Overview tab: health reasons, summary cards, the master zone, one card per other zone, topology.
// Reads /api/dashboard (DashboardResponse) only.
import { fill, h } from './dom.js';
import * as fmt from './format.js';
import { agentBadge, card, facts, healthChip, stat, staleNotes, syncBar } from './widgets.js';

export class OverviewView {
  constructor(root) {
    this.root = root;
  }

  async load(dashboard) {
    this.render(dashboard);
  }

  render(d) {
    const zones = d.zones || [];
    const stale = (d.parts || []).filter((p) => p.stale);
    const agents = d.zoneAgents || {};
    fill(this.root,
      healthReasons(d.health),
      staleNotes(stale.filter((p) => !p.zone)),
      summaryCards(d.summary || {}),
      h('div', { class: 'zones' },
        zones.filter((z) => z.master).map((z) => masterCard(z, stale)),
        zones.filter((z) => !z.master).map((z) => zoneCard(z, agents[z.name], stale))),
      topologyCard(d.topology));
  }
}

function healthReasons(health) {
  if (!health || !health.reasons || health.reasons.length === 0) return null;
  return h('ul', { class: 'health-reasons', id: 'health-reasons' }, health.reasons.map((r) =>
    h('li', { dataset: { code: r.code } },
      h('span', { class: 'chip sev-' + String(r.severity).toLowerCase() }, r.severity), ' ',
      r.zone ? h('strong', null, r.zone + ': ') : null, r.message)));
}

function summaryCards(s) {
  const synced = (s.bucketsByPriority || {}).SYNCED || 0;
  return h('div', { class: 'summary', id: 'summary' },
    stat('Buckets', fmt.int(s.buckets), s.bucketsDropped ? fmt.int(s.bucketsDropped) + ' not tracked (limit)' : null,
      { dataset: { key: 'buckets' } }),
    stat('Fully synced', fmt.int(synced), s.buckets ? fmt.pct((100 * synced) / s.buckets) + ' of buckets' : null,
      { dataset: { key: 'fully-synced' } }),
    stat('Average sync', fmt.pct(s.avgSyncPercent), 'over buckets × zones', { dataset: { key: 'avg-sync' } }),
    stat('Pending objects', fmt.int(s.pendingObjects), null, { dataset: { key: 'pending-objects' } }),
    stat('Pending bytes', fmt.bytes(s.pendingBytes), null, { dataset: { key: 'pending-bytes' } }),
    stat('Behind', fmt.int(s.bucketsBehind), fmt.int(s.bucketsDisabled) + ' disabled',
      { dataset: { key: 'behind' }, class: 'stat' + (s.bucketsBehind ? ' stat-warn' : '') }),
    stat('Sync errors', fmt.int(s.errors), null, { dataset: { key: 'errors' }, class: 'stat' + (s.errors ? ' stat-bad' : '') }));
}

function zoneStale(stale, zone) {
  return stale.filter((p) => p.zone === zone.name);
}

function masterCard(zone, stale) {
  const totals = zone.totals || {};
  const notes = zoneStale(stale, zone);
  return h('section', { class: 'card zone master' + (notes.length ? ' is-stale' : ''), dataset: { zone: zone.name } },
    h('h3', null, h('span', { class: 'zone-name' }, zone.name), h('span', { class: 'badge master-badge' }, 'MASTER')),
    staleNotes(notes),
    h('div', { class: 'stats-row' },
      stat('Buckets', fmt.int(totals.buckets), null, { dataset: { key: 'buckets' } }),
      stat('Objects', fmt.int(totals.objects), null, { dataset: { key: 'objects' } }),
      stat('Size', fmt.bytes(totals.bytes), null, { dataset: { key: 'bytes' } }),
      stat('Errors', fmt.int(zone.errorCount), 'recorded here', { dataset: { key: 'errors' } })),
    totals.collectedAt ? h('p', { class: 'muted small' }, 'bucket stats collected ' + fmt.time(totals.collectedAt)) : null,
    zone.sync ? h('div', { class: 'subsection' },
      h('h4', null, 'Global sync check (the master\'s own sync status)'),
      syncTable(zone.sync)) : null);
}

function zoneCard(zone, agent, stale) {
  const b = zone.buckets || {};
  const sync = zone.sync;
  const sources = (sync && sync.sources) || [];
  const behindShards = sources.reduce((n, s) => n + (s.behindShardCount || 0), 0)
    + ((sync && sync.metadata && sync.metadata.behindShardCount) || 0);
  const recoveringShards = sources.reduce((n, s) => n + (s.recoveringShardCount || 0), 0);
  const synced = (b.byPriority || {}).SYNCED || 0;
  const notes = zoneStale(stale, zone);
  const isStale = notes.length > 0 || (agent && agent.stale);
  return h('section', { class: 'card zone' + (isStale ? ' is-stale' : ''), dataset: { zone: zone.name } },
    h('h3', null, h('span', { class: 'zone-name' }, zone.name), agentBadge(agent)),
    staleNotes(notes),
    h('div', { class: 'stats-row' },
      stat('Replicated', fmt.int(synced), 'of ' + fmt.int(b.compared) + ' buckets synced', { dataset: { key: 'replicated' } }),
      stat('Pending', fmt.int(b.pendingObjects), fmt.bytes(b.pendingBytes) + ' to copy', { dataset: { key: 'pending' } }),
      stat('Errors', fmt.int(zone.errorCount), 'recorded here', { dataset: { key: 'errors' } }),
      lagStat(sync)),
    syncBar(b.avgSyncPercent, fmt.priorityOfPercent(b.avgSyncPercent), 'average sync % of the buckets on ' + zone.name),
    h('div', { class: 'bucket-states' },
      h('span', { dataset: { key: 'buckets-behind' } }, 'behind ', h('strong', null, fmt.int(b.behind))),
      h('span', null, 'settling ', h('strong', null, fmt.int(b.settling))),
      h('span', null, 'recovering ', h('strong', null, fmt.int(b.recovering))),
      h('span', null, 'disabled ', h('strong', null, fmt.int(b.disabled)))),
    h('div', { class: 'subsection' },
      h('h4', null, sync ? `Sync status (from the ${sync.reportedBy === 'agent' ? 'zone agent' : 'primary'}, `
        + fmt.time(sync.observedAt) + ')' : 'Sync status'),
      sync ? syncTable(sync) : h('p', { class: 'muted' }, 'no sync status for this zone: no agent has reported it')),
    h('div', { class: 'shard-counts' },
      h('span', { dataset: { key: 'behind-shards' } }, 'behind shards: ', h('strong', null, fmt.int(behindShards))),
      h('span', { dataset: { key: 'recovering-shards' } }, 'recovering shards: ', h('strong', null, fmt.int(recoveringShards)))));
}

/** metadata sync and each data source: state, full / incremental shard progress, then the details. */
function syncTable(sync) {
  const rows = [];
  const m = sync.metadata;
  if (m) {
    rows.push(syncRows('metadata', m, [
      lag(m.lagSeconds),
      m.behindShardCount ? warn('behind on ' + fmt.count(m.behindShardCount, 'shard'), m.behindShards) : null,
      m.behind ? flagged(m.behindStreak) : null,
    ], { source: 'metadata' }));
  }
  for (const src of sync.sources || []) {
    rows.push(syncRows(['data from ', h('strong', null, src.sourceZone || src.sourceZoneId || '?')], src, [
      lag(src.lagSeconds),
      src.behindShardCount ? warn('behind on ' + fmt.count(src.behindShardCount, 'shard'), src.behindShards) : null,
      src.recoveringShardCount ? warn(fmt.count(src.recoveringShardCount, 'shard') + ' recovering', src.recoveringShards) : null,
      src.behind ? flagged(src.behindStreak) : null,
    ], { source: src.sourceZone || src.sourceZoneId || '' }));
  }
  return h('table', { class: 'sync-table' },
    h('thead', null, h('tr', null, h('th', null, ''), h('th', null, 'state'), h('th', null, 'full sync'), h('th', null, 'incremental'))),
    h('tbody', null, rows),
    (sync.warnings || []).length ? h('tfoot', null, h('tr', null, h('td', { colspan: '4' },
      sync.warnings.map((w) => h('div', { class: 'warning-line' }, 'unrecognised: ', w))))) : null);
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

/** The zone's lag; "–" when unknown, and why on hover. */
function lagStat(sync) {
  const known = Boolean(sync) && sync.lagSeconds !== null && sync.lagSeconds !== undefined;
  return stat('Lag', known ? fmt.duration(sync.lagSeconds) : '–', 'oldest change not applied', {
    dataset: { key: 'lag', seconds: known ? sync.lagSeconds : '' },
    title: known ? fmt.int(sync.lagSeconds) + ' seconds' : lagUnknownWhy(sync),
  });
}

/** The API leaves a zone's lag null when a part that pulls and is not caught up has no lag of its own. */
function lagUnknownWhy(sync) {
  if (!sync) return 'lag unknown: no sync status of this zone yet';
  const withoutLag = (part) => part && (part.lagSeconds === null || part.lagSeconds === undefined)
    && part.health !== 'NOT_SYNCING';
  const parts = [];
  if (withoutLag(sync.metadata)) parts.push('metadata (' + fmt.words(sync.metadata.health) + ')');
  for (const source of sync.sources || []) {
    if (withoutLag(source)) parts.push('data from ' + source.sourceZone + ' (' + fmt.words(source.health) + ')');
  }
  return 'lag unknown: ' + (parts.length ? parts.join(', ') + ' reports no oldest change not applied' : 'no part reports one');
}

function lag(seconds) {
  return seconds ? h('span', null, 'lag ' + fmt.duration(seconds)) : null;
}

function flagged(streak) {
  return h('span', { class: 'bad', title: 'behind in consecutive observations' }, 'behind for ' + fmt.count(streak, 'observation'));
}

function warn(text, ids) {
  return h('span', { class: 'warn', title: ids && ids.length ? 'shards ' + ids.join(', ') : null }, text);
}

/** "12/128" (shards in that phase of all shards) plus a thin bar. */
function progress(label, p) {
  if (!p) return h('span', { class: 'muted' }, '–');
  const share = p.total ? (100 * p.shards) / p.total : 0;
  return h('span', { class: 'shard-progress', title: `${label} sync: ${p.shards} of ${p.total} shards` },
    fmt.shards(p), h('span', { class: 'minibar' }, h('span', { style: { width: share + '%' } })));
}

function topologyCard(t) {
  if (!t) return null;
  if (!t.discovered) {
    return card('Topology', { class: 'card topology', id: 'topology' },
      h('p', { class: 'muted' }, 'not discovered yet (no period read)'), staleNotes(t.freshness && t.freshness.stale ? [t.freshness] : []));
  }
  return card('Topology', { class: 'card topology', id: 'topology' },
    staleNotes(t.freshness && t.freshness.stale ? [t.freshness] : []),
    facts([
      ['Realm', [h('span', { id: 'topology-realm' }, t.realmName || '–'), t.realmId ? h('span', { class: 'muted id' }, ' ' + t.realmId) : null]],
      ['Period', [h('span', { class: 'id' }, t.periodId || '–'), ' epoch ' + t.epoch]],
      ['Master zone', t.masterZone || '–'],
    ]),
    (t.zonegroups || []).map((zg) =>
      h('div', { class: 'zonegroup', dataset: { zonegroup: zg.name } },
        h('h4', null, 'zonegroup ', h('strong', null, zg.name),
          zg.isMaster || zg.master ? h('span', { class: 'badge master-badge' }, 'MASTER ZONEGROUP') : null,
          h('span', { class: 'muted' }, (zg.endpoints || []).join(', '))),
        h('table', { class: 'grid compact' },
          h('thead', null, h('tr', null, ['zone', 'id', 'role', 'endpoints', 'tier', 'syncs from'].map((x) => h('th', null, x)))),
          h('tbody', null, (zg.zones || []).map((z) => h('tr', { dataset: { zone: z.name } },
            h('td', null, z.name),
            h('td', { class: 'id' }, z.id || ''),
            h('td', null, z.id && z.id === zg.masterZoneId ? h('span', { class: 'badge master-badge' }, 'master') : 'secondary',
              z.readOnly ? ' (read-only)' : ''),
            h('td', null, (z.endpoints || []).join(', ')),
            h('td', null, z.tierType || 'rgw'),
            h('td', null, z.syncFromAll ? 'all zones' : (z.syncFrom || []).join(', ') || 'none'))))))));
}
