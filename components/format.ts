/** Number formatting for the panel: sizes in MB/GB in the user's locale. */

export function formatBytes(bytes: number): string {
  const gib = 1024 ** 3;
  const mib = 1024 ** 2;
  const format = (value: number, digits: number) =>
    value.toLocaleString(undefined, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  return bytes >= gib ? `${format(bytes / gib, 1)} GB` : `${format(bytes / mib, 0)} MB`;
}
