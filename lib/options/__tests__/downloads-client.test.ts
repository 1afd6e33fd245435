import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DownloadsEvent, DownloadsRequest, ModelDiskStatus } from '../../protocol/messages';
import type { AnyModelRecord } from '../../models/types';
import { FakePort } from '../../protocol/__tests__/fake-port';

/** Each port Options opens to the engine host, newest last. */
const ports: Array<FakePort<DownloadsRequest, DownloadsEvent>> = [];
vi.mock('../../protocol/ports', () => ({
  connectPort: () => {
    const port = new FakePort<DownloadsRequest, DownloadsEvent>();
    ports.push(port);
    return port;
  },
}));
vi.mock('../../protocol/requests', () => ({ sendRequest: async () => ({ ready: true }) }));

const { DownloadsClient } = await import('../downloads-client');

const RECORD = { model_id: 'Tiny', model: 'http://127.0.0.1:1/Tiny', model_lib: 'x' } as AnyModelRecord;
const STORED: ModelDiskStatus = { bytesOnDisk: 4096, complete: true, filesCached: 6, filesTotal: 6 };
const NOTHING: ModelDiskStatus = { bytesOnDisk: 0, complete: false, filesCached: 0, filesTotal: 6 };
const asked = (port: FakePort<DownloadsRequest, DownloadsEvent>) =>
  port.posted.filter((request) => request.type === 'downloads/status').length;

describe('DownloadsClient', () => {
  beforeEach(() => void ports.splice(0));

  it('shows a finished download as stored from the news itself, without asking again', async () => {
    const client = new DownloadsClient();
    await client.connect([RECORD]);
    const port = ports[0]!;
    port.deliver({ type: 'downloads/status', statuses: { Tiny: NOTHING }, active: [] });
    client.download(RECORD);
    await vi.waitFor(() => expect(port.posted.at(-1)).toEqual({ type: 'downloads/start', record: RECORD }));
    port.deliver({
      type: 'downloads/progress',
      modelId: 'Tiny',
      progress: { loadedBytes: 1, totalBytes: 2, fraction: 0.5 },
    });
    expect(client.active.value).toEqual(['Tiny']);

    port.deliver({ type: 'downloads/finished', modelId: 'Tiny', error: null, status: STORED });
    expect(client.active.value).toEqual([]);
    expect(client.statuses.value.Tiny).toEqual(STORED);
    expect(asked(port)).toBe(1);
  });

  it('asks again when the news of a finished download comes without what is stored', async () => {
    const client = new DownloadsClient();
    await client.connect([RECORD]);
    const port = ports[0]!;
    port.deliver({ type: 'downloads/finished', modelId: 'Tiny', error: null });
    await vi.waitFor(() => expect(asked(port)).toBe(2));
  });

  it('asks a new host once when the old one closed before it answered', async () => {
    const client = new DownloadsClient();
    await client.connect([RECORD]);
    ports[0]!.disconnectFromPeer();
    await vi.waitFor(() => expect(ports).toHaveLength(2));
    await vi.waitFor(() => expect(asked(ports[1]!)).toBe(1));

    // The new one closes too, still without an answer: the client does not keep starting hosts.
    ports[1]!.disconnectFromPeer();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ports).toHaveLength(2);

    // A host that answered and then closed for idleness is not started again for nothing.
    client.refresh();
    await vi.waitFor(() => expect(ports).toHaveLength(3));
    ports[2]!.deliver({ type: 'downloads/status', statuses: { Tiny: STORED }, active: [] });
    ports[2]!.disconnectFromPeer();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ports).toHaveLength(3);
    expect(client.statuses.value.Tiny).toEqual(STORED);
  });
});
