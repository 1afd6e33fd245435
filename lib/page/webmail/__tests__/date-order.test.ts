import { describe, expect, it } from 'vitest';
import { dateOrderKeys } from '../date-order';

function order(texts: string[]): number[] | undefined {
  const keys = dateOrderKeys(texts);
  return keys?.map((key) => [...keys].sort((a, b) => a - b).indexOf(key));
}

describe('dateOrderKeys', () => {
  it.each([
    [
      'English, month first, 12-hour clock',
      ['Thu 3/13/2025 4:02 PM', 'Thu 3/13/2025 9:15 AM', 'Mon 3/10/2025 9:05 AM'],
    ],
    ['German, day first', ['Do 13.03.2025 16:02', 'Do 13.03.2025 09:15', 'Mo 10.03.2025 09:05']],
    ['French, 16h02', ['jeu. 13/03/2025 16h02', 'jeu. 13/03/2025 09h15', 'lun. 10/03/2025 09h05']],
    ['Japanese, year first', ['2025/03/13 (木) 16:02', '2025/03/13 (木) 9:15', '2025/03/10 (月) 9:05']],
    ['Chinese, 下午', ['2025/3/13 周四 下午 4:02', '2025/3/13 周四 上午 9:15', '2025/3/10 周一 上午 9:05']],
  ])('orders %s without reading its words', (_language, newestFirst) => {
    expect(order(newestFirst)).toEqual([2, 1, 0]);
  });

  it('puts a bare time (today) after every dated message, and gives up on text without a date', () => {
    expect(order(['Mo 10.03.2025 09:05', '16:02'])).toEqual([0, 1]);
    expect(dateOrderKeys(['Yesterday', 'Mo 10.03.2025 09:05'])).toBeUndefined();
  });
});
