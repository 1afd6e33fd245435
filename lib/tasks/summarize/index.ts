/** Summarize task: options, output language, prompts (one pass, map-reduce, follow-ups) and the token planner. */

export * from './options';
export * from './output-language';
export * from './prompt';
export * from './map-reduce';
export * from './plan';
export * from './reduce';
export * from './follow-up';
