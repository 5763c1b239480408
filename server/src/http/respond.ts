// Small helpers for uWS HTTP responses. A response must be written inside
// cork() when it happens after an await, and never after the client aborted.
import type { HttpResponse } from 'uWebSockets.js';

export interface ResponseState {
  aborted: boolean;
}

/** Registers onAborted (uWS requires it before any async work) and returns the flag. */
export function trackAbort(res: HttpResponse): ResponseState {
  const state = { aborted: false };
  res.onAborted(() => {
    state.aborted = true;
  });
  return state;
}

export function sendJson(
  res: HttpResponse,
  state: ResponseState,
  status: string,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (state.aborted) return;
  res.cork(() => {
    res.writeStatus(status);
    res.writeHeader('Content-Type', 'application/json');
    res.writeHeader('Cache-Control', 'no-store');
    for (const [k, v] of Object.entries(headers)) res.writeHeader(k, v);
    res.end(body === undefined ? '' : JSON.stringify(body));
  });
}

export function sendError(res: HttpResponse, state: ResponseState, status: string, code: string, message: string, field = ''): void {
  sendJson(res, state, status, { error: { code, message, field } });
}

/** Reads a JSON object body of at most maxBytes; rejects with a message for the client. */
export function readJsonBody(res: HttpResponse, state: ResponseState, maxBytes = 64 * 1024): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.onData((chunk, isLast) => {
      size += chunk.byteLength;
      if (size > maxBytes) {
        reject(new Error('The request body is too large'));
        return;
      }
      // uWS reuses the chunk's memory after this callback returns: copy it.
      chunks.push(Buffer.from(chunk.slice(0)));
      if (!isLast) return;
      if (state.aborted) return reject(new Error('aborted'));
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
