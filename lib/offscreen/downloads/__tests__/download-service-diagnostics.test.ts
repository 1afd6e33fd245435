import { describe, expect, it, vi } from 'vitest';
import type { PageDiagnostic } from '../../../core/diagnostics';
import type { DownloadsEvent, DownloadsRequest } from '../../../protocol/messages';
import { FakePort } from '../../../protocol/__tests__/fake-port';
import { DownloadService } from '../download-service';
import { GgufStore } from '../gguf-store';
import { FakeCacheStorage } from './fake-cache-storage';
import { FakeDirectory } from './fake-directory';
import { fakeModelFiles, fakeRecord, fakeServer, steppingClock } from './fake-model';

const BASE = 'http://127.0.0.1:8123/mlc-ai/Fake-Model-q4f32_1-MLC/resolve/main/';

function setup() {
  const server = fakeServer(fakeModelFiles());
  const diagnostics: PageDiagnostic[] = [];
  const service = new DownloadService({
    caches: new FakeCacheStorage(),
    gguf: new GgufStore({ directory: async () => new FakeDirectory(), fetch: server.fetch, now: steppingClock() }),
    fetch: server.fetch,
    now: steppingClock(),
    recordDiagnostic: (code, details = {}) => void diagnostics.push({ code, details }),
  });
  const port = new FakePort<DownloadsEvent, DownloadsRequest>();
  service.attach(port);
  const finished = () =>
    vi.waitFor(() => {
      const event = port.posted.find((message) => message.type === 'downloads/finished');
      if (!event) throw new Error('not finished');
      return event;
    });
  return { server, diagnostics, port, finished };
}

describe('DownloadService diagnostics', () => {
  it('records a failed download by model, kind, host name and status, never the URL', async () => {
    const { server, diagnostics, port, finished } = setup();
    server.behavior.set(`${BASE}params_shard_1.bin`, { status: 503 });
    port.deliver({ type: 'downloads/start', record: fakeRecord() });
    expect(await finished()).toMatchObject({ error: { code: 'model-download-failed' } });
    expect(diagnostics).toEqual([
      {
        code: 'download-failed',
        details: { model: 'Fake-Model-q4f32_1-MLC', reason: 'http', host: '127.0.0.1', status: 503 },
      },
    ]);
    expect(JSON.stringify(diagnostics)).not.toContain('params_shard');
  });

  it('records nothing for a download that finishes', async () => {
    const { diagnostics, port, finished } = setup();
    port.deliver({ type: 'downloads/start', record: fakeRecord() });
    expect(await finished()).toMatchObject({ error: null });
    expect(diagnostics).toEqual([]);
  });

  it('records nothing for a download the user cancels', async () => {
    const { server, diagnostics, port, finished } = setup();
    server.behavior.set(`${BASE}params_shard_0.bin`, { stallAfter: 1024 });
    port.deliver({ type: 'downloads/start', record: fakeRecord() });
    await vi.waitFor(() => expect(server.log).toContain(`${BASE}params_shard_0.bin`));
    port.deliver({ type: 'downloads/cancel', modelId: fakeRecord().model_id });
    expect(await finished()).toMatchObject({ error: { code: 'download-cancelled' } });
    expect(diagnostics).toEqual([]);
  });
});
