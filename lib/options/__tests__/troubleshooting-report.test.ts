import { describe, expect, it } from 'vitest';
import { browserVersion, troubleshootingReport } from '../troubleshooting-report';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const EDGE = `${CHROME} Edg/140.0.3485.54`;
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0';

describe('browserVersion', () => {
  it('names the browser and its version', () => {
    expect(browserVersion(CHROME)).toBe('Chrome 156.0.0.0');
    expect(browserVersion(EDGE)).toBe('Edge 140.0.3485.54');
    expect(browserVersion(FIREFOX)).toBe('Firefox 153.0');
    expect(browserVersion(CHROME.replace('Chrome/', 'HeadlessChrome/'))).toBe('Chrome 156.0.0.0');
    expect(browserVersion('SomeBrowser/1')).toBe('SomeBrowser/1');
  });
});

describe('troubleshootingReport', () => {
  it('lists the versions, then each event with its UTC time, context, code, details and repeats', () => {
    const report = troubleshootingReport(
      [
        {
          at: Date.UTC(2025, 2, 6, 16, 40),
          context: 'page',
          code: 'mail-read-failed',
          details: { count: 0, adapter: 'gmail', step: 'messages' },
        },
        { at: Date.UTC(2025, 2, 6, 16, 41), context: 'background', code: 'gpu-unavailable', details: {}, times: 3 },
      ],
      { extension: '0.1.0', userAgent: CHROME },
    );
    expect(report).toBe(
      [
        'Tacit 0.1.0',
        'Chrome 156.0.0.0',
        '',
        '2025-03-06T16:40:00.000Z page mail-read-failed adapter=gmail step=messages count=0',
        '2025-03-06T16:41:00.000Z background gpu-unavailable ×3',
      ].join('\n'),
    );
  });

  it('is just the versions when nothing was recorded', () => {
    expect(troubleshootingReport([], { extension: '0.1.0', userAgent: FIREFOX })).toBe('Tacit 0.1.0\nFirefox 153.0');
  });
});
