// A project's export and Jira import over HTTP (docs/PROTOCOL.md §2.5).
// Plain functions, no Solid. The session's bearer token goes with each call:
// the cookie may belong to another tab's log-in, and to another workspace.
import type { ImportReport } from '../../../shared/protocol/import-report.ts';

export type { ImportedItem, ImportReport, RowIssue } from '../../../shared/protocol/import-report.ts';

/** A refusal in the server's words; an import refused for its rows carries the report that names them. */
export class TransferError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly report: ImportReport | null = null,
  ) {
    super(message);
    this.name = 'TransferError';
  }
}

export type ExportFormat = 'csv' | 'json';

const UNREACHABLE = 'Tandem could not reach the server. Check your connection and try again.';

const isReport = (value: unknown): value is ImportReport =>
  typeof value === 'object' && value !== null && Array.isArray((value as ImportReport).items) && Array.isArray((value as ImportReport).problems);

async function call(path: string, token: string | null, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(path, { ...init, headers: { ...(init.headers as Record<string, string>), ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  } catch {
    throw new TransferError(UNREACHABLE, 0);
  }
}

async function refusal(res: Response, what: string): Promise<TransferError> {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string }; report?: unknown } | null;
  return new TransferError(body?.error?.message || `Could not ${what} (HTTP ${res.status})`, res.status, isReport(body?.report) ? body.report : null);
}

/** The export file, named as the server names it (`WEB-2026-12-07.csv`). */
export async function exportProject(projectKey: string, format: ExportFormat, token: string | null): Promise<{ blob: Blob; filename: string }> {
  const res = await call(`/api/projects/${encodeURIComponent(projectKey)}/export.${format}`, token);
  if (!res.ok) throw await refusal(res, 'export the project');
  const filename = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `${projectKey}.${format}`;
  return { blob: await res.blob(), filename };
}

/** Hands a file to the browser's downloads. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has been handled: revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Imports a Jira CSV; `dryRun`: only the report of what it would do. */
export async function importJiraCsv(projectKey: string, csv: Blob, dryRun: boolean, token: string | null): Promise<ImportReport> {
  const res = await call(`/api/projects/${encodeURIComponent(projectKey)}/import${dryRun ? '?dry_run=1' : ''}`, token, {
    method: 'POST',
    headers: { 'content-type': 'text/csv; charset=utf-8' },
    body: csv,
  });
  if (!res.ok) throw await refusal(res, 'import the file');
  const report: unknown = await res.json().catch(() => null);
  if (!isReport(report)) throw new TransferError('The server sent an answer Tandem did not understand. Try again in a moment.', res.status);
  return report;
}
