import { describe, expect, it } from 'vitest';
import { parseLoadProgress } from '../webllm-load-progress';

const MB = 1024 * 1024;

describe('parseLoadProgress', () => {
  it('reads the bytes fetched from a download report and works out the total', () => {
    const progress = parseLoadProgress({
      progress: 0.12,
      timeElapsed: 5,
      text:
        'Fetching param cache[3/24]: 120MB fetched. 12% completed, 5 secs elapsed. It can take a while when we first ' +
        'visit this page to populate the cache. Later refreshes will become faster.',
    });
    // 5 s for 12%: about 37 s for the remaining 88%.
    expect(progress).toEqual({
      fraction: 0.12,
      loadedBytes: 120 * MB,
      totalBytes: 1000 * MB,
      fromCache: false,
      stage: 'download',
      etaSeconds: 37,
    });
  });

  it('marks a load from the local cache as such', () => {
    const progress = parseLoadProgress({
      progress: 0.4,
      timeElapsed: 2,
      text: 'Loading model from cache[3/24]: 300MB loaded. 40% completed, 2 secs elapsed.',
    });
    expect(progress).toEqual({
      fraction: 0.4,
      loadedBytes: 300 * MB,
      totalBytes: 750 * MB,
      fromCache: true,
      stage: 'cache',
      etaSeconds: 3,
    });
  });

  it('gives no time left in the first seconds, when the pace says little', () => {
    const early = parseLoadProgress({
      progress: 0.3,
      timeElapsed: 1,
      text: 'Fetching param cache[1/24]: 30MB fetched. 30% completed, 1 secs elapsed.',
    });
    expect(early.etaSeconds).toBeUndefined();
    expect(early.loadedBytes).toBe(30 * MB);
  });

  it('gives only the fraction for reports without byte counts', () => {
    expect(parseLoadProgress({ progress: 0, timeElapsed: 0, text: 'Start to fetch params' })).toEqual({
      fraction: 0,
      fromCache: false,
      stage: 'download',
    });
  });

  it('gives the bytes but no total while the fraction is still zero', () => {
    const progress = parseLoadProgress({
      progress: 0,
      timeElapsed: 0,
      text: 'Fetching param cache[1/24]: 1MB fetched. 0% completed, 0 secs elapsed.',
    });
    expect(progress).toEqual({ fraction: 0, loadedBytes: MB, fromCache: false, stage: 'download' });
  });

  it('names the GPU programs stage after the download, with its own time left, instead of starting again at 1%', () => {
    const progress = parseLoadProgress({
      progress: 0.25,
      timeElapsed: 10,
      text: 'Loading GPU shader modules[20/80]: 25% completed, 10 secs elapsed.',
    });
    expect(progress).toEqual({ fraction: 0.25, fromCache: false, stage: 'shaders', etaSeconds: 30 });
  });

  it('keeps the fraction between 0 and 1', () => {
    expect(parseLoadProgress({ progress: Number.NaN, timeElapsed: 0, text: '' }).fraction).toBe(0);
    expect(parseLoadProgress({ progress: -0.5, timeElapsed: 0, text: '' }).fraction).toBe(0);
    expect(parseLoadProgress({ progress: 1.7, timeElapsed: 0, text: '' }).fraction).toBe(1);
    expect(parseLoadProgress({ progress: Number.POSITIVE_INFINITY, timeElapsed: 0, text: '' }).fraction).toBe(0);
  });
});
