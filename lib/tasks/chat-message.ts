/** The OpenAI-style chat message every task prompt is built from; defined once, by the engine that consumes it. */

export type { ChatMessage } from '../engine/engine';
