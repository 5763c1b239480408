// The in-app assistant over HTTP (docs/PROTOCOL.md §2.9), registered only
// when LLM_BASE_URL and LLM_MODEL are set: without them both routes are the
// ordinary 404 and the app hides its Ask panel.
//   GET  /api/assistant  200 {model} for a signed-in person: the panel is on.
//   POST /api/assistant  {projectId, messages} → NDJSON parts, streamed as
//                         the model writes (shared/domain/assistant.ts).
// The question, the answer and the tool results are never logged: they are
// the team's words and the tenant's data.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { ASSISTANT_LIMITS, ASSISTANT_PATH, type AssistantPart, type AssistantTurn } from '../../../shared/domain/assistant.ts';
import { AppError } from '../../../shared/domain/errors.ts';
import { Role } from '../../../shared/proto.ts';
import { admitCaller, type Caller } from '../auth/caller.ts';
import { httpCredential } from '../auth/credentials.ts';
import type { Sessions } from '../auth/sessions.ts';
import { TokenError } from '../auth/tokens.ts';
import { projectAccess } from '../handlers/access.ts';
import { readJsonBody, sendError, sendJson } from '../http/respond.ts';
import type { HttpRequest, HttpResponse, Router } from '../http/router.ts';
import { guardWrite, type WriteGuardOptions } from '../http/write-guard.ts';
import type { Logger } from '../log.ts';
import { findProjectByKey } from '../storage/projects.ts';
import type { TenantDatabases } from '../tenancy/tenant-databases.ts';
import { AssistantFailure, type Endpoint } from './completion.ts';
import { answerQuestion } from './conversation.ts';
import type { ReadAs } from './reads.ts';

export interface AssistantDeps {
  endpoint: Endpoint;
  timeoutSeconds: number;
  perMinute: number;
  sessions: Pick<Sessions, 'authenticate'>;
  databases: TenantDatabases;
  readAs: ReadAs;
  log: Logger;
  guard: WriteGuardOptions;
}

/** A question with its conversation so far, as the browser sent it; null when it is not one. */
function turnsOf(body: Record<string, unknown>): AssistantTurn[] | null {
  const messages = body['messages'];
  if (!Array.isArray(messages) || messages.length === 0 || messages.length > ASSISTANT_LIMITS.maxTurns) return null;
  const turns = messages.map((m: { role?: unknown; content?: unknown }) =>
    (m?.role === 'user' || m?.role === 'assistant') && typeof m.content === 'string' && m.content.length <= ASSISTANT_LIMITS.maxTurnChars
      ? { role: m.role, content: m.content }
      : null,
  );
  return turns.every((t) => t !== null) && turns.at(-1)!.role === 'user' ? (turns as AssistantTurn[]) : null;
}

export function registerAssistantRoutes(routes: Router, deps: AssistantDeps): void {
  const limiter = new RateLimiterMemory({ points: deps.perMinute, duration: 60, keyPrefix: 'assistant' });

  /** The signed-in person, or null once a refusal is sent. */
  const callerOf = (req: HttpRequest, res: HttpResponse): Caller | null => {
    const credential = httpCredential(req.header('authorization'), req.header('cookie'));
    if (!credential) {
      sendError(res, '401 Unauthorized', 'UNAUTHENTICATED', 'Log in first');
      return null;
    }
    try {
      return admitCaller(deps.databases, deps.sessions.authenticate(credential));
    } catch (err) {
      if (err instanceof TokenError) sendError(res, '401 Unauthorized', 'UNAUTHENTICATED', 'Your session is not valid; log in again');
      else {
        deps.log.error('assistant_request_failed', {}, err);
        sendError(res, '500 Internal Server Error', 'INTERNAL', 'Something went wrong on the server');
      }
      return null;
    }
  };

  routes.get(ASSISTANT_PATH, (req, res) => {
    if (callerOf(req, res)) sendJson(res, '200 OK', { model: deps.endpoint.model });
  });

  routes.post(ASSISTANT_PATH, (req, res) => {
    if (!guardWrite(req, res, deps.guard)) return;
    const body = readJsonBody(res, 2 * ASSISTANT_LIMITS.maxTurns * ASSISTANT_LIMITS.maxTurnChars);
    const caller = callerOf(req, res);
    if (!caller) return void body.catch(() => undefined);
    const ask = async (fields: Record<string, unknown>) => {
      const turns = turnsOf(fields);
      if (!turns) return sendError(res, '400 Bad Request', 'INVALID_ARGUMENT', 'Send projectId and messages: the conversation, ending with the question', 'messages');
      const db = deps.databases.get(caller.tenantId);
      // Unknown and unreadable alike: NOT_FOUND names no project that exists.
      const { project } = projectAccess({ db, caller, now: Date.now() }, String(fields['projectId'] ?? ''), Role.ROLE_VIEWER, 'projectId');
      try {
        await limiter.consume(`${caller.tenantId}:${caller.userId}`);
      } catch (refused) {
        if (!(refused instanceof RateLimiterRes)) throw refused;
        const seconds = Math.ceil(refused.msBeforeNext / 1000);
        return sendJson(res, '429 Too Many Requests', { error: { code: 'RATE_LIMITED', message: `Too many questions; try again in ${seconds} s`, field: '' } }, { 'Retry-After': String(seconds) });
      }
      if (!res.aborted) stream(res, deps, caller, project.id, project.key, turns);
    };

    body
      .then(
        (fields) => ask(fields).catch((err: unknown) => {
          if (err instanceof AppError) return sendError(res, '404 Not Found', 'NOT_FOUND', err.message, err.field);
          deps.log.error('assistant_request_failed', { tenant: caller.tenantId }, err);
          sendError(res, '500 Internal Server Error', 'INTERNAL', 'Something went wrong on the server');
        }),
        (unreadable: Error) => sendError(res, '400 Bad Request', 'INVALID_ARGUMENT', unreadable.message),
      );
  });
}

/** Streams one answer; it ends with a `done` or an `error` part, whatever the model does. */
function stream(res: HttpResponse, deps: AssistantDeps, caller: Caller, projectId: string, projectKey: string, turns: AssistantTurn[]): void {
  const out = res.open('200 OK', { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' });
  const emit = (part: AssistantPart) => out.write(`${JSON.stringify(part)}\n`);
  const stop = new AbortController();
  // Stops the upstream request too: a person who cancels costs the model nothing more.
  res.onAborted(() => stop.abort(new Error('the client went away')));
  const timer = setTimeout(() => stop.abort(new AssistantFailure(`The assistant took longer than ${deps.timeoutSeconds} s and was stopped; try again, or ask something smaller`)), deps.timeoutSeconds * 1000);
  const ctx = {
    caller,
    projectId,
    readAs: deps.readAs,
    projectIdOfKey: (key: string) => findProjectByKey(deps.databases.get(caller.tenantId), key)?.id ?? null,
  };
  emit({ type: 'activity', text: 'Thinking…' });
  answerQuestion(deps.endpoint, ctx, projectKey, turns, stop.signal, emit)
    .then(() => emit({ type: 'done' }))
    .catch((err: unknown) => {
      if (res.aborted) return;
      const reason: unknown = stop.signal.aborted ? stop.signal.reason : err;
      if (reason instanceof AssistantFailure) return emit({ type: 'error', message: reason.message });
      deps.log.error('assistant_failed', { tenant: caller.tenantId, user: caller.userId }, reason);
      emit({ type: 'error', message: 'The assistant failed on the server; try again' });
    })
    .finally(() => {
      clearTimeout(timer);
      out.end();
    });
}
