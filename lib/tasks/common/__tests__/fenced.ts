/** Test helper: finds the one fence in a message and splits the message around it. */

import { expect } from 'vitest';

export interface FenceParts {
  before: string;
  inside: string;
  after: string;
  nonce: string;
}

export function splitAtFence(content: string, label: string): FenceParts {
  const begin = content.match(new RegExp(`^<<<BEGIN ${label} ([a-z0-9]+)>>>$`, 'm'));
  expect(begin, `no ${label} fence in:\n${content}`).not.toBeNull();
  const nonce = begin![1]!;
  const endMarker = `<<<END ${label} ${nonce}>>>`;
  const start = begin!.index! + begin![0].length;
  const end = content.indexOf(endMarker, start);
  expect(end).toBeGreaterThan(-1);
  expect(content.indexOf(endMarker, end + 1)).toBe(-1);
  return {
    before: content.slice(0, begin!.index!),
    inside: content.slice(start + 1, end - 1),
    after: content.slice(end + endMarker.length),
    nonce,
  };
}
