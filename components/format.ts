/** Number formatting for the panel and Options: sizes and durations in the user's locale. */

export function formatBytes(bytes: number): string {
  const gib = 1024 ** 3;
  const mib = 1024 ** 2;
  const kib = 1024;
  const format = (value: number, digits: number) =>
    value.toLocaleString(undefined, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  if (bytes >= gib) return `${format(bytes / gib, 1)} GB`;
  if (bytes >= mib) return `${format(bytes / mib, 0)} MB`;
  return `${format(bytes / kib, 0)} KB`;
}

/** "3 min", "45 s", "1 h 5 min", with the locale's own unit names. */
export function formatDuration(seconds: number): string {
  const rounded = Math.max(1, Math.round(seconds));
  const unit = (value: number, name: 'hour' | 'minute' | 'second') =>
    new Intl.NumberFormat(undefined, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  if (rounded < 60) return unit(rounded, 'second');
  const minutes = Math.round(rounded / 60);
  if (minutes < 60) return unit(minutes, 'minute');
  return `${unit(Math.floor(minutes / 60), 'hour')} ${unit(minutes % 60, 'minute')}`;
}

/** The time of day with seconds, in the user's locale (diagnostics are kept for one browser session). */
export function formatTime(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
