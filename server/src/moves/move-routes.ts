// The internal routes of tenant moves (docs/DESIGN.md decision 57,
// PROTOCOL.md §2.11): cell to cell only, each refused 401 without
// `Authorization: Bearer <CLUSTER_SECRET>`. Registered only when the cell has
// a secret; the generated HAProxy config refuses /internal/ from outside.
//   POST /internal/moves                 {tenant, to}: the source runs the move, answers its report
//   POST /internal/moves/file?tenant&move      the copy, streamed: staged and checked, answers figures
//   POST /internal/moves/blob?tenant&move&sha256  one attachment, streamed: staged
//   POST /internal/moves/install?tenant&move   {blobs}: the staging folder renamed into place
//   POST /internal/moves/resolve?tenant        resolve an interrupted move now (move-resolver.ts)
import { randomUUID } from 'node:crypto';
import { UploadCutOff, UploadFile } from '../attachments/upload-file.ts';
import { readJsonBody, sendError, sendJson } from '../http/respond.ts';
import type { HttpRequest, HttpResponse, Router } from '../http/router.ts';
import type { Logger } from '../log.ts';
import { FileWorker } from '../tenancy/file-worker.ts';
import { fromCell } from './cluster-http.ts';
import type { MoveResolver } from './move-resolver.ts';
import { MoveRefused, MoveRolledBack, type TenantMover } from './move-steps.ts';
import { NotThisMove, type MoveTarget, type Received } from './move-target.ts';

export interface MoveRouteDeps {
  secret: string;
  mover: TenantMover;
  target: MoveTarget;
  resolver: MoveResolver;
  log: Logger;
}

const STATUS = { 400: '400 Bad Request', 404: '404 Not Found', 409: '409 Conflict' } as const;

/** Internal parts are not bounded by the attachment limit: the cells trust each other's files. */
const NO_LIMIT = Number.MAX_SAFE_INTEGER;

function answerFailure(res: HttpResponse, log: Logger, route: string, err: unknown): void {
  if (err instanceof UploadCutOff) return;
  if (err instanceof MoveRefused) return sendError(res, STATUS[err.status], 'FAILED_PRECONDITION', err.message);
  if (err instanceof MoveRolledBack || err instanceof NotThisMove) return sendError(res, STATUS[409], 'FAILED_PRECONDITION', err.message);
  if (err instanceof Error && /^invalid (tenant|move) id|body/.test(err.message)) return sendError(res, STATUS[400], 'INVALID_ARGUMENT', err.message);
  log.error('internal_route_failed', { route }, err);
  sendError(res, '500 Internal Server Error', 'INTERNAL', err instanceof Error ? err.message : String(err));
}

function secretsOf(value: unknown): Record<string, string> {
  const isMap = typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((s) => typeof s === 'string');
  if (!isMap) throw new Error('body: "secrets" must map ids to strings');
  return value as Record<string, string>;
}

export function registerMoveRoutes(routes: Router, deps: MoveRouteDeps): void {
  const { log, target } = deps;
  const internal = (pattern: string, route: (req: HttpRequest, res: HttpResponse, query: URLSearchParams) => void) =>
    routes.post(pattern, (req, res) => {
      if (!fromCell(req, deps.secret)) {
        res.onData(() => undefined);
        return sendError(res, '401 Unauthorized', 'UNAUTHENTICATED', 'This route is for Tandem cells, with the cluster secret');
      }
      route(req, res, new URLSearchParams(req.query));
    });

  /** A streamed part of a move, written to the staging folder as it arrives, while Redis is asked whether the move is one. */
  const receive = (res: HttpResponse, route: string, query: URLSearchParams, whole: (tenant: string, move: string, part: Received) => Promise<unknown>, done = async () => {}) => {
    const tenant = query.get('tenant') ?? '';
    const move = query.get('move') ?? '';
    let upload: UploadFile;
    try {
      upload = new UploadFile(target.incoming(tenant, move, `${randomUUID()}.part`), NO_LIMIT, res);
    } catch (err) {
      res.onData(() => undefined);
      void done();
      return answerFailure(res, log, route, err);
    }
    res.onData((chunk, isLast) => upload.push(chunk, isLast));
    res.onAborted(() => upload.abort());
    const expected = target.expect(tenant, move).catch((err: unknown) => {
      upload.abort();
      throw err;
    });
    Promise.all([expected, upload.done])
      .then(async ([, part]) => sendJson(res, '200 OK', await whole(tenant, move, part)))
      .catch((err: unknown) => answerFailure(res, log, route, err))
      .finally(done);
  };

  internal('/internal/moves', (_req, res) => {
    readJsonBody(res)
      .then(async (body) => {
        const { tenant, to } = body;
        if (typeof tenant !== 'string' || typeof to !== 'string') throw new MoveRefused('the body must be {"tenant": "...", "to": "<cell>"}', 400);
        sendJson(res, '200 OK', await deps.mover.move(tenant, to));
      })
      .catch((err: unknown) => answerFailure(res, log, 'move', err));
  });

  internal('/internal/moves/file', (_req, res, query) => {
    // Started with the body, so its start overlaps the bytes' arrival.
    const checker = new FileWorker();
    receive(res, 'move_file', query, async (tenant, move, part) => ({ sha256: part.sha256, bytes: part.size, figures: await target.stageFile(tenant, move, part, checker) }), () => checker.close());
  });

  internal('/internal/moves/blob', (_req, res, query) =>
    receive(res, 'move_blob', query, async (tenant, move, part) => {
      target.stageBlob(tenant, move, query.get('sha256') ?? '', part);
      return { sha256: part.sha256 };
    }),
  );

  internal('/internal/moves/install', (_req, res, query) => {
    readJsonBody(res)
      .then(async (body) => {
        const blobs = Array.isArray(body['blobs']) ? body['blobs'].filter((b): b is string => typeof b === 'string') : [];
        await target.install(query.get('tenant') ?? '', query.get('move') ?? '', blobs, secretsOf(body['secrets'] ?? {}), body['accounts'] ?? null);
        sendJson(res, '200 OK', {});
      })
      .catch((err: unknown) => answerFailure(res, log, 'move_install', err));
  });

  internal('/internal/moves/resolve', (_req, res, query) => {
    res.onData(() => undefined);
    deps.resolver
      .resolveTenant(query.get('tenant') ?? '')
      .then((resolution) => sendJson(res, '200 OK', { resolution }))
      .catch((err: unknown) => answerFailure(res, log, 'move_resolve', err));
  });
}
