/** The names the mail clients go by (brand names, the same in every language). */
import type { WebmailClient } from '@/lib/core/webmail-hosts';

const CLIENT_NAME: Readonly<Record<Exclude<WebmailClient, 'generic'>, string>> = {
  gmail: 'Gmail',
  outlook: 'Outlook',
  proton: 'Proton Mail',
};

/** The client's name, or undefined for other sites (the caller words those itself). */
export function clientName(client: string | undefined): string | undefined {
  return client && client in CLIENT_NAME ? CLIENT_NAME[client as keyof typeof CLIENT_NAME] : undefined;
}
