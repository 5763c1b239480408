// HTTP between cells (docs/DESIGN.md decision 57): every request carries
// `Authorization: Bearer <CLUSTER_SECRET>`. Files go as streamed bodies, read
// from disk as the socket takes them, hashed on the way, never whole in
// memory; small requests and every answer are JSON.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { HttpRequest } from '../http/router.ts';

/** Whether the request carries the cluster's secret; compared in constant time. */
export function fromCell(req: HttpRequest, secret: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(req.header('authorization')), digest(`Bearer ${secret}`));
}

export interface CellAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** A cell answered with an error, or not at all. */
export class CellRequestFailed extends Error {}

const MAX_ANSWER_BYTES = 1024 * 1024;

function send(url: string, secret: string, headers: Record<string, string>, write: (req: ReturnType<typeof httpRequest>) => Promise<void>, timeoutMs: number): Promise<CellAnswer> {
  return new Promise((resolve, reject) => {
    const request = url.startsWith('https:') ? httpsRequest : httpRequest;
    const req = request(url, { method: 'POST', headers: { ...headers, authorization: `Bearer ${secret}` }, timeout: timeoutMs });
    req.once('timeout', () => req.destroy(new CellRequestFailed(`${url} did not answer within ${timeoutMs} ms`)));
    req.once('error', (err) => reject(err instanceof CellRequestFailed ? err : new CellRequestFailed(`${url}: ${err.message}`)));
    req.once('response', (res) => readAnswer(res).then(resolve, reject));
    write(req).catch((err: Error) => req.destroy(err));
  });
}

function readAnswer(res: IncomingMessage): Promise<CellAnswer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= MAX_ANSWER_BYTES) chunks.push(chunk);
    });
    res.once('error', (err) => reject(new CellRequestFailed(err.message)));
    res.once('end', () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        // An answer that is not ours (a proxy's page): its status says enough.
      }
      resolve({ status: res.statusCode ?? 0, body });
    });
  });
}

export function postJson(url: string, secret: string, body: unknown, timeoutMs: number): Promise<CellAnswer> {
  const bytes = Buffer.from(JSON.stringify(body));
  return send(url, secret, { 'content-type': 'application/json', 'content-length': String(bytes.byteLength) }, async (req) => {
    req.end(bytes);
  }, timeoutMs);
}

/**
 * Streams a file as the body; resolves with the answer and the SHA-256 of
 * what was sent, to hold against the one the receiver computed. The timeout
 * is for silence, not for the whole transfer.
 */
export async function postFile(url: string, secret: string, path: string, timeoutMs: number): Promise<CellAnswer & { sha256: string; bytes: number }> {
  const bytes = statSync(path).size;
  const hash = createHash('sha256');
  const answer = await send(url, secret, { 'content-type': 'application/octet-stream', 'content-length': String(bytes) }, async (req) => {
    const hashed = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        done(null, chunk);
      },
    });
    await pipeline(createReadStream(path), hashed, req);
  }, timeoutMs);
  return { ...answer, sha256: hash.digest('hex'), bytes };
}

/** An answer that is not a success, as an error naming the cell's words. */
export function expectOk(answer: CellAnswer, what: string): Record<string, unknown> {
  if (answer.status >= 200 && answer.status < 300) return answer.body;
  const error = answer.body['error'] as { message?: string } | undefined;
  throw new CellRequestFailed(`${what}: ${answer.status} ${error?.message ?? ''}`.trim());
}
