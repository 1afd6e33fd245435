/** Narrows a stored or received value to one of a fixed list of option values (tones, lengths, styles). */

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
