// Small building blocks shared by the tabs: chips, bars, badges, cards, tables.
import { h } from './dom.js';
import * as fmt from './format.js';

/** HIGH / MEDIUM / LOW / SETTLING / SYNCED / DISABLED / UNKNOWN */
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

/**
 * AGENT (pushing) / STALE (no push for too long, or never) / NO AGENT, with the push age.
 * `agent` is the zone's entry of /api/dashboard zoneAgents, undefined when no agent is known.
 */
export function agentBadge(agent) {
  if (!agent) {
    return h('span', { class: 'badge agent-none', dataset: { agent: 'NONE' },
      title: 'no zone agent pushes for this zone: shard-level sync state is unknown' }, 'NO AGENT');
  }
  const stale = Boolean(agent.stale);
  const title = agent.lastPush
    ? `last push ${fmt.time(agent.lastPush)}; STALE after ${fmt.duration(agent.staleAfterSeconds)} without a push`
    : 'a push token is configured but this agent has never pushed';
  return h('span', { class: 'badge ' + (stale ? 'agent-stale' : 'agent-ok'), dataset: { agent: stale ? 'STALE' : 'AGENT' }, title },
    stale ? 'STALE' : 'AGENT', ' ', agent.lastPush ? age(agent.ageSeconds) : 'never pushed');
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
 * The mark of data that is not current: which part, from where, why, since when. `parts` are the
 * stale entries of /api/dashboard parts (PartStatus); nothing is rendered when there are none.
 */
export function staleNotes(parts) {
  if (!parts || parts.length === 0) return null;
  return h('ul', { class: 'stale-notes' }, parts.map((p) =>
    h('li', { class: 'stale-note', dataset: { part: p.part, zone: p.zone || '' } },
      h('span', { class: 'chip stale' }, 'STALE'), ' ',
      h('strong', null, p.part), p.zone ? ' of ' + p.zone : '', p.origin ? ' (' + p.origin + ')' : '', ': ',
      p.staleReason || 'not refreshed',
      p.failingSince ? ' – failing since ' + fmt.time(p.failingSince) : '',
      ' – last success ' + (p.lastSuccess ? fmt.time(p.lastSuccess) : 'never'))));
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
