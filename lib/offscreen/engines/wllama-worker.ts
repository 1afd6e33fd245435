/**
 * The module worker that runs llama.cpp for the offscreen document (lib/offscreen/engines/wllama-worker-protocol.ts).
 * wllama drives generation with several calls into its own worker per token; made from this worker, those calls never
 * wait for the page's main thread, which the side panel's rendering shares.
 */
import { observeNetwork } from '../../platform/network-observer';
import { serveWllama } from './wllama-worker-serve';
import { LocalWllama } from './wllama-runtime';
import type { FromWllamaWorker, ToWllamaWorker } from './wllama-worker-protocol';

const post = (message: FromWllamaWorker) => self.postMessage(message);
observeNetwork('engine-worker', (entries) => post({ kind: 'network', entries }));
const serve = serveWllama(new LocalWllama(), post);
self.onmessage = (event: MessageEvent<ToWllamaWorker>) => serve(event.data);
