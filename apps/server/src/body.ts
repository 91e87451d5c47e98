import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';

export type BodyResult =
  /** `bytes` are valid UTF-8: handed on undecoded, so the JSON parser decodes them only once. */
  | { ok: true; bytes: Uint8Array<ArrayBuffer> }
  | { ok: false; status: 413 | 400; reason: 'too-large' | 'invalid-utf8' | 'aborted' };

/** How much of an oversized body is read and thrown away so the client sees the 413. */
const DRAIN_LIMIT = 32 * 1024 * 1024;

/**
 * Reads a request body of at most `limit` bytes and checks that it is UTF-8: a byte sequence that
 * is not UTF-8 is refused, never turned into U+FFFD and stored.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolveBody) => {
    const declared = Number(req.headers['content-length']);
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number.isFinite(declared) && declared > limit;
    let done = false;
    const finish = (result: BodyResult) => {
      if (done) return;
      done = true;
      resolveBody(result);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (tooLarge) {
        chunks.length = 0;
        if (size > DRAIN_LIMIT) {
          finish({ ok: false, status: 413, reason: 'too-large' });
          req.pause();
        }
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) return finish({ ok: false, status: 413, reason: 'too-large' });
      const bytes = Buffer.concat(chunks);
      finish(isUtf8(bytes) ? { ok: true, bytes } : { ok: false, status: 400, reason: 'invalid-utf8' });
    });
    req.on('error', () => finish({ ok: false, status: 400, reason: 'aborted' }));
    req.on('aborted', () => finish({ ok: false, status: 400, reason: 'aborted' }));
  });
}
