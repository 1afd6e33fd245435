import { describe, expect, it, vi } from 'vitest';
import { ProgressTracker, type DownloadProgress } from '../download-progress';
import { steppingClock } from './fake-model';

describe('ProgressTracker', () => {
  it('never moves the fraction back when a newly learned size grows the total', () => {
    const reports: DownloadProgress[] = [];
    const tracker = new ProgressTracker('m', steppingClock(200), (p) => reports.push(p));
    tracker.setPlan(['a', 'b']);
    tracker.expect('a', 100);
    tracker.addReceived('a', 100);
    tracker.finish('a');
    tracker.emit(true);
    tracker.expect('b', 900);
    tracker.emit(true);
    expect(reports.map((r) => r.fraction)).toEqual([0.99, 0.99]);
    expect(reports[1]).toMatchObject({ loadedBytes: 100, totalBytes: 1000, filesDone: 1, filesTotal: 2 });
    tracker.addReceived('b', 900);
    tracker.finish('b');
    tracker.emit(true);
    expect(reports.at(-1)).toMatchObject({ fraction: 1, loadedBytes: 1000, totalBytes: 1000, etaSeconds: 0 });
  });

  it('estimates the time left from the network rate and ignores cached bytes', () => {
    const tracker = new ProgressTracker('m', steppingClock(1000));
    tracker.setPlan(['cached', 'big']);
    tracker.addCached('cached', 5000);
    tracker.expect('big', 3000);
    tracker.addReceived('big', 1000);
    // Two clock reads (constructor, snapshot) 1 s apart: 1000 bytes/s, 2000 bytes left.
    expect(tracker.snapshot()).toMatchObject({
      etaSeconds: 2,
      fromCacheBytes: 5000,
      loadedBytes: 6000,
      totalBytes: 8000,
    });
  });

  it('reports nothing until the plan is known', () => {
    const reports: DownloadProgress[] = [];
    const tracker = new ProgressTracker('m', steppingClock(), (p) => reports.push(p));
    tracker.addReceived('config', 10);
    tracker.emit(true);
    expect(reports).toEqual([]);
  });

  it('sends the bytes that came just before a stall once the pacing allows, and nothing after stop()', () => {
    vi.useFakeTimers();
    try {
      let clock = 0;
      const reports: DownloadProgress[] = [];
      const tracker = new ProgressTracker(
        'm',
        () => clock,
        (p) => reports.push(p),
      );
      tracker.setPlan(['a']);
      tracker.expect('a', 1000);
      tracker.emit(true);
      clock = 10;
      tracker.addReceived('a', 600);
      tracker.emit();
      expect(reports.map((r) => r.loadedBytes)).toEqual([0]);
      clock = 100;
      vi.advanceTimersByTime(90);
      expect(reports.map((r) => r.loadedBytes)).toEqual([0, 600]);

      clock = 150;
      tracker.addReceived('a', 100);
      tracker.emit();
      tracker.stop();
      vi.advanceTimersByTime(1000);
      expect(reports.map((r) => r.loadedBytes)).toEqual([0, 600]);
    } finally {
      vi.useRealTimers();
    }
  });
});
