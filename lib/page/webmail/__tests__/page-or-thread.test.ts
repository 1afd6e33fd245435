// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { extractPageOrThread } from '../page-or-thread';
import { closeMailWindows, mailFixture } from './mail-fixture';

afterEach(closeMailWindows);

describe('extractPageOrThread', () => {
  it('on a webmail client, summarizes the open conversation, not the mailbox around it', () => {
    const result = extractPageOrThread(mailFixture('gmail-thread.html'));
    if (!result.ok) throw new Error(result.error.code);
    const { page } = result;
    expect(page.source).toBe('mail-thread');
    expect(page.title).toBe('Lisbon offsite: venue booking');
    expect(
      page.text.startsWith(
        '# Lisbon offsite: venue booking\n\n## Maya Lindqvist <maya.lindqvist@example.com> — Mon, 3 Mar 2025, 09:12',
      ),
    ).toBe(true);
    expect(page.text).toContain('Shall I confirm the booking for 12–14 June?');
    // The client's own buttons and navigation are not part of it.
    expect(page.text).not.toContain('Back to Inbox');
    expect(page.text).not.toContain('Compose');
    expect(page.wordCount).toBeGreaterThan(40);
  });

  it('without an open conversation (the inbox list), reads the page as usual', () => {
    const result = extractPageOrThread(mailFixture('gmail-inbox.html'));
    expect(result.ok && result.page.source).not.toBe('mail-thread');
  });
});
