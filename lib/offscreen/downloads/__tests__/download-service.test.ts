import { describe, expect, it } from 'vitest';
import type { DownloadsEvent, DownloadsRequest } from '../../../protocol/messages';
import { FakePort } from '../../../protocol/__tests__/fake-port';
import { DownloadService } from '../download-service';
import { FakeCacheStorage } from './fake-cache-storage';
import { fakeModelFiles, fakeRecord, fakeServer, SHARD_SIZES, steppingClock } from './fake-model';

const BASE = 'http://127.0.0.1:8123/mlc-ai/Fake-Model-q4f32_1-MLC/resolve/main/';

/** Runs one download to its end and returns the failure Options is told about. */
async function finishedError(prepare: (server: ReturnType<typeof fakeServer>) => void, quotaBytes?: number) {
  const server = fakeServer(fakeModelFiles());
  prepare(server);
  const service = new DownloadService({
    caches: new FakeCacheStorage(quotaBytes),
    fetch: server.fetch,
    now: steppingClock(),
  });
  const port = new FakePort<DownloadsEvent, DownloadsRequest>();
  service.attach(port);
  port.deliver({ type: 'downloads/start', record: fakeRecord() });
  await expect.poll(() => port.posted.some((event) => event.type === 'downloads/finished')).toBe(true);
  const finished = port.posted.find((event) => event.type === 'downloads/finished');
  return finished?.type === 'downloads/finished' ? finished.error : undefined;
}

describe('DownloadService failures', () => {
  it('names the host and the HTTP status of a missing file', async () => {
    const error = await finishedError((server) => server.behavior.set(`${BASE}tokenizer.json`, { status: 404 }));
    expect(error).toEqual({ code: 'model-download-failed', host: '127.0.0.1:8123', status: 404 });
  });

  it('names the host it could not reach', async () => {
    const error = await finishedError((server) =>
      server.behavior.set(`${BASE}mlc-chat-config.json`, { unreachable: true }),
    );
    expect(error).toEqual({ code: 'model-source-unreachable', host: '127.0.0.1:8123' });
  });

  it('says how many bytes the model still needs when storage is full', async () => {
    const files = fakeModelFiles();
    const shardBytes = SHARD_SIZES.reduce((a, b) => a + b, 0);
    const otherBytes = [...files]
      .filter(([url]) => !url.endsWith('vocab.json'))
      .reduce((sum, [, body]) => sum + body.byteLength, -shardBytes);
    // Room for everything but the shards; which shard fails first depends on the parallel downloads.
    const error = await finishedError(() => undefined, otherBytes + 100);
    expect(error).toEqual({ code: 'storage-quota', bytesNeeded: expect.any(Number) });
    const bytesNeeded = error?.code === 'storage-quota' ? error.bytesNeeded : undefined;
    expect(bytesNeeded).toBeGreaterThanOrEqual(Math.min(...SHARD_SIZES));
    expect(bytesNeeded).toBeLessThanOrEqual(otherBytes + shardBytes);
  });
});
