// The /api routes run only on the cell that holds the workspace their
// credential names (docs/DESIGN.md decision 55, PROTOCOL.md §2.10). Before a
// route, that tenant is settled with the gate: from the cache at once, or else
// once Redis answers, the request's body held back meanwhile. A workspace of
// another cell is refused with 421 naming the cell. The routes themselves are
// unchanged, and TenantDatabases' guard stands behind this.
import { httpCredential, tenantNamed, type Credential } from '../auth/credentials.ts';
import type { TenantGate } from '../cells/tenant-gate.ts';
import type { Logger } from '../log.ts';
import { sendRefusal } from './account-refusal.ts';
import type { HttpResponse, Route, Router } from './router.ts';

export interface PlacedRoutesDeps {
  gate: TenantGate;
  /** Whether a credential checks out: only then is a workspace no cell holds claimed for this one. */
  authenticates(credential: Credential): boolean;
  log: Logger;
}

/**
 * A request body held back while its request waits for Redis. uWS hands the
 * body only to a handler set before the route returns, so one is set at once
 * and the socket paused; what came meanwhile goes, in order, to the route's
 * own handler once it sets one.
 */
class HeldBody {
  private readonly early: Array<[Buffer, boolean]> = [];
  private handler: ((chunk: Buffer, isLast: boolean) => void) | null = null;
  private pausedByRoute = false;
  /** What the route is given in place of the response. */
  readonly response: HttpResponse;

  constructor(private readonly res: HttpResponse) {
    res.onData((chunk, isLast) => (this.handler ? this.handler(chunk, isLast) : this.early.push([chunk, isLast])));
    res.pause();
    this.response = {
      get aborted() {
        return res.aborted;
      },
      onData: (handler) => {
        this.handler = handler;
        for (const [chunk, isLast] of this.early.splice(0)) handler(chunk, isLast);
      },
      pause: () => {
        this.pausedByRoute = true;
        res.pause();
      },
      resume: () => {
        this.pausedByRoute = false;
        res.resume();
      },
      onAborted: (handler) => res.onAborted(handler),
      end: (status, headers, body) => res.end(status, headers, body),
      stream: (status, headers, next, done) => res.stream(status, headers, next, done),
      open: (status, headers) => res.open(status, headers),
    };
  }

  /** After the route returned: the body comes again, to the route, or to nowhere when it never asked for it. */
  release(): void {
    this.handler ??= () => undefined;
    if (!this.pausedByRoute) this.res.resume();
  }

  /** The request is refused: the rest of its body is read and dropped, so the connection stays usable. */
  drop(): void {
    this.handler = () => undefined;
    this.res.resume();
  }
}

export function placedRoutes(routes: Router, deps: PlacedRoutesDeps): Router {
  const refuse = (res: HttpResponse, err: unknown) => sendRefusal(res, deps.log, 'placement', err);
  const placed = (route: Route, withBody: boolean): Route => (req, res) => {
    const credential = httpCredential(req.header('authorization'), req.header('cookie'));
    const tenantId = credential && tenantNamed(credential.token);
    // No workspace named: the route refuses the credential as it always has.
    if (!tenantId) return route(req, res);
    try {
      if (deps.gate.known(tenantId)) return route(req, res);
    } catch (err) {
      if (withBody) res.onData(() => undefined);
      return refuse(res, err);
    }
    const body = withBody ? new HeldBody(res) : null;
    deps.gate.admit(tenantId, () => deps.authenticates(credential)).then(
      () => {
        if (res.aborted) return;
        try {
          route(req, body?.response ?? res);
        } catch (err) {
          refuse(res, err);
        }
        body?.release();
      },
      (err: unknown) => {
        body?.drop();
        refuse(res, err);
      },
    );
  };
  return {
    get: (pattern, route) => routes.get(pattern, placed(route, false)),
    post: (pattern, route) => routes.post(pattern, placed(route, true)),
  };
}
