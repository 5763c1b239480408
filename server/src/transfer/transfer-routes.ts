// The HTTP routes in and out of a project (docs/PROTOCOL.md §2.5):
// GET /api/projects/<KEY>/export.csv and export.json, streamed from a
// snapshot; POST /api/projects/<KEY>/import, a Jira CSV, with ?dry_run=1 for
// the report alone. A credential as on the other routes (bearer or the
// session cookie); a project the caller may not read is 404, as on the socket.
import { AppError } from '../../../shared/domain/errors.ts';
import { ErrorCode, Role } from '../../../shared/proto.ts';
import { errorCodeName } from '../../../shared/protocol/error-codes.ts';
import { admitCaller, type Caller } from '../auth/caller.ts';
import { httpCredential } from '../auth/credentials.ts';
import type { Sessions } from '../auth/sessions.ts';
import { TokenError } from '../auth/tokens.ts';
import { projectAccess } from '../handlers/access.ts';
import { sendError, sendJson } from '../http/respond.ts';
import type { HttpRequest, HttpResponse, Router } from '../http/router.ts';
import { guardWrite, type WriteGuardOptions } from '../http/write-guard.ts';
import type { Logger } from '../log.ts';
import type { AppendedEvent } from '../storage/events.ts';
import { findProjectByKey } from '../storage/projects.ts';
import type { ProjectRow } from '../storage/tables.ts';
import type { TenantDatabases } from '../tenancy/tenant-databases.ts';
import type { TenantDb } from '../tenancy/tenant-db.ts';
import { isStorageFault } from '../tenancy/storage-fault.ts';
import { CsvBody, CsvBroken, CsvTooBig, type CsvLimits } from './csv-body.ts';
import { CSV_EXPORT, JSON_EXPORT, type ExportFormat } from './export-formats.ts';
import { importLookups } from './import-lookups.ts';
import { planImport } from './import-plan.ts';
import type { ImportReport } from '../../../shared/protocol/import-report.ts';
import { runImport } from './import-run.ts';
import { exportParts } from './project-export.ts';

export interface TransferDeps {
  sessions: Pick<Sessions, 'authenticate'>;
  databases: TenantDatabases;
  /** A read-only connection of its own to a tenant's file; the export closes it. */
  openSnapshot(tenantId: string): TenantDb;
  /** Hands an import's committed events to the fan-out, as a write on the socket does. */
  publish(tenantId: string, events: readonly AppendedEvent[]): void;
  log: Logger;
  guard: WriteGuardOptions;
}

/** What a POST takes: text/csv, UTF-8 (the only charset accepted). */
export const IMPORT_MEDIA_TYPE = 'text/csv';

/**
 * An import is one transaction on the event loop (a bad row must change
 * nothing), so its size is what bounds the stall: 5,000 rows took 0.6-0.9 s
 * (docs/DESIGN.md, decision 44). 10 MiB holds 5,000 rows with long descriptions.
 */
export const IMPORT_LIMITS: CsvLimits = { maxBytes: 10 * 1024 * 1024, maxRows: 5000 };

const STATUS: Partial<Record<ErrorCode, string>> = {
  [ErrorCode.ERROR_CODE_INVALID_ARGUMENT]: '400 Bad Request',
  [ErrorCode.ERROR_CODE_PERMISSION_DENIED]: '403 Forbidden',
  [ErrorCode.ERROR_CODE_NOT_FOUND]: '404 Not Found',
  [ErrorCode.ERROR_CODE_UNAVAILABLE]: '503 Service Unavailable',
};

/** As written: a key is capital letters, so one that needed decoding names no project anyway. */
const keyOf = (url: string) => /^\/api\/projects\/([^/]+)\//.exec(url)?.[1] ?? '';

const dryRunAsked = (query: string) => /^(1|true|yes)$/i.test(new URLSearchParams(query).get('dry_run') ?? '');

/** Names the first row at fault, not one refused only because its parent is. */
const refusal = (report: ImportReport) => {
  const first = report.problems.find((p) => p.becauseOfRow === undefined) ?? report.problems[0]!;
  const more = report.problems.length > 1 ? ` (and ${report.problems.length - 1} more)` : '';
  return `Row ${first.row}${first.column ? `, ${first.column}` : ''}: ${first.message}${more}. Nothing was imported`;
};

export function registerTransferRoutes(routes: Router, deps: TransferDeps): void {
  const fail = (res: HttpResponse, route: string, err: unknown) => {
    if (err instanceof AppError && STATUS[err.code]) return sendError(res, STATUS[err.code]!, errorCodeName(err.code), err.message, err.field);
    if (isStorageFault(err)) return sendError(res, '503 Service Unavailable', 'UNAVAILABLE', 'The server cannot save changes right now; nothing was changed');
    deps.log.error('http_route_failed', { route }, err);
    sendError(res, '500 Internal Server Error', 'INTERNAL', 'Something went wrong on the server');
  };

  /** The caller and the project, or null once a refusal is sent. */
  const open = (req: HttpRequest, res: HttpResponse, needed: Role, route: string): { caller: Caller; project: ProjectRow } | null => {
    const credential = httpCredential(req.header('authorization'), req.header('cookie'));
    if (!credential) {
      sendError(res, '401 Unauthorized', 'UNAUTHENTICATED', 'Log in first');
      return null;
    }
    try {
      const caller = admitCaller(deps.databases, deps.sessions.authenticate(credential));
      const db = deps.databases.get(caller.tenantId);
      const found = findProjectByKey(db, keyOf(req.url));
      // Unknown and unreadable alike: NOT_FOUND names no project that exists.
      const { project } = projectAccess({ db, caller, now: Date.now() }, found?.id ?? '', needed, 'key');
      return { caller, project };
    } catch (err) {
      if (err instanceof TokenError) sendError(res, '401 Unauthorized', 'UNAUTHENTICATED', 'Your session is not valid; log in again');
      else fail(res, route, err);
      return null;
    }
  };

  const exportAs = (format: ExportFormat) => (req: HttpRequest, res: HttpResponse) => {
    const opened = open(req, res, Role.ROLE_VIEWER, `export.${format.extension}`);
    if (!opened) return;
    const { caller, project } = opened;
    const now = Date.now();
    let parts: ReturnType<typeof exportParts>;
    try {
      parts = exportParts(deps.openSnapshot(caller.tenantId), project.id, format, now);
    } catch (err) {
      return fail(res, 'export', err);
    }
    const day = new Date(now).toISOString().slice(0, 10);
    const headers = {
      'Content-Type': format.contentType,
      'Content-Disposition': `attachment; filename="${project.key}-${day}.${format.extension}"`,
      'Cache-Control': 'no-store',
    };
    res.stream('200 OK', headers, () => parts.next(), (stopped) => {
      parts.close();
      if (stopped && !res.aborted) deps.log.error('export_failed', { tenant: caller.tenantId, project: project.key }, stopped);
    });
  };

  routes.get('/api/projects/:key/export.csv', exportAs(CSV_EXPORT));
  routes.get('/api/projects/:key/export.json', exportAs(JSON_EXPORT));

  routes.post('/api/projects/:key/import', (req, res) => {
    if (!guardWrite(req, res, deps.guard, IMPORT_MEDIA_TYPE)) return;
    // Read from the start, refused or not: uWS needs the body taken before the answer ends.
    let take: (chunk: Buffer, isLast: boolean) => void = () => undefined;
    res.onData((chunk, isLast) => take(chunk, isLast));
    const charset = /;\s*charset="?([^";]+)/i.exec(req.header('content-type'))?.[1];
    if (charset && !/^utf-?8$/i.test(charset)) return sendError(res, '415 Unsupported Media Type', 'INVALID_ARGUMENT', 'Send the CSV as UTF-8');
    const opened = open(req, res, Role.ROLE_ADMIN, 'import');
    if (!opened) return;
    const { caller, project } = opened;
    const dryRun = dryRunAsked(req.query);
    const body = new CsvBody(IMPORT_LIMITS);
    const refuse = (err: unknown) => {
      take = () => undefined;
      if (err instanceof CsvTooBig) return sendError(res, '413 Content Too Large', 'INVALID_ARGUMENT', err.message);
      if (!(err instanceof CsvBroken)) return fail(res, 'import', err);
      const report: ImportReport = {
        dryRun, rows: 0, items: [], sprints: [], notes: [],
        problems: [{ row: err.row, line: err.line, column: '', message: `Not readable as CSV: ${err.message}` }],
      };
      answer(res, report);
    };
    take = (chunk, isLast) => {
      try {
        body.push(chunk);
      } catch (err) {
        return refuse(err);
      }
      if (!isLast) return;
      body
        .end()
        .then((table) => {
          if (res.aborted) return;
          // Looked up again now: the file may have been closed, or the role changed, while the body came in.
          const db = deps.databases.get(caller.tenantId);
          projectAccess({ db, caller, now: Date.now() }, project.id, Role.ROLE_ADMIN, 'key');
          const run = runImport(db, caller, project.id, planImport(table, importLookups(db, project.id, caller.userId)), dryRun);
          deps.publish(caller.tenantId, run.events);
          answer(res, run.report);
        })
        .catch(refuse);
    };
  });
}

/** A dry run is answered with its report whatever it found; a real run with a problem changed nothing and is refused. */
function answer(res: HttpResponse, report: ImportReport): void {
  if (report.dryRun) return sendJson(res, '200 OK', report);
  if (report.problems.length === 0) return sendJson(res, '201 Created', report);
  sendJson(res, '400 Bad Request', { error: { code: 'INVALID_ARGUMENT', message: refusal(report), field: '' }, report });
}
