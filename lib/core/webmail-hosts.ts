/** The hosts of the webmail clients Tacit knows, so the toolbar can open the Reply view there. Pure. */
export type WebmailClient = 'gmail' | 'outlook' | 'proton' | 'generic';
/** A client with an adapter of its own (lib/page/webmail), as opposed to the generic reading of any page. */
export type KnownWebmailClient = Exclude<WebmailClient, 'generic'>;

const CLIENT_HOSTS: ReadonlyArray<{ client: KnownWebmailClient; hosts: readonly string[] }> = [
  { client: 'gmail', hosts: ['mail.google.com'] },
  {
    client: 'outlook',
    hosts: ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com', 'outlook.cloud.microsoft'],
  },
  { client: 'proton', hosts: ['mail.proton.me', 'mail.protonmail.com'] },
];

/** Match patterns for the known clients, offered as optional host permissions (asked for only from the Reply view). */
export const WEBMAIL_ORIGIN_PATTERNS: readonly string[] = CLIENT_HOSTS.flatMap((entry) =>
  entry.hosts.map((host) => `https://${host}/*`),
);

/** The permission pattern that lets Tacit read this webmail page when asked, if it is a known client. */
export function webmailOriginPattern(url: string | undefined): string | undefined {
  return webmailClientOfUrl(url) ? `https://${new URL(url!).hostname.toLowerCase()}/*` : undefined;
}

/** The known client served from this host, if any. */
export function webmailClientOfHost(hostname: string): KnownWebmailClient | undefined {
  const host = hostname.toLowerCase();
  return CLIENT_HOSTS.find((entry) => entry.hosts.includes(host))?.client;
}

/** The known client at this URL (https only: the real clients are never served over plain http). */
export function webmailClientOfUrl(url: string | undefined): KnownWebmailClient | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? webmailClientOfHost(parsed.hostname) : undefined;
  } catch {
    // Not a URL: no client lives there.
    return undefined;
  }
}
