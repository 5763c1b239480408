// JSON answers and bodies for the routes.
import type { HttpResponse } from './router.ts';

export function sendJson(res: HttpResponse, status: string, body: unknown, headers: Record<string, string> = {}): void {
  res.end(
    status,
    { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers },
    body === undefined ? '' : JSON.stringify(body),
  );
}

export function sendError(res: HttpResponse, status: string, code: string, message: string, field = ''): void {
  sendJson(res, status, { error: { code, message, field } });
}

/** Reads a JSON object body of at most maxBytes; rejects with a message for the client. */
export function readJsonBody(res: HttpResponse, maxBytes = 64 * 1024): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.onData((chunk, isLast) => {
      size += chunk.byteLength;
      if (size > maxBytes) {
        reject(new Error('The request body is too large'));
        return;
      }
      chunks.push(chunk);
      if (!isLast) return;
      if (res.aborted) return reject(new Error('aborted'));
      try {
        const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error();
        resolve(parsed as Record<string, unknown>);
      } catch {
        reject(new Error('The request body must be a JSON object'));
      }
    });
  });
}
