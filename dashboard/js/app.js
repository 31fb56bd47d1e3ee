// Entry point: tabs (hash routing), the shared header, live updates over SSE.
import { getJson, LiveStream } from './api.js';
import { $, fill, h } from './dom.js';
import * as fmt from './format.js';
import { OverviewView } from './overview.js';
import { BucketsView } from './buckets.js';
import { ErrorsView } from './errors.js';
import { BucketDetail } from './detail.js';
import { startAgeTicker } from './widgets.js';

const detail = new BucketDetail($('#bucket-detail'), {
  onClose: () => {
    if (location.hash.startsWith('#buckets/')) history.replaceState(null, '', '#buckets');
  },
});
const openBucket = (name) => {
  location.hash = '#buckets/' + encodeURIComponent(name);
};

const views = {
  overview: new OverviewView($('#tab-overview')),
  buckets: new BucketsView($('#tab-buckets'), { openBucket }),
  errors: new ErrorsView($('#tab-errors'), { openBucket }),
};

// announced: the newest snapshot number the event stream has announced, of the primary run
// (boot id) announcedBoot
const state = {
  tab: null, dashboard: null, refreshing: false, again: false, forceAgain: false, announced: 0, announcedBoot: null,
  streamOpened: false,
};

/** The page shows the newest snapshot announced, of the same primary run. */
function showsAnnounced() {
  const d = state.dashboard;
  return Boolean(d) && (!state.announcedBoot || d.bootId === state.announcedBoot) && d.snapshot >= state.announced;
}

function currentRoute() {
  const [tab, arg] = location.hash.replace(/^#/, '').split('/', 2);
  return { tab: views[tab] ? tab : 'overview', bucket: arg ? decodeURIComponent(arg) : null };
}

function showTab(tab) {
  for (const [name, view] of Object.entries(views)) {
    view.root.hidden = name !== tab;
    const link = $(`#tab-link-${name}`);
    link.classList.toggle('active', name === tab);
    link.setAttribute('aria-selected', String(name === tab));
  }
  state.tab = tab;
}

async function onRoute() {
  const hash = location.hash;
  const route = currentRoute();
  const changed = route.tab !== state.tab;
  showTab(route.tab);
  if (changed) await refresh();
  // a navigation during the load (e.g. a bucket opened) has its own call: that one decides
  if (location.hash !== hash) return;
  if (route.bucket) detail.open(route.bucket);
  else detail.close();
}

/**
 * Reloads the header and the visible tab (and the open detail). Calls that arrive while a refresh
 * runs are coalesced into one more refresh afterwards, and only when a newer snapshot than the one
 * just loaded was announced (or the call was forced): a burst of snapshots costs at most two loads.
 */
async function refresh(force = false) {
  if (state.refreshing) {
    state.again = true;
    state.forceAgain = state.forceAgain || force;
    return;
  }
  state.refreshing = true;
  try {
    do {
      state.again = false;
      state.forceAgain = false;
      await refreshOnce();
    } while (state.again && (state.forceAgain || !showsAnnounced()));
  } finally {
    state.refreshing = false;
  }
}

async function refreshOnce() {
  try {
    const dashboard = await getJson('/api/dashboard');
    state.dashboard = dashboard;
    renderHeader(dashboard);
    await views[state.tab].load(dashboard);
    if (detail.isOpen()) await detail.reload();
    showLoadError(null);
  } catch (error) {
    showLoadError(error);
  }
}

function renderHeader(d) {
  $('#demo-banner').hidden = !d.demo;
  document.body.classList.toggle('is-demo', Boolean(d.demo));

  const topology = d.topology || {};
  $('#realm').textContent = topology.realmName ? 'realm ' + topology.realmName : '';

  const health = d.health || {};
  const badge = $('#health');
  badge.textContent = health.status || '';
  badge.dataset.health = health.status || '';
  badge.title = (health.reasons || []).map((r) => r.message).join('\n');

  fill($('#updated'), 'snapshot ', h('span', { id: 'snapshot-id' }, d.snapshot ?? '–'), ' · ', fmt.time(d.generatedAt));
  const errors = (d.summary || {}).errors;
  $('#error-count').textContent = errors ? fmt.int(errors) : '';
}

function showLoadError(error) {
  const box = $('#load-error');
  box.hidden = !error;
  if (error) box.textContent = 'Could not load data: ' + error.message + ' – showing the last data received.';
}

function renderConnection({ connected, retryAt }) {
  const el = $('#connection');
  el.dataset.state = connected ? 'live' : 'lost';
  clearInterval(renderConnection.timer);
  if (connected) {
    el.textContent = 'live';
    el.title = 'receiving updates from /api/events';
    return;
  }
  const paint = () => {
    const seconds = Math.max(0, Math.ceil((retryAt - Date.now()) / 1000));
    el.textContent = `connection lost – retrying in ${seconds}s`;
  };
  paint();
  el.title = 'the live update stream dropped; the page keeps the last data and reconnects by itself';
  renderConnection.timer = setInterval(paint, 1000);
}

// The stream announces every snapshot (the current one first on each connect, so a reconnect
// catches up by itself); one already shown is not loaded again. A restarted primary numbers its
// snapshots from 0 again under a new boot id: a new boot id, or a number lower than one announced
// before, starts the count over, so the page follows the new run instead of waiting for it to
// pass the old number. Every (re)open also loads once, whatever the numbers say.
const live = new LiveStream({
  onSnapshot: (event) => {
    const announced = typeof event.snapshot === 'number' ? event.snapshot : Number.MAX_SAFE_INTEGER;
    const boot = typeof event.boot === 'string' ? event.boot : null;
    if (boot !== state.announcedBoot || announced < state.announced) {
      state.announcedBoot = boot;
      state.announced = announced;
    } else {
      state.announced = Math.max(state.announced, announced);
    }
    if (!state.refreshing && showsAnnounced()) return;
    refresh();
  },
  onState: (connection) => {
    renderConnection(connection);
    // the first open comes with the page's own first load; a reopen may follow a restart
    if (connection.connected && state.streamOpened) refresh(true);
    state.streamOpened = state.streamOpened || connection.connected;
  },
});

window.addEventListener('hashchange', onRoute);
startAgeTicker();
onRoute();
live.start();
