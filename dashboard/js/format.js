// Number, size, time and state formatting shared by every view.

const intFormat = new Intl.NumberFormat('en-US');

export function int(n) {
  return n === null || n === undefined ? '–' : intFormat.format(n);
}

export function signedInt(n) {
  if (n === null || n === undefined) return '–';
  return n > 0 ? '+' + intFormat.format(n) : intFormat.format(n);
}

export function pct(p) {
  if (p === null || p === undefined || Number.isNaN(p)) return '–';
  // 99.95 must not read as 100.0 while objects are still missing
  const floored = Math.floor(p * 10) / 10;
  return floored.toFixed(1) + ' %';
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

export function bytes(n) {
  if (n === null || n === undefined) return '–';
  let value = Math.abs(n);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = unit === 0 ? String(value) : value.toFixed(value < 10 ? 2 : 1);
  return (n < 0 ? '-' : '') + text + ' ' + UNITS[unit];
}

/** 75 → "1m 15s", 7300 → "2h 1m" */
export function duration(seconds) {
  if (seconds === null || seconds === undefined) return '–';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return s + 's';
  if (s < 3600) return Math.floor(s / 60) + 'm ' + (s % 60) + 's';
  if (s < 86400) return Math.floor(s / 3600) + 'h ' + Math.floor((s % 3600) / 60) + 'm';
  return Math.floor(s / 86400) + 'd ' + Math.floor((s % 86400) / 3600) + 'h';
}

/** ISO time → "2026-11-25 14:03:07" in the browser's zone (operators compare with logs). */
export function time(iso) {
  if (!iso) return '–';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const pad = (v) => String(v).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function ago(iso, now = Date.now()) {
  if (!iso) return '–';
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return String(iso);
  return duration((now - t) / 1000) + ' ago';
}

/** "12/128" shard progress; null when the status did not print it. */
export function shards(progress) {
  if (!progress) return '–';
  return `${progress.shards}/${progress.total}`;
}

/** Linux errno names for the codes sync error list reports (positive numbers). */
const ERRNO = {
  1: 'EPERM', 2: 'ENOENT', 5: 'EIO', 11: 'EAGAIN', 13: 'EACCES', 16: 'EBUSY', 17: 'EEXIST',
  22: 'EINVAL', 27: 'EFBIG', 28: 'ENOSPC', 34: 'ERANGE', 61: 'ENODATA', 95: 'EOPNOTSUPP',
  110: 'ETIMEDOUT', 111: 'ECONNREFUSED', 113: 'EHOSTUNREACH', 122: 'EDQUOT', 125: 'ECANCELED',
};

export function errnoName(code) {
  return ERRNO[Math.abs(code)] || 'errno ' + code;
}

/** Readable words for the API's enum values (CAUGHT_UP → "caught up"). */
export function words(value) {
  if (value === null || value === undefined) return '–';
  return String(value).toLowerCase().replaceAll('_', ' ');
}

/** The seed's classification of a sync % (the server's Priority.ofSyncPercent); used to colour averages. */
export function priorityOfPercent(p) {
  if (p === null || p === undefined) return 'UNKNOWN';
  if (p < 85) return 'HIGH';
  if (p < 95) return 'MEDIUM';
  if (p < 99) return 'LOW';
  return 'SYNCED';
}

/** "1 shard", "3 shards" */
export function count(n, noun) {
  return `${int(n)} ${noun}${n === 1 ? '' : 's'}`;
}
