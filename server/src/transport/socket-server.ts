// The /ws endpoint: authenticates the upgrade, then turns frames into
// commands for the pipeline. The only module that sends, subscribes or closes.
import type { HttpRequest, HttpResponse, WebSocket, us_socket_context_t } from 'uWebSockets.js';
import { AppError } from '../../../shared/domain/errors.ts';
import { atLeast, effectiveRole } from '../../../shared/domain/permissions.ts';
import { ErrorCode, Role } from '../../../shared/proto.ts';
import { CLOSE } from '../../../shared/protocol/close-codes.ts';
import { errorCodeName } from '../../../shared/protocol/error-codes.ts';
import { CELL_HEADER, SOCKET_PATH, SUBPROTOCOL } from '../../../shared/protocol/wire.ts';
import type { Caller } from '../auth/caller.ts';
import { originAllowed, socketCredential, subprotocols, tenantNamed, type Credential } from '../auth/credentials.ts';
import { AccountDeactivated, authenticates, type Sessions } from '../auth/sessions.ts';
import { TokenError, type VerifiedToken } from '../auth/tokens.ts';
import { PlacementUnavailable, TenantElsewhere } from '../cells/refusals.ts';
import type { TenantGate } from '../cells/tenant-gate.ts';
import type { Config } from '../config.ts';
import { compactEvent } from '../fanout/compact-event.ts';
import { eventFrame } from '../fanout/event-frame.ts';
import type { InstanceFanout } from '../fanout/instance-fanout.ts';
import type { MemberChange } from '../fanout/member-change.ts';
import { projectTopics, subscriberTopics, userTopic } from '../fanout/topics.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { CommandQueue } from '../pipeline/command-queue.ts';
import type { SessionChange } from '../pipeline/dispatch.ts';
import { errorFrame } from '../pipeline/reply.ts';
import { decodeClientFrame, presenceFrame } from './codec.ts';
import { FanoutClock } from './fanout-clock.ts';
import { TokenBucket } from './token-bucket.ts';
import type { Socket } from './topic-broadcaster.ts';
import type { WebServer } from './web-server.ts';

interface Connection {
  /** Unique on this instance: keys this socket's presence. */
  id: number;
  caller: Caller;
  expiresAtMs: number;
  /** The log-in the token belongs to: a log-out revokes it, and the sweep closes this socket. */
  sessionId: string | null;
  bucket: TokenBucket;
  subscriptions: Set<string>;
  /** project id -> work item id being viewed ('' for the board), for presence. */
  presence: Map<string, string>;
  closed: boolean;
}

/** What uWS buffers before cutting a socket: frames between our limit and this get a proper 1009. */
export function hardFrameLimit(maxFrameBytes: number): number {
  return Math.max(maxFrameBytes * 4, maxFrameBytes + 1024 * 1024);
}

export interface SocketDeps {
  config: Config;
  sessions: Pick<Sessions, 'authenticate' | 'revokedSinceLastCall'>;
  /** Lets a verified user into their tenant (auth/caller.ts); throws when their tenant file cannot be opened. */
  admit(claims: VerifiedToken): Caller;
  /** Which workspaces this instance serves, when cells are on (CELL); null: every one. */
  placement: TenantGate | null;
  commands: CommandQueue;
  fanout: InstanceFanout<Socket>;
  metrics: Metrics;
  log: Logger;
}

export interface SocketServer {
  count(): number;
  /** Applies and answers the commands still waiting for their group commit. */
  drain(): void;
  /** Closes every socket and stops the sweep: the server is stopping. */
  closeAll(code: number, reason: string): void;
  /** Closes the sockets of one tenant: it was placed on another cell. */
  closeTenant(tenantId: string, code: number, reason: string): void;
}

/** What the upgrade reads of its request, copied: a uWS request is gone after the first await. */
interface UpgradeRequest {
  protocols: string;
  key: string;
  extensions: string;
  cookie: string;
  origin: string;
  host: string;
}

function readUpgrade(req: HttpRequest): UpgradeRequest {
  return {
    protocols: req.getHeader('sec-websocket-protocol'),
    key: req.getHeader('sec-websocket-key'),
    extensions: req.getHeader('sec-websocket-extensions'),
    cookie: req.getHeader('cookie'),
    origin: req.getHeader('origin'),
    host: req.getHeader('host'),
  };
}

/** How often open sockets are checked for an expired token or a revoked session. */
const SWEEP_MS = 1000;

/** Open sockets per tenant, and per user within it, on this instance: the caps of the upgrade. */
class SocketCounts {
  private readonly tenants = new Map<string, { sockets: number; users: Map<string, number> }>();

  ofTenant(tenantId: string): number {
    return this.tenants.get(tenantId)?.sockets ?? 0;
  }

  ofUser(tenantId: string, userId: string): number {
    return this.tenants.get(tenantId)?.users.get(userId) ?? 0;
  }

  add({ tenantId, userId }: Caller): void {
    let tenant = this.tenants.get(tenantId);
    if (!tenant) this.tenants.set(tenantId, (tenant = { sockets: 0, users: new Map() }));
    tenant.sockets++;
    tenant.users.set(userId, (tenant.users.get(userId) ?? 0) + 1);
  }

  remove({ tenantId, userId }: Caller): void {
    const tenant = this.tenants.get(tenantId);
    if (!tenant) return;
    const left = (tenant.users.get(userId) ?? 1) - 1;
    if (left > 0) tenant.users.set(userId, left);
    else tenant.users.delete(userId);
    if (--tenant.sockets <= 0) this.tenants.delete(tenantId);
  }
}

export function attachSocketServer(web: WebServer, deps: SocketDeps): SocketServer {
  const { config, sessions, admit, placement, commands, fanout, metrics, log } = deps;
  let nextConnectionId = 1;
  const limits = config.limits;
  const sockets = new Set<WebSocket<Connection>>();
  const counts = new SocketCounts();
  const fanoutClock = new FanoutClock((seconds) => metrics.fanoutSeconds.observe(seconds));
  /** No socket's token expires before this: the sweep skips the scan until then. */
  let nextExpiryMs = Infinity;

  const refuse = (res: HttpResponse, status: string, why: string, headers: Record<string, string> = {}) => {
    metrics.upgradesRefused.inc({ status: status.slice(0, 3) });
    res.writeStatus(status).writeHeader('Content-Type', 'text/plain');
    for (const [name, value] of Object.entries(headers)) res.writeHeader(name, value);
    res.end(why);
  };

  /** A workspace this instance does not serve: 421 naming its cell, or 503 while Redis cannot say (PROTOCOL.md §2.10). */
  const refusePlacement = (res: HttpResponse, err: unknown) => {
    if (err instanceof TenantElsewhere) return refuse(res, '421 Misdirected Request', `workspace is on cell ${err.cell}`, { [CELL_HEADER]: err.cell });
    refuse(res, '503 Service Unavailable', 'workspace placement unavailable', { 'Retry-After': '1' });
  };

  /** The upgrade from the token on: refused, or the socket opened. Runs inside uWS's upgrade handler, or in res.cork() after an await. */
  const finishUpgrade = (res: HttpResponse, request: UpgradeRequest, credential: Credential, context: us_socket_context_t) => {
    let claims: VerifiedToken;
    try {
      claims = sessions.authenticate(credential);
    } catch (err) {
      if (!(err instanceof TokenError)) log.error('token_check_failed', { error: String(err) });
      else log.info('upgrade_refused', { reason: err.message });
      return refuse(res, '401 Unauthorized', err instanceof AccountDeactivated ? 'account deactivated' : 'invalid token');
    }
    if (sockets.size >= limits.maxConnections) return refuse(res, '503 Service Unavailable', 'server is full');
    if (counts.ofTenant(claims.tenantId) >= limits.maxConnectionsPerTenant) {
      return refuse(res, '503 Service Unavailable', 'too many connections for this workspace');
    }
    if (counts.ofUser(claims.tenantId, claims.userId) >= limits.maxConnectionsPerUser) {
      return refuse(res, '503 Service Unavailable', 'too many connections for this user');
    }
    let caller: Caller;
    try {
      caller = admit(claims);
    } catch (err) {
      // Placed elsewhere since the check above (a move landing now): refused like any other misdirected upgrade.
      if (err instanceof TenantElsewhere || err instanceof PlacementUnavailable) return refusePlacement(res, err);
      log.error('upgrade_failed', { tenant: claims.tenantId, error: err instanceof Error ? err.message : String(err) });
      return refuse(res, '500 Internal Server Error', 'could not open the workspace');
    }
    const conn: Connection = {
      id: nextConnectionId++,
      caller,
      expiresAtMs: claims.expiresAtMs,
      sessionId: claims.sessionId,
      bucket: new TokenBucket(limits.ratePerSecond, limits.rateBurst),
      subscriptions: new Set(),
      presence: new Map(),
      closed: false,
    };
    const protocol = subprotocols(request.protocols).includes(SUBPROTOCOL) ? SUBPROTOCOL : '';
    res.upgrade(conn, request.key, protocol, request.extensions, context);
  };

  // The bound is on the backlog a frame finds, not on the frame: one big board
  // to a reader that keeps up is fine, anything to one that does not is not.
  const send = (ws: WebSocket<Connection>, frame: Uint8Array) => {
    if (ws.getUserData().closed) return;
    if (ws.getBufferedAmount() > limits.maxBackpressureBytes) return ws.end(CLOSE.tryAgainLater.code, 'slow reader');
    ws.send(frame, true);
    metrics.framesOut.inc();
  };

  const presence = (conn: Connection, projectId: string, viewing: string, online: boolean, origin: WebSocket<Connection> | null) => {
    if (online) conn.presence.set(projectId, viewing);
    else conn.presence.delete(projectId);
    const frame = presenceFrame(conn.caller, `${config.instanceName}/${conn.id}`, projectId, viewing, online, Date.now());
    fanout.presence(conn.caller.tenantId, projectId, `${conn.id}|${projectId}`, frame, online, origin as Socket | null);
  };

  const applySession = (ws: WebSocket<Connection>, conn: Connection, outcome: SessionChange, now: number) => {
    if (outcome.replay) {
      const { payloads, changedFieldsOnly } = outcome.replay;
      for (const payload of payloads) send(ws, eventFrame(changedFieldsOnly ? compactEvent(payload) : payload, now));
    }
    // The replay may have overrun a slow reader: a closed socket cannot subscribe.
    if (conn.closed) return;
    for (const { projectId, seq, changedFieldsOnly } of outcome.subscribe ?? []) {
      // The topic first catches up to where this socket's replay ended.
      fanout.join(conn.caller.tenantId, projectId, seq);
      conn.subscriptions.add(projectId);
      // Subscribing again with the other form moves the socket to the other topic.
      const topics = subscriberTopics(conn.caller.tenantId, projectId, changedFieldsOnly);
      ws.unsubscribe(topics.leave);
      ws.subscribe(topics.join);
      // A newcomer learns who is already here; later changes come as events.
      for (const frame of fanout.presenceOf(conn.caller.tenantId, projectId, `${conn.id}|`)) send(ws, frame);
    }
    for (const projectId of outcome.unsubscribe ?? []) leaveProject(ws, conn, projectId);
    if (outcome.presence) presence(conn, outcome.presence.projectId, outcome.presence.viewingWorkItemId, true, ws);
  };

  const leaveProject = (ws: WebSocket<Connection>, conn: Connection, projectId: string) => {
    conn.subscriptions.delete(projectId);
    for (const topic of projectTopics(conn.caller.tenantId, projectId)) ws.unsubscribe(topic);
    fanout.left(conn.caller.tenantId, projectId);
    // Sent as nobody's: uWS drops a publish from a socket no longer subscribed to anything.
    if (conn.presence.has(projectId)) presence(conn, projectId, '', false, null);
  };

  // A member removed (or given a role that cannot read, should one exist) stops
  // receiving the project at once on every instance: each learns of it from the
  // member event its own fan-out delivers. The socket is told in an Error frame
  // with no message id that names the project (docs/PROTOCOL.md §7). A tenant
  // owner or admin reads every project, member or not, and keeps watching.
  // A linear scan: member changes are rare, and an index by user would cost
  // every idle socket memory.
  fanout.onMemberChange((tenantId: string, projectId: string, change: MemberChange) => {
    if (atLeast(change.role, Role.ROLE_VIEWER)) return;
    const now = Date.now();
    for (const ws of sockets) {
      const conn = ws.getUserData();
      if (conn.closed || conn.caller.tenantId !== tenantId || conn.caller.userId !== change.userId || !conn.subscriptions.has(projectId)) continue;
      if (atLeast(effectiveRole(conn.caller.tenantRole, change.role), Role.ROLE_VIEWER)) continue;
      // The notice first: a direct send delivers the topic frames queued for this
      // socket ahead of it (the removal event among them), which uWS would drop
      // were the socket to leave its last topic before they went out.
      const ended = new AppError(ErrorCode.ERROR_CODE_PERMISSION_DENIED, 'You no longer have access to this project', 'projects', undefined, 0, projectId);
      send(ws, errorFrame('', now, ended));
      if (!conn.closed) leaveProject(ws, conn, projectId);
    }
  });

  // One sweep a second over every socket rather than a timer each: an idle
  // socket costs no closure. Pings are answered by uWS itself, so without this
  // a silent socket would outlive its token (or a log-out) indefinitely.
  const sweep = () => {
    const now = Date.now();
    let revoked: string[] = [];
    try {
      revoked = sessions.revokedSinceLastCall();
    } catch (err) {
      log.error('revocation_read_failed', { error: err instanceof Error ? err.message : String(err) });
    }
    if (now < nextExpiryMs && revoked.length === 0) return;
    const ended = new Set(revoked);
    nextExpiryMs = Infinity;
    for (const ws of sockets) {
      const conn = ws.getUserData();
      if (conn.closed) continue;
      if (now >= conn.expiresAtMs) ws.end(CLOSE.tokenExpired.code, 'token expired');
      else if (conn.sessionId !== null && ended.has(conn.sessionId)) ws.end(CLOSE.tokenExpired.code, 'session revoked');
      else nextExpiryMs = Math.min(nextExpiryMs, conn.expiresAtMs);
    }
  };
  const sweeper = setInterval(sweep, SWEEP_MS);
  sweeper.unref();

  web.app.ws<Connection>(SOCKET_PATH, {
    // uWS drops a socket past its own limit without a close frame (1006), so it
    // gets headroom and frames over our limit are closed with 1009 below.
    maxPayloadLength: hardFrameLimit(limits.maxFrameBytes),
    idleTimeout: limits.idleTimeoutSeconds,
    sendPingsAutomatically: true,
    maxBackpressure: limits.maxBackpressureBytes,
    closeOnBackpressureLimit: 1,

    // Synchronous whenever this instance knows where the workspace lives, so
    // the upgrade needs no cork after an await (see auth/jwt-verify.ts for the
    // uWS bug that avoids). Only a workspace it has not met waits for Redis:
    // once per tenant per instance (docs/DESIGN.md decision 55).
    upgrade: (res: HttpResponse, req: HttpRequest, context: us_socket_context_t) => {
      const request = readUpgrade(req);
      const credential = socketCredential(request.protocols, request.cookie);
      if (!credential) return refuse(res, '401 Unauthorized', 'missing token');
      if (credential.via === 'cookie' && !originAllowed(request.origin, request.host, config.allowedOrigins, config.cookieSecure)) {
        return refuse(res, '403 Forbidden', 'origin not allowed');
      }
      const tenantId = placement && tenantNamed(credential.token);
      if (!placement || !tenantId) return finishUpgrade(res, request, credential, context);
      try {
        if (placement.known(tenantId)) return finishUpgrade(res, request, credential, context);
      } catch (err) {
        return refusePlacement(res, err);
      }
      let aborted = false;
      res.onAborted(() => {
        aborted = true;
      });
      placement.admit(tenantId, () => authenticates(sessions, credential)).then(
        () => !aborted && res.cork(() => finishUpgrade(res, request, credential, context)),
        (err: unknown) => !aborted && res.cork(() => refusePlacement(res, err)),
      );
    },

    open: (ws) => {
      const conn = ws.getUserData();
      sockets.add(ws);
      counts.add(conn.caller);
      nextExpiryMs = Math.min(nextExpiryMs, conn.expiresAtMs);
      // Every socket of a person hears their notifications, whatever project it watches.
      ws.subscribe(userTopic(conn.caller.tenantId, conn.caller.userId));
      metrics.connections.inc();
    },

    message: (ws, message, isBinary) => {
      const conn = ws.getUserData();
      metrics.framesIn.inc();
      if (!isBinary) return ws.end(CLOSE.unsupportedData.code, 'binary frames only');
      if (message.byteLength > limits.maxFrameBytes) return ws.end(CLOSE.tooBig.code, 'frame too large');
      const now = Date.now();
      let frame;
      try {
        frame = decodeClientFrame(new Uint8Array(message));
      } catch {
        metrics.errors.inc({ code: errorCodeName(ErrorCode.ERROR_CODE_INVALID_ARGUMENT) });
        return send(ws, errorFrame('', now, new AppError(ErrorCode.ERROR_CODE_INVALID_ARGUMENT, 'The frame is not a ClientFrame')));
      }
      if (now >= conn.expiresAtMs) {
        send(ws, errorFrame(frame.messageId, now, new AppError(ErrorCode.ERROR_CODE_UNAUTHENTICATED, 'Your session expired; log in again')));
        return ws.end(CLOSE.tokenExpired.code, 'token expired');
      }
      const waitMs = conn.bucket.take(now);
      if (waitMs > 0) {
        metrics.errors.inc({ code: errorCodeName(ErrorCode.ERROR_CODE_RATE_LIMITED) });
        const err = new AppError(ErrorCode.ERROR_CODE_RATE_LIMITED, 'Too many messages; slow down', '', undefined, waitMs);
        return send(ws, errorFrame(frame.messageId, now, err));
      }

      const started = performance.now();
      commands.push({
        caller: conn.caller,
        subscriptions: conn.subscriptions,
        frame,
        now,
        deliver: (out) => {
          // The socket may have closed while its command waited for the commit.
          if (!conn.closed) {
            ws.cork(() => {
              // A write that changed several entities: the sender gets the events its
              // Result does not stand for (the Result stands for the last one).
              for (const event of out.events.slice(0, -1)) send(ws, eventFrame(event.payload, now));
              send(ws, out.reply);
              if (out.session) applySession(ws, conn, out.session, now);
            });
          }
          // A socket closed while replying (slow reader) is no origin to skip any more.
          fanout.committed(conn.caller.tenantId, out.events, conn.closed ? null : (ws as Socket));
          // Timed only when a copy went to someone else: the writer's own socket is skipped.
          const others = (projectId: string) => fanout.watchers(conn.caller.tenantId, projectId) - (conn.subscriptions.has(projectId) ? 1 : 0);
          if (out.events.some((e) => others(e.projectId) > 0)) fanoutClock.published(started);
          fanout.notify(conn.caller.tenantId, out.notices);
          const seconds = (performance.now() - started) / 1000;
          metrics.commandSeconds.observe({ command: out.command }, seconds);
          if (out.errorCode !== null) metrics.errors.inc({ code: errorCodeName(out.errorCode) });
          log.debug('command', {
            tenant: conn.caller.tenantId, user: conn.caller.userId, message_id: frame.messageId,
            command: out.command, latency_ms: Math.round(seconds * 1e6) / 1000,
            error: out.errorCode === null ? null : ErrorCode[out.errorCode],
          });
        },
      });
    },

    close: (ws) => {
      const conn = ws.getUserData();
      conn.closed = true;
      sockets.delete(ws);
      counts.remove(conn.caller);
      metrics.connections.dec();
      for (const projectId of [...conn.presence.keys()]) presence(conn, projectId, '', false, null);
      // uWS drops the closed socket's subscriptions after this handler returns.
      setImmediate(() => {
        for (const projectId of conn.subscriptions) fanout.left(conn.caller.tenantId, projectId);
      });
    },
  });

  return {
    count: () => sockets.size,
    drain: () => commands.flush(),
    closeAll(code, reason) {
      clearInterval(sweeper);
      for (const ws of [...sockets]) ws.end(code, reason);
    },
    // A linear scan: placements change rarely, and an index by tenant would cost every socket.
    closeTenant(tenantId, code, reason) {
      for (const ws of [...sockets]) if (ws.getUserData().caller.tenantId === tenantId) ws.end(code, reason);
    },
  };
}
