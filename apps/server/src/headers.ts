import type { ServerResponse } from 'node:http';
import { wellFormed } from '@nianbao/schema';
import { errorBody, type Refusal } from './guards.ts';

/** Sent with every response. */
export function securityHeaders(res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  res.setHeader('X-Frame-Options', 'SAMEORIGIN');
  res.setHeader(
    'Content-Security-Policy',
    [
      "default-src 'self'",
      "script-src 'self'",
      // React sets style attributes; the rendered report carries its own <style>.
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      "connect-src 'self'",
      "frame-src 'self' blob:",
      "object-src 'self' blob:",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'self'",
    ].join('; '),
  );
}

/**
 * RFC 6266 / RFC 5987: an ASCII fallback name and the UTF-8 name. Never throws: a name stored before
 * text was checked may hold an unpaired surrogate, which encodeURIComponent refuses; it becomes U+FFFD.
 */
export function contentDisposition(type: 'attachment' | 'inline', name: string, fallback: string): string {
  const encoded = encodeURIComponent(wellFormed(name)).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${fallback.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encoded}`;
}

/** A JSON error body in the shape tRPC clients read (`error.message`, `error.data.code`). */
export function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: { zh: string; en: string },
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = errorBody({ status, code, message });
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body);
}

export function sendRefusal(res: ServerResponse, refusal: Refusal): void {
  sendError(res, refusal.status, refusal.code, refusal.message);
}
