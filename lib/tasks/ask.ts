/** A free question to the assistant, typed in the panel. */
import type { ChatMessage } from '../engine/engine';

const ASK_SYSTEM_PROMPT =
  'You are Tacit, a helpful assistant that runs privately on the user\'s own device. ' +
  'Answer clearly and concisely. Use Markdown for lists and emphasis; never output HTML.';

export function buildAskMessages(prompt: string): ChatMessage[] {
  return [
    { role: 'system', content: ASK_SYSTEM_PROMPT },
    { role: 'user', content: prompt },
  ];
}
