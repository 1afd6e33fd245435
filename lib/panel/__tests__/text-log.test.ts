import { describe, expect, it } from 'vitest';
import { TextLog } from '../text-log';

describe('TextLog', () => {
  it('gives each reader what was appended since its mark, and the whole text once it was replaced', () => {
    const log = new TextLog();
    let first = log.readSince(undefined);
    expect(first).toMatchObject({ text: '', replaced: true });
    log.append('Hello');
    log.append(', world');
    let second = log.readSince(undefined);
    expect(second).toMatchObject({ text: 'Hello, world', replaced: true });
    first = log.readSince(first.mark);
    expect(first).toMatchObject({ text: 'Hello, world', replaced: false });
    log.append('!');
    expect(log.readSince(first.mark)).toMatchObject({ text: '!', replaced: false });
    second = log.readSince(second.mark);
    expect(second).toMatchObject({ text: '!', replaced: false });
    expect(log.readSince(second.mark)).toMatchObject({ text: '', replaced: false });

    log.replace('Cleaned');
    log.append(' text');
    expect(log.readSince(second.mark)).toMatchObject({ text: 'Cleaned text', replaced: true });
    log.replace('');
    expect(log.readSince(second.mark)).toMatchObject({ text: '', replaced: true });
  });
});
