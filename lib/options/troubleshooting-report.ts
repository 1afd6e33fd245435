/** The plain text Options › Troubleshooting copies for a bug report: versions, then one line per diagnostic event. */
import { detailsText, type DiagnosticEvent } from '../core/diagnostics';

export interface ReportVersions {
  /** The extension's version from its manifest. */
  extension: string;
  /** navigator.userAgent of the browser it runs in. */
  userAgent: string;
}

/** Browser brands to look for, in order: Edge and Opera also say Chrome, so they are asked first. */
const BROWSERS: ReadonlyArray<readonly [token: string, name: string]> = [
  ['Edg', 'Edge'],
  ['OPR', 'Opera'],
  ['Firefox', 'Firefox'],
  ['Chrome', 'Chrome'],
];

/** "Chrome 156.0.0.0" (HeadlessChrome too), "Firefox 153.0"; the whole user agent when no known brand is in it. */
export function browserVersion(userAgent: string): string {
  for (const [token, name] of BROWSERS) {
    const version = new RegExp(`${token}/([\\d.]+)`).exec(userAgent)?.[1];
    if (version) return `${name} ${version}`;
  }
  return userAgent;
}

/** "2025-03-06T16:40:00.000Z page mail-read-failed adapter=gmail step=messages ×3" */
export function diagnosticLine(event: DiagnosticEvent): string {
  const parts = [new Date(event.at).toISOString(), event.context, event.code, detailsText(event.details)];
  if (event.times) parts.push(`×${event.times}`);
  return parts.filter(Boolean).join(' ');
}

export function troubleshootingReport(events: readonly DiagnosticEvent[], versions: ReportVersions): string {
  return [`Tacit ${versions.extension}`, browserVersion(versions.userAgent), '', ...events.map(diagnosticLine)]
    .join('\n')
    .trimEnd();
}
