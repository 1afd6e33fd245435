/**
 * The module worker that runs WebLLM, so loading and generation never block the offscreen page. It decodes each reply
 * to the end on its own and pushes the text in batches (lib/core/delta-batcher): a busy page main thread delays when
 * text arrives, never the GPU.
 */
import { MLCEngine } from '@mlc-ai/web-llm';
import { hopBatcher } from '../../core/delta-batcher';
import { observeNetwork } from '../../platform/network-observer';
import type { ChatRequest } from './types';
import type { FromWebLlmWorker, ToWebLlmWorker, WebLlmCall } from './webllm-worker-protocol';
import { workerFailure } from './worker-failure';

const engine = new MLCEngine();
const post = (message: FromWebLlmWorker) => self.postMessage(message);
// WebLLM fetches model files and libraries itself: the page forwards what this worker fetched to the privacy ledger.
observeNetwork('engine-worker', (entries) => post({ kind: 'network', entries }));

self.onmessage = (event: MessageEvent<ToWebLlmWorker>) => {
  const message = event.data;
  if (message.kind === 'interrupt') return engine.interruptGenerate();
  const { id } = message;
  run(id, message).then(
    (stopped) => post({ kind: 'finished', id, stopped }),
    (error: unknown) => post(workerFailure(id, error)),
  );
};

async function run(id: number, call: WebLlmCall): Promise<boolean> {
  switch (call.kind) {
    case 'load':
      engine.setAppConfig({ model_list: [call.record] });
      engine.setInitProgressCallback((report) => post({ kind: 'progress', id, report }));
      await engine.reload(call.record.model_id);
      return false;
    case 'generate':
      return generate(id, call.request);
    case 'unload':
      await engine.unload();
      return false;
  }
}

async function generate(id: number, request: ChatRequest): Promise<boolean> {
  const chunks = await engine.chat.completions.create({
    stream: true,
    messages: request.messages,
    temperature: request.temperature,
    max_tokens: request.maxTokens,
  });
  const deltas = hopBatcher((text) => post({ kind: 'delta', id, text }));
  let stopped = false;
  try {
    for await (const chunk of chunks) {
      const choice = chunk.choices[0];
      const text = choice?.delta?.content;
      if (text) deltas.push(text);
      if (choice?.finish_reason === 'abort') stopped = true;
    }
  } finally {
    // Everything decoded goes out before `finished`.
    deltas.flush();
  }
  return stopped;
}
