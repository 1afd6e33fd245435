/** Rewrite task: styles, prompts, output clean-up, proofread parsing and the selection context menu. */

export * from './styles';
export * from './prompt';
export * from './clean-output';
export * from './proofread';
export * from './menu';
