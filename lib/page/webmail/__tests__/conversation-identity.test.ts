// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { matchConversation } from '../conversation-identity';
import { gmailAdapter } from '../gmail';
import { outlookAdapter } from '../outlook';
import { protonAdapter } from '../proton';
import type { ConversationIdentity } from '../types';
import { closeMailWindows, mailDocument } from './mail-fixture';

afterEach(closeMailWindows);

function identity(ids: string[], messageIds: string[] = [], subject = 'Plan'): ConversationIdentity {
  return { client: 'outlook', ids, messageIds, subject };
}

describe('matchConversation', () => {
  it('is the same conversation when an id of a kind both have agrees, another one when they differ', () => {
    expect(matchConversation(identity(['url:A', 'row:R']), identity(['url:A']))).toBe('same');
    expect(matchConversation(identity(['url:A']), identity(['url:B', 'row:R']))).toBe('different');
  });

  it('falls back to message ids, and without comparable ids it cannot tell', () => {
    expect(matchConversation(identity(['url:A'], ['m1', 'm2']), identity(['row:R'], ['m2', 'm3']))).toBe('same');
    expect(matchConversation(identity([], ['m1']), identity([], ['m9']))).toBe('different');
    expect(matchConversation(identity(['url:A']), identity(['row:R']))).toBe('unknown');
    expect(matchConversation(identity([]), identity([]))).toBe('unknown');
  });

  it('uses the subject only against a match: reply prefixes do not count, another subject does', () => {
    expect(matchConversation(identity(['url:A'], [], 'Plan'), identity(['url:A'], [], 'AW: RE: plan'))).toBe('same');
    expect(matchConversation(identity(['url:A'], [], 'Plan'), identity(['url:A'], [], 'Budget'))).toBe('different');
    // The same subject never proves anything on its own (every Outlook tab title once read "Outlook").
    expect(matchConversation(identity([], [], 'Outlook'), identity([], [], 'Outlook'))).toBe('unknown');
  });

  it('another client is another conversation', () => {
    expect(matchConversation(identity(['url:A']), { ...identity(['url:A']), client: 'gmail' })).toBe('different');
  });
});

describe('ids from the address', () => {
  it.each([
    ['https://outlook.office.com/mail/inbox/id/AAQkAD%2Fx%3D', 'url:AAQkAD/x='],
    ['https://outlook.office.com/mail/0/sentitems/id/AAMkAD1', 'url:AAMkAD1'],
    ['https://outlook.live.com/mail/0/deeplink/read/AAMkAD2?popoutv2=1', 'url:AAMkAD2'],
    ['https://outlook.office365.com/owa/?ItemID=AAMkAD3&exvsurl=1&viewmodel=ReadMessageItem', 'url:AAMkAD3'],
  ])('Outlook: %s', (url, id) => {
    expect(outlookAdapter.identify(mailDocument('<body></body>', url)).ids).toEqual([id]);
  });

  it.each([
    [
      'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTCxvBbPhJsWkQjSJbDqRxkLc',
      ['url:FMfcgzQZTCxvBbPhJsWkQjSJbDqRxkLc'],
    ],
    [
      'https://mail.google.com/mail/u/0/#label/Work+Items/FMfcgzQZTCxvBbPhJsWkQjSJbDqRxkLc?compose=new',
      ['url:FMfcgzQZTCxvBbPhJsWkQjSJbDqRxkLc'],
    ],
    ['https://mail.google.com/mail/u/0/#inbox', []],
    ['https://mail.google.com/mail/u/0/#label/QuarterlyPlanningMeetings', []],
  ])('Gmail: %s', (url, ids) => {
    expect(gmailAdapter.identify(mailDocument('<body></body>', url)).ids).toEqual(ids);
  });

  it.each([
    [
      'https://mail.proton.me/u/0/inbox/Cv9dR2fT4hJ6kL8mN0pQ2rS4tU6vW8x==',
      ['url:Cv9dR2fT4hJ6kL8mN0pQ2rS4tU6vW8x=='],
      [],
    ],
    [
      'https://mail.proton.me/u/1/archive/Cv9dR2fT4hJ6kL8mN0pQ/Mx1yZ2aB3cD4eF5gH6==',
      ['url:Cv9dR2fT4hJ6kL8mN0pQ'],
      ['Mx1yZ2aB3cD4eF5gH6=='],
    ],
    ['https://mail.proton.me/u/0/inbox', [], []],
  ])('Proton: %s', (url, ids, messageIds) => {
    const found = protonAdapter.identify(mailDocument('<body></body>', url));
    expect([found.ids, found.messageIds]).toEqual([ids, messageIds]);
  });
});
