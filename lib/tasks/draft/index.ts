/** Draft-reply task: tones, lengths and language, the fenced thread prompt fitted to the context, and output clean-up. */

export * from './options';
export * from './thread-data';
export * from './prompt';
export * from './clean-output';
