/** The production engine: WebLLM on WebGPU, in a worker owned by the offscreen document. */
import { WebWorkerMLCEngine } from '@mlc-ai/web-llm';
import { isGgufRecord } from '../../models/records';
import type { AnyModelRecord } from '../../models/types';
import type { ChatRequest, Engine, GenerateResult, LoadProgress } from './types';
import { parseLoadProgress } from './webllm-load-progress';

export class WebLlmEngine implements Engine {
  readonly kind = 'webllm' as const;
  private worker: Worker | undefined;
  private engine: WebWorkerMLCEngine | undefined;
  private loaded: string | undefined;

  async load(record: AnyModelRecord, onProgress: (progress: LoadProgress) => void): Promise<void> {
    if (isGgufRecord(record)) throw new Error(`${record.model_id} is a GGUF model, for the CPU engine`);
    if (this.loaded === record.model_id) return;
    const engine = this.ensureEngine();
    engine.setAppConfig({ model_list: [record] });
    engine.setInitProgressCallback((report) => onProgress(parseLoadProgress(report)));
    this.loaded = undefined;
    try {
      await engine.reload(record.model_id);
    } catch (error) {
      // A failed load can leave the worker's GPU device unusable: start the next attempt afresh.
      this.terminate();
      throw error;
    }
    this.loaded = record.model_id;
  }

  async generate(modelId: string, request: ChatRequest, onDelta: (text: string) => void): Promise<GenerateResult> {
    if (!this.engine || this.loaded !== modelId) throw new Error(`Model ${modelId} is not loaded`);
    const chunks = await this.engine.chat.completions.create({
      stream: true,
      messages: request.messages,
      temperature: request.temperature,
      max_tokens: request.maxTokens,
    });
    let stopped = false;
    for await (const chunk of chunks) {
      const choice = chunk.choices[0];
      const text = choice?.delta?.content;
      if (text) onDelta(text);
      if (choice?.finish_reason === 'abort') stopped = true;
    }
    return { stopped };
  }

  interrupt(): void {
    void this.engine?.interruptGenerate();
  }

  async unload(): Promise<void> {
    try {
      await this.engine?.unload();
    } finally {
      this.terminate();
    }
  }

  loadedModels(): string[] {
    return this.loaded ? [this.loaded] : [];
  }

  private ensureEngine(): WebWorkerMLCEngine {
    if (!this.engine) {
      this.worker = new Worker(new URL('./webllm-worker.ts', import.meta.url), { type: 'module' });
      this.engine = new WebWorkerMLCEngine(this.worker);
    }
    return this.engine;
  }

  private terminate(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.engine = undefined;
    this.loaded = undefined;
  }
}
