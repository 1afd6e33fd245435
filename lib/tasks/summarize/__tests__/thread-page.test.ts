import { describe, expect, it } from 'vitest';
import { threadAsPage } from '../thread-page';

describe('threadAsPage', () => {
  it('writes the subject as heading, then each message under its sender and date, oldest first', () => {
    const page = threadAsPage(
      {
        client: 'gmail',
        subject: 'Lisbon offsite: venue booking',
        lang: 'en',
        conversation: { client: 'gmail', ids: ['thread:1'], messageIds: [], subject: 'Lisbon offsite: venue booking' },
        messages: [
          {
            from: 'Maya Lindqvist',
            fromAddress: 'maya@example.com',
            date: 'Mon, 3 Mar',
            text: 'Could we book the hall?',
          },
          { from: 'jonas@example.com', fromAddress: 'jonas@example.com', text: 'Yes, please do.' },
        ],
      },
      'https://mail.example.com/#inbox/1',
    );
    expect(page).toEqual({
      title: 'Lisbon offsite: venue booking',
      url: 'https://mail.example.com/#inbox/1',
      text:
        '# Lisbon offsite: venue booking\n\n## Maya Lindqvist <maya@example.com> — Mon, 3 Mar\n\nCould we book the hall?' +
        '\n\n## jonas@example.com\n\nYes, please do.',
      source: 'mail-thread',
      lang: 'en',
    });
  });
});
