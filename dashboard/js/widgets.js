// Small building blocks shared by the tabs: chips, bars, badges, cards, tables.
import { h } from './dom.js';
import * as fmt from './format.js';

/** HIGH / MEDIUM / LOW / SYNCED / DISABLED / UNKNOWN */
export function priorityChip(priority) {
  const p = priority || 'UNKNOWN';
  return h('span', { class: 'chip prio-' + p.toLowerCase(), dataset: { priority: p } }, p);
}

/** A zone's replication of a bucket as a bar; the colour follows the priority. */
export function syncBar(percent, priority, label) {
  const known = percent !== null && percent !== undefined;
  const width = known ? Math.max(0, Math.min(100, percent)) : 0;
  return h('div', { class: 'syncbar prio-' + String(priority || 'UNKNOWN').toLowerCase(),
    title: label || (known ? fmt.pct(percent) : 'no data') },
  h('div', { class: 'fill', style: { width: width + '%' } }),
  h('span', { class: 'value' }, known ? fmt.pct(percent) : 'no data'));
}

/** Bucket-on-zone state: BEHIND, RECOVERING, SETTLING, SYNCED, DISABLED, UNKNOWN. */
export function stateChip(state, title) {
  const s = state || 'UNKNOWN';
  return h('span', { class: 'chip state-' + s.toLowerCase(), title, dataset: { state: s } }, fmt.words(s));
}

/** Sync health of metadata / a data source: CAUGHT_UP, BEHIND, RECOVERING, FAILED, … */
export function healthChip(health) {
  const s = health || 'UNKNOWN';
  return h('span', { class: 'chip health-' + s.toLowerCase() }, fmt.words(s));
}

/** AGENT (fresh pushes) / STALE (no push for too long) / NO AGENT, with the push age. */
export function agentBadge(agent) {
  if (!agent) {
    return h('span', { class: 'badge agent-none', dataset: { agent: 'NONE' },
      title: 'no zone agent has pushed for this zone' }, 'NO AGENT');
  }
  const stale = Boolean(agent.stale);
  return h('span', { class: 'badge ' + (stale ? 'agent-stale' : 'agent-ok'), dataset: { agent: stale ? 'STALE' : 'AGENT' },
    title: 'last push ' + fmt.time(agent.lastPush) },
  stale ? 'STALE' : 'AGENT', ' ', age(agent.ageSeconds));
}

/** "23s ago", kept moving between snapshots (seconds as the server measured them + time since). */
export function age(seconds) {
  const el = h('span', { class: 'age' });
  if (seconds === null || seconds === undefined) {
    el.textContent = 'never';
    return el;
  }
  el.dataset.base = String(seconds);
  el.dataset.at = String(Date.now());
  paintAge(el);
  return el;
}

function paintAge(el) {
  const seconds = Number(el.dataset.base) + (Date.now() - Number(el.dataset.at)) / 1000;
  el.textContent = fmt.duration(seconds) + ' ago';
}

export function startAgeTicker() {
  setInterval(() => document.querySelectorAll('span.age[data-base]').forEach(paintAge), 5000);
}

/**
 * The mark of data that is not current: which part, why, since when. `stale` is a list of
 * {part, zone, kind, message, at}; nothing is rendered when the list is empty.
 */
export function staleNotes(stale) {
  if (!stale || stale.length === 0) return null;
  return h('ul', { class: 'stale-notes' }, stale.map((s) =>
    h('li', { class: 'stale-note' },
      h('span', { class: 'chip stale' }, 'STALE'), ' ',
      h('strong', null, s.part || 'data'), s.zone ? ' (' + s.zone + ')' : '', ': ',
      s.message || s.kind || 'not refreshed', s.at ? ' – since ' + fmt.time(s.at) : '')));
}

export function card(title, attrs, ...body) {
  return h('section', { class: 'card', ...attrs }, title ? h('h3', null, title) : null, ...body);
}

/** A labelled figure: the summary cards and the zone cards' key numbers. */
export function stat(label, value, extra, attrs) {
  return h('div', { class: 'stat', ...attrs },
    h('div', { class: 'stat-label' }, label),
    h('div', { class: 'stat-value' }, value),
    extra ? h('div', { class: 'stat-extra' }, extra) : null);
}

/** Key/value rows. */
export function facts(rows) {
  return h('dl', { class: 'facts' }, rows.filter(Boolean).map(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
}

/** A table from column specs {title, cls, cell(row)}; rows are data objects. */
export function table(columns, rows, attrs) {
  return h('table', { class: 'grid', ...attrs },
    h('thead', null, h('tr', null, columns.map((c) => h('th', { class: c.cls, title: c.help }, c.title)))),
    h('tbody', null, rows.map((row) => h('tr', null, columns.map((c) => h('td', { class: c.cls }, c.cell(row)))))));
}

export function shardList(ids) {
  if (!ids || ids.length === 0) return h('span', { class: 'muted' }, 'none');
  return h('span', { class: 'shard-ids' }, ids.join(', '));
}
