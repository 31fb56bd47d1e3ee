// The JSON API and the live event stream. Paths are absolute: the API lives at /api on the
// same origin whatever path the dashboard itself is served under.

export class ApiError extends Error {
  constructor(path, status, detail) {
    super(`${path}: HTTP ${status}${detail ? ' – ' + detail : ''}`);
    this.status = status;
  }
}

export async function getJson(path, params) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== null && value !== undefined && value !== '') url.searchParams.set(key, value);
  }
  const response = await fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok) {
    let detail = '';
    try {
      const body = await response.json();
      detail = body.message || body.error || '';
    } catch (ignored) { /* not JSON */ }
    throw new ApiError(path, response.status, detail);
  }
  return response.json();
}

/** A bucket key (tenant/bucket) as one path segment: the slash must not split it. */
export function bucketPath(name) {
  return '/api/buckets/' + encodeURIComponent(name);
}

/**
 * Subscribes to /api/events. EventSource retries by itself only while the server keeps answering
 * 200 text/event-stream; a restart or an error page closes it for good, so reconnection is ours:
 * on any error close, report "lost", retry with backoff (1 s doubling to 30 s).
 */
export class LiveStream {
  constructor({ onSnapshot, onState }) {
    this.onSnapshot = onSnapshot;
    this.onState = onState;
    this.backoffMs = 1000;
    this.source = null;
    this.retryTimer = null;
  }

  start() {
    // leaving the page must free the connection (browsers allow 6 per host over HTTP/1.1)
    window.addEventListener('pagehide', () => this.stop());
    window.addEventListener('pageshow', (event) => { if (event.persisted) this.connect(); });
    this.connect();
  }

  stop() {
    clearTimeout(this.retryTimer);
    if (this.source) this.source.close();
  }

  connect() {
    clearTimeout(this.retryTimer);
    this.source = new EventSource('/api/events');
    this.source.onopen = () => {
      this.backoffMs = 1000;
      this.onState({ connected: true });
    };
    const handle = (event) => this.onSnapshot(parseData(event.data));
    this.source.onmessage = handle;
    // a named event type too, whichever the server uses
    this.source.addEventListener('snapshot', handle);
    this.source.onerror = () => {
      this.source.close();
      const retryAt = Date.now() + this.backoffMs;
      this.onState({ connected: false, retryAt });
      this.retryTimer = setTimeout(() => this.connect(), this.backoffMs);
      this.backoffMs = Math.min(this.backoffMs * 2, 30000);
    };
  }
}

function parseData(data) {
  try {
    return JSON.parse(data);
  } catch (ignored) {
    return { raw: data };
  }
}
