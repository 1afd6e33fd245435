import { describe, expect, it } from 'vitest';
import { GpuWorkQueue, type QueuePositionUpdate } from '../queue';
import { QueueError, isQueueCancelled } from '../queue-error';

/** A job the test finishes by hand, recording when it started and the signal it got. */
function controllableJob(log: string[], name: string) {
  let finish!: (value: string) => void;
  let fail!: (error: unknown) => void;
  let signal: AbortSignal | undefined;
  const job = (s: AbortSignal) => {
    signal = s;
    log.push(`start ${name}`);
    return new Promise<string>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
  };
  return { job, finish: (v = name) => finish(v), fail: (e: unknown) => fail(e), signal: () => signal };
}

const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Runs each job to completion immediately after it starts, and returns the start order. */
async function startOrder(queue: GpuWorkQueue, requests: Array<[client: string, id: string]>): Promise<string[]> {
  const order: string[] = [];
  const blocker = controllableJob([], 'blocker');
  const blocked = queue.run('other', 'blocker', blocker.job);
  const done = requests.map(([client, id]) => queue.run(client, id, async () => void order.push(id)));
  blocker.finish();
  await Promise.all([blocked, ...done]);
  return order;
}

describe('GpuWorkQueue', () => {
  it('runs one job at a time and returns each result', async () => {
    const queue = new GpuWorkQueue();
    const log: string[] = [];
    const a = controllableJob(log, 'a');
    const b = controllableJob(log, 'b');
    const ra = queue.run('tab1', 'a', a.job);
    const rb = queue.run('tab1', 'b', b.job);
    expect(log).toEqual(['start a']);
    a.finish('A');
    await expect(ra).resolves.toBe('A');
    expect(log).toEqual(['start a', 'start b']);
    b.finish('B');
    await expect(rb).resolves.toBe('B');
    expect(queue.idle).toBe(true);
  });

  it('takes turns between clients so one busy tab cannot starve another', async () => {
    const queue = new GpuWorkQueue();
    const order = await startOrder(queue, [
      ['tab1', 'a1'],
      ['tab1', 'a2'],
      ['tab1', 'a3'],
      ['tab1', 'a4'],
      ['tab1', 'a5'],
      ['tab2', 'b1'],
    ]);
    expect(order).toEqual(['a1', 'b1', 'a2', 'a3', 'a4', 'a5']);
  });

  it('alternates between clients and stays FIFO within each', async () => {
    const queue = new GpuWorkQueue();
    const order = await startOrder(queue, [
      ['tab1', 'a1'],
      ['tab1', 'a2'],
      ['tab2', 'b1'],
      ['tab2', 'b2'],
      ['tab3', 'c1'],
      ['tab1', 'a3'],
    ]);
    expect(order).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'a3']);
  });

  it('puts a client that was just served behind one that has waited', async () => {
    const queue = new GpuWorkQueue();
    const log: string[] = [];
    const a1 = controllableJob(log, 'a1');
    const ra1 = queue.run('tab1', 'a1', a1.job);
    const rb1 = queue.run('tab2', 'b1', async () => void log.push('b1'));
    const ra2 = queue.run('tab1', 'a2', async () => void log.push('a2'));
    expect(queue.position('b1')).toBe(1);
    expect(queue.position('a2')).toBe(2);
    a1.finish();
    await Promise.all([ra1, rb1, ra2]);
    expect(log).toEqual(['start a1', 'b1', 'a2']);
  });

  it('reports positions and notifies only the ones that changed', async () => {
    const queue = new GpuWorkQueue();
    const updates: QueuePositionUpdate[][] = [];
    queue.onPositionsChange((u) => updates.push(u));
    const a = controllableJob([], 'a');
    const ra = queue.run('tab1', 'a', a.job);
    void queue.run('tab1', 'b', async () => 'b');
    void queue.run('tab2', 'c', async () => 'c');
    expect([queue.position('a'), queue.position('c'), queue.position('b'), queue.position('zzz')]).toEqual([
      0,
      1,
      2,
      undefined,
    ]);
    expect(updates).toEqual([
      [{ requestId: 'a', clientId: 'tab1', position: 0 }],
      [{ requestId: 'b', clientId: 'tab1', position: 1 }],
      // c overtakes b: tab2 has never been served.
      [
        { requestId: 'c', clientId: 'tab2', position: 1 },
        { requestId: 'b', clientId: 'tab1', position: 2 },
      ],
    ]);
    updates.length = 0;
    a.finish();
    await ra;
    await flush();
    expect(updates.flat()).toEqual(
      expect.arrayContaining([
        { requestId: 'a', clientId: 'tab1', position: null },
        { requestId: 'c', clientId: 'tab2', position: 0 },
        { requestId: 'b', clientId: 'tab1', position: 1 },
        { requestId: 'c', clientId: 'tab2', position: null },
        { requestId: 'b', clientId: 'tab1', position: 0 },
        { requestId: 'b', clientId: 'tab1', position: null },
      ]),
    );
    expect(queue.idle).toBe(true);
  });

  it('cancels a queued request with a typed error; the rest move up', async () => {
    const queue = new GpuWorkQueue();
    const log: string[] = [];
    const a = controllableJob(log, 'a');
    const updates: QueuePositionUpdate[][] = [];
    const ra = queue.run('tab1', 'a', a.job);
    const rb = queue.run('tab2', 'b', async () => void log.push('b'));
    const rc = queue.run('tab3', 'c', async () => void log.push('c'));
    queue.onPositionsChange((u) => updates.push(u));
    expect(queue.cancel('b')).toBe(true);
    const error = await rb.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueueError);
    expect(isQueueCancelled(error) && error.stage).toBe('queued');
    expect(updates).toEqual([
      [
        { requestId: 'c', clientId: 'tab3', position: 1 },
        { requestId: 'b', clientId: 'tab2', position: null },
      ],
    ]);
    expect(queue.cancel('b')).toBe(false);
    a.finish();
    await Promise.all([ra, rc]);
    expect(log).toEqual(['start a', 'c']);
  });

  it('cancels the running job through its signal, rejects at once, and starts the next when it settles', async () => {
    const queue = new GpuWorkQueue();
    const log: string[] = [];
    const a = controllableJob(log, 'a');
    const ra = queue.run('tab1', 'a', a.job);
    const rb = queue.run('tab2', 'b', async () => void log.push('b'));
    expect(queue.cancel('a')).toBe(true);
    expect(a.signal()?.aborted).toBe(true);
    const error = await ra.catch((e: unknown) => e);
    expect(isQueueCancelled(error) && error.stage).toBe('running');
    expect(a.signal()?.reason).toBe(error);
    expect(queue.position('a')).toBeUndefined();
    // The aborted job has not settled yet: the GPU is still busy, so b waits.
    await flush();
    expect(log).toEqual(['start a']);
    expect(queue.position('b')).toBe(1);
    a.fail(new DOMException('aborted', 'AbortError'));
    await rb;
    expect(log).toEqual(['start a', 'b']);
  });

  it('passes a job failure through and moves on', async () => {
    const queue = new GpuWorkQueue();
    const failure = new Error('device lost');
    const ra = queue.run('tab1', 'a', async () => {
      throw failure;
    });
    const rb = queue.run('tab1', 'b', async () => 'ok');
    await expect(ra).rejects.toBe(failure);
    await expect(rb).resolves.toBe('ok');
  });

  it('treats a job that throws synchronously as a failure', async () => {
    const queue = new GpuWorkQueue();
    const ra = queue.run('tab1', 'a', () => {
      throw new Error('sync');
    });
    await expect(ra).rejects.toThrow('sync');
    await expect(queue.run('tab1', 'b', async () => 2)).resolves.toBe(2);
  });

  it('rejects a duplicate request id', async () => {
    const queue = new GpuWorkQueue();
    const a = controllableJob([], 'a');
    const ra = queue.run('tab1', 'a', a.job);
    const error = await queue.run('tab2', 'a', async () => 1).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'duplicate-request', requestId: 'a' });
    a.finish();
    await ra;
  });

  it('cancels everything a client has when its tab goes away', async () => {
    const queue = new GpuWorkQueue();
    const log: string[] = [];
    const a = controllableJob(log, 'a');
    const ra = queue.run('tab1', 'a', a.job).catch((e: unknown) => e);
    const ra2 = queue.run('tab1', 'a2', async () => void log.push('a2')).catch((e: unknown) => e);
    const rb = queue.run('tab2', 'b', async () => void log.push('b'));
    expect(queue.cancelClient('tab1')).toBe(2);
    expect(isQueueCancelled(await ra)).toBe(true);
    expect(isQueueCancelled(await ra2)).toBe(true);
    a.finish();
    await rb;
    expect(log).toEqual(['start a', 'b']);
    expect(queue.idle).toBe(true);
  });
});
