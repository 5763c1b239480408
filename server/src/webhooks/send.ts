// One attempt: POST the body to the URL and report what came of it, never
// throwing. node:http rather than fetch, for its `lookup` hook: the
// connection goes to the addresses destination.ts checked, not to whatever
// the name resolves to a moment later. A new connection per attempt (no
// keep-alive), so every attempt is checked. Redirects are not followed: a
// 3xx could point anywhere, private addresses included, and is a failure.
import http from 'node:http';
import https from 'node:https';
import { DestinationRefused, publicOnlyLookup, refusedLiteral } from './destination.ts';

export interface Attempt {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  allowPrivate: boolean;
  /** Aborted when the server stops. */
  signal: AbortSignal;
}

export interface Outcome {
  /** The HTTP status, or null when no answer came. */
  statusCode: number | null;
  /** Why it failed, or null for a 2xx. */
  error: string | null;
  durationMs: number;
}

/** The most of an answer's body read: receivers should answer fast and short; the rest is not waited for. */
const MAX_ANSWER_BYTES = 64 * 1024;

export function sendAttempt(attempt: Attempt): Promise<Outcome> {
  const started = performance.now();
  const done = (statusCode: number | null, error: string | null): Outcome => ({
    statusCode,
    error,
    durationMs: Math.round(performance.now() - started),
  });
  const url = new URL(attempt.url);
  // A literal address never reaches the lookup hook.
  const refused = attempt.allowPrivate ? null : refusedLiteral(url);
  if (refused) return Promise.resolve(done(null, `Refused: ${refused.message}`));
  const signal = AbortSignal.any([attempt.signal, AbortSignal.timeout(attempt.timeoutMs)]);
  return new Promise<Outcome>((resolve) => {
    const request = (url.protocol === 'https:' ? https : http).request(
      url,
      {
        method: 'POST',
        headers: { ...attempt.headers, 'Content-Length': String(Buffer.byteLength(attempt.body)) },
        agent: false,
        signal,
        ...(attempt.allowPrivate ? {} : { lookup: publicOnlyLookup }),
      },
      (res) => {
        const status = res.statusCode ?? 0;
        let read = 0;
        const finish = () => {
          if (status >= 200 && status < 300) resolve(done(status, null));
          else resolve(done(status, `HTTP ${status}${status >= 300 && status < 400 ? ' (redirects are not followed)' : ''}`));
        };
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_ANSWER_BYTES) {
            res.destroy();
            finish();
          }
        });
        res.on('end', finish);
        res.on('error', finish);
      },
    );
    request.on('error', (err: NodeJS.ErrnoException) => resolve(done(null, describe(err, attempt, signal))));
    request.end(attempt.body);
  });
}

function describe(err: NodeJS.ErrnoException, attempt: Attempt, signal: AbortSignal): string {
  if (err instanceof DestinationRefused) return `Refused: ${err.message}`;
  if (signal.aborted) return attempt.signal.aborted ? 'Stopped: the server shut down' : `Timed out after ${attempt.timeoutMs / 1000} s`;
  return err.code ? `${err.code}: ${err.message}` : err.message;
}
