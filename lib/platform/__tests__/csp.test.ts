import { describe, expect, it } from 'vitest';
import { extensionPagesCsp, parseExtraSources } from '../csp';

describe('extension pages CSP', () => {
  it('allows WebAssembly and only the model sources for fetches', () => {
    const csp = extensionPagesCsp();
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("object-src 'self'");
    const connect = csp
      .split('; ')
      .find((d) => d.startsWith('connect-src'))!
      .split(' ')
      .slice(1);
    expect(connect).toEqual([
      "'self'",
      'https://huggingface.co',
      'https://*.huggingface.co',
      'https://*.hf.co',
      'https://raw.githubusercontent.com',
      'http://127.0.0.1:*',
      'http://localhost:*',
    ]);
  });

  it('adds a user-configured https source', () => {
    expect(extensionPagesCsp(parseExtraSources('https://models.example.org'))).toContain(
      'http://localhost:* https://models.example.org',
    );
  });

  it('rejects sources that are not https origins', () => {
    expect(() => parseExtraSources('http://models.example.org')).toThrow(/not an https origin/);
    expect(() => parseExtraSources("https://x.org 'unsafe-eval'")).toThrow(/unsafe-eval/);
    expect(() => parseExtraSources('https://x.org/path')).toThrow(/path/);
  });
});
