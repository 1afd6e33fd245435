/**
 * Writes a tiny llama-architecture GGUF (v3) with seeded random F32 weights, for tests and the CPU-engine bench: real
 * llama.cpp inference in milliseconds per token. Its words are random; its behaviour (tokenizer, chat template,
 * streaming, stopping) is a real model's. `tsx scripts/tiny-gguf.ts out.gguf` writes one to disk.
 *
 * Vocabulary: <unk> <s> </s>, the 256 byte tokens (byte fallback), "▁" and printable ASCII, and common English words
 * with every prefix (so SentencePiece merges reach them): about 3 characters per token on English, like real models.
 * Dimension 0 of every embedding is a constant the last RMSNorm keeps, which gives each output row a fixed bias:
 * control and byte tokens are never sampled (the text stays printable) and end-of-text gets `endBias`.
 */
import { writeFileSync } from 'node:fs';

export interface TinyGgufOptions {
  seed?: number;
  /** Logit bias of end-of-text: about 1 ends a reply after ~40 tokens; -30 never ends it (replies run to max tokens). */
  endBias?: number;
  /** Written as llama.context_length. */
  contextLength?: number;
  name?: string;
  /** Never write punctuation: only words, letters, digits and spaces (Markdown then shows every character). */
  lettersOnly?: boolean;
}

const EMBED = 64;
const HEADS = 4;
const FEED_FORWARD = 128;
const LAYERS = 2;
/** The constant in dimension 0 of each embedding; after RMSNorm it is ~3.5, whatever the token. */
const BIAS_CARRIER = 4;

const CHATML_TEMPLATE =
  "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}" +
  "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

const WORDS = (
  'the of and to in is was for on that with as by at from his her it an are were which be this or had not but ' +
  'have has their one they you all we can more other new some time will about there when would also what people ' +
  'after first two into over only may most made years like than could these many them its been she who then so ' +
  'page summary text mail reply write read model model news said city world year day week report local ' +
  'between under while during before through where those each such because very well just any how our your'
)
  .split(' ')
  .filter(Boolean);

const TOKEN_NORMAL = 1;
const TOKEN_UNKNOWN = 2;
const TOKEN_CONTROL = 3;
const TOKEN_BYTE = 6;

interface Token {
  text: string;
  score: number;
  type: number;
  /** Added to the token's logit through the bias carrier. */
  bias: number;
}

function vocabulary(endBias: number, lettersOnly: boolean): Token[] {
  const never = -30;
  const tokens: Token[] = [
    { text: '<unk>', score: 0, type: TOKEN_UNKNOWN, bias: never },
    { text: '<s>', score: 0, type: TOKEN_CONTROL, bias: never },
    { text: '</s>', score: 0, type: TOKEN_CONTROL, bias: endBias },
  ];
  for (let byte = 0; byte < 256; byte++) {
    const hex = byte.toString(16).toUpperCase().padStart(2, '0');
    tokens.push({ text: `<0x${hex}>`, score: 0, type: TOKEN_BYTE, bias: never });
  }
  const seen = new Set<string>();
  const add = (text: string, bias = 0) => {
    if (seen.has(text)) return;
    seen.add(text);
    // SentencePiece merges the pair whose result scores highest: longer pieces win.
    tokens.push({ text, score: text.length, type: TOKEN_NORMAL, bias });
  };
  add('▁');
  for (let code = 0x21; code < 0x7f; code++) {
    const character = String.fromCharCode(code);
    add(character, lettersOnly && !/[A-Za-z0-9]/.test(character) ? never : 0);
  }
  for (const word of WORDS) {
    const piece = `▁${word}`;
    for (let end = 2; end <= piece.length; end++) add(piece.slice(0, end));
  }
  return tokens;
}

/** mulberry32: small, fast, and the same in every Node version. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(next: () => number): () => number {
  return () => {
    const u = Math.max(next(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
}

interface Tensor {
  name: string;
  /** ggml order: dims[0] is the contiguous one. */
  dims: number[];
  data: Float32Array;
}

function tensors(tokens: Token[], seed: number): Tensor[] {
  const normal = gaussian(random(seed));
  const filled = (count: number, scale: number) => Float32Array.from({ length: count }, () => normal() * scale);
  const ones = (count: number) => new Float32Array(count).fill(1);
  const vocab = tokens.length;

  const embeddings = filled(EMBED * vocab, 1);
  for (let token = 0; token < vocab; token++) embeddings[token * EMBED] = BIAS_CARRIER;
  const output = filled(EMBED * vocab, 0.2);
  tokens.forEach((token, index) => {
    output[index * EMBED] = token.bias / 3.5;
    // End-of-text gets its bias alone, so how often it ends does not depend on the random rest.
    if (token.type === TOKEN_CONTROL) output.fill(0, index * EMBED + 1, (index + 1) * EMBED);
  });

  const list: Tensor[] = [
    { name: 'token_embd.weight', dims: [EMBED, vocab], data: embeddings },
    { name: 'output_norm.weight', dims: [EMBED], data: ones(EMBED) },
    { name: 'output.weight', dims: [EMBED, vocab], data: output },
  ];
  const small = 0.5 / Math.sqrt(EMBED);
  for (let layer = 0; layer < LAYERS; layer++) {
    const block = `blk.${layer}`;
    list.push(
      { name: `${block}.attn_norm.weight`, dims: [EMBED], data: ones(EMBED) },
      { name: `${block}.attn_q.weight`, dims: [EMBED, EMBED], data: filled(EMBED * EMBED, small) },
      { name: `${block}.attn_k.weight`, dims: [EMBED, EMBED], data: filled(EMBED * EMBED, small) },
      { name: `${block}.attn_v.weight`, dims: [EMBED, EMBED], data: filled(EMBED * EMBED, small) },
      { name: `${block}.attn_output.weight`, dims: [EMBED, EMBED], data: filled(EMBED * EMBED, small) },
      { name: `${block}.ffn_norm.weight`, dims: [EMBED], data: ones(EMBED) },
      { name: `${block}.ffn_gate.weight`, dims: [EMBED, FEED_FORWARD], data: filled(EMBED * FEED_FORWARD, small) },
      { name: `${block}.ffn_up.weight`, dims: [EMBED, FEED_FORWARD], data: filled(EMBED * FEED_FORWARD, small) },
      { name: `${block}.ffn_down.weight`, dims: [FEED_FORWARD, EMBED], data: filled(FEED_FORWARD * EMBED, small) },
    );
  }
  return list;
}

// ---- GGUF v3 writer ---------------------------------------------------------------------------

const ALIGNMENT = 32;
const enum ValueType {
  Uint32 = 4,
  Int32 = 5,
  Float32 = 6,
  Bool = 7,
  String = 8,
  Array = 9,
}

type Value =
  | { type: ValueType.Uint32 | ValueType.Int32 | ValueType.Float32; value: number }
  | { type: ValueType.Bool; value: boolean }
  | { type: ValueType.String; value: string }
  | { type: ValueType.Array; items: ValueType.String; value: string[] }
  | { type: ValueType.Array; items: ValueType.Float32 | ValueType.Int32; value: number[] };

class Writer {
  private chunks: Uint8Array[] = [];
  length = 0;

  bytes(bytes: Uint8Array): void {
    this.chunks.push(bytes);
    this.length += bytes.length;
  }

  u32(value: number): void {
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setUint32(0, value, true);
    this.bytes(bytes);
  }

  i32(value: number): void {
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setInt32(0, value, true);
    this.bytes(bytes);
  }

  f32(value: number): void {
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setFloat32(0, value, true);
    this.bytes(bytes);
  }

  u64(value: number): void {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setBigUint64(0, BigInt(value), true);
    this.bytes(bytes);
  }

  string(value: string): void {
    const encoded = new TextEncoder().encode(value);
    this.u64(encoded.length);
    this.bytes(encoded);
  }

  pad(): void {
    const padding = (ALIGNMENT - (this.length % ALIGNMENT)) % ALIGNMENT;
    if (padding > 0) this.bytes(new Uint8Array(padding));
  }

  result(): Uint8Array {
    const out = new Uint8Array(this.length);
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }
}

function writeValue(writer: Writer, value: Value): void {
  writer.u32(value.type);
  switch (value.type) {
    case ValueType.Uint32:
      return writer.u32(value.value);
    case ValueType.Int32:
      return writer.i32(value.value);
    case ValueType.Float32:
      return writer.f32(value.value);
    case ValueType.Bool:
      return writer.bytes(Uint8Array.of(value.value ? 1 : 0));
    case ValueType.String:
      return writer.string(value.value);
    case ValueType.Array:
      writer.u32(value.items);
      writer.u64(value.value.length);
      if (value.items === ValueType.String) for (const item of value.value as string[]) writer.string(item);
      else if (value.items === ValueType.Float32) for (const item of value.value as number[]) writer.f32(item);
      else for (const item of value.value as number[]) writer.i32(item);
      return;
  }
}

/** The GGUF file's bytes. */
export function tinyGguf(options: TinyGgufOptions = {}): Uint8Array {
  const tokens = vocabulary(options.endBias ?? 1, options.lettersOnly ?? false);
  const uint = (value: number): Value => ({ type: ValueType.Uint32, value });
  const metadata: Array<[string, Value]> = [
    ['general.architecture', { type: ValueType.String, value: 'llama' }],
    ['general.name', { type: ValueType.String, value: options.name ?? 'Tacit tiny test model' }],
    ['general.alignment', uint(ALIGNMENT)],
    ['llama.context_length', uint(options.contextLength ?? 4096)],
    ['llama.embedding_length', uint(EMBED)],
    ['llama.block_count', uint(LAYERS)],
    ['llama.feed_forward_length', uint(FEED_FORWARD)],
    ['llama.attention.head_count', uint(HEADS)],
    ['llama.attention.head_count_kv', uint(HEADS)],
    ['llama.rope.dimension_count', uint(EMBED / HEADS)],
    ['llama.attention.layer_norm_rms_epsilon', { type: ValueType.Float32, value: 1e-5 }],
    ['llama.vocab_size', uint(tokens.length)],
    ['tokenizer.ggml.model', { type: ValueType.String, value: 'llama' }],
    [
      'tokenizer.ggml.tokens',
      { type: ValueType.Array, items: ValueType.String, value: tokens.map((token) => token.text) },
    ],
    [
      'tokenizer.ggml.scores',
      { type: ValueType.Array, items: ValueType.Float32, value: tokens.map((token) => token.score) },
    ],
    [
      'tokenizer.ggml.token_type',
      { type: ValueType.Array, items: ValueType.Int32, value: tokens.map((token) => token.type) },
    ],
    ['tokenizer.ggml.unknown_token_id', uint(0)],
    ['tokenizer.ggml.bos_token_id', uint(1)],
    ['tokenizer.ggml.eos_token_id', uint(2)],
    ['tokenizer.ggml.add_bos_token', { type: ValueType.Bool, value: true }],
    ['tokenizer.ggml.add_eos_token', { type: ValueType.Bool, value: false }],
    ['tokenizer.chat_template', { type: ValueType.String, value: CHATML_TEMPLATE }],
  ];
  const weights = tensors(tokens, options.seed ?? 42);

  const writer = new Writer();
  writer.bytes(new TextEncoder().encode('GGUF'));
  writer.u32(3);
  writer.u64(weights.length);
  writer.u64(metadata.length);
  for (const [key, value] of metadata) {
    writer.string(key);
    writeValue(writer, value);
  }
  let offset = 0;
  for (const tensor of weights) {
    writer.string(tensor.name);
    writer.u32(tensor.dims.length);
    for (const dim of tensor.dims) writer.u64(dim);
    writer.u32(0); // GGML_TYPE_F32
    writer.u64(offset);
    offset += Math.ceil(tensor.data.byteLength / ALIGNMENT) * ALIGNMENT;
  }
  writer.pad();
  for (const tensor of weights) {
    writer.bytes(new Uint8Array(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength));
    writer.pad();
  }
  return writer.result();
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  const out = process.argv[2] ?? '.tmp/tiny.gguf';
  const bytes = tinyGguf();
  writeFileSync(out, bytes);
  process.stdout.write(`${out}: ${bytes.length} bytes\n`);
}
