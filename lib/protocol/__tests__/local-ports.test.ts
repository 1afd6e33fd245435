import { describe, expect, it } from 'vitest';
import { localPortPair } from '../ports';

const settle = () => new Promise((done) => setTimeout(done, 0));

describe('localPortPair', () => {
  it('delivers each end’s messages to the other, later and as copies', async () => {
    const [client, host] = localPortPair<{ n: number[] }, string>();
    const atHost: Array<{ n: number[] }> = [];
    const atClient: string[] = [];
    host.onMessage((message) => atHost.push(message));
    client.onMessage((message) => atClient.push(message));
    const sent = { n: [1] };
    client.post(sent);
    host.post('hello');
    expect(atHost).toEqual([]);
    sent.n.push(2);
    await settle();
    expect(atHost).toEqual([{ n: [1] }]);
    expect(atClient).toEqual(['hello']);
  });

  it('tells only the other end of a disconnect, and nothing passes after it', async () => {
    const [client, host] = localPortPair<string, string>();
    const heard: string[] = [];
    client.onDisconnect(() => heard.push('client'));
    host.onDisconnect(() => heard.push('host'));
    host.onMessage((message) => heard.push(message));
    client.disconnect();
    client.post('late');
    host.post('late');
    await settle();
    expect(heard).toEqual(['host']);
  });
});
