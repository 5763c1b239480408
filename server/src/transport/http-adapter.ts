// Tandem's HTTP routes (http/router.ts) on uWebSockets.js. A uWS request is
// valid only until the handler returns and a response must not be written
// after an abort or, after an await, outside cork(): this adapter copies the
// request first, registers onAborted before the route runs, and corks every write.
// A streamed answer follows uWS's backpressure rule: once write() says the
// client is behind, uWS drains nothing more until onWritable writes again.
import type { HttpRequest as UwsRequest, HttpResponse as UwsResponse, TemplatedApp } from 'uWebSockets.js';
import type { HttpRequest, HttpResponse, PushedBody, Route, Router } from '../http/router.ts';

function copyRequest(req: UwsRequest, res: UwsResponse): HttpRequest {
  const headers = new Map<string, string>();
  req.forEach((name, value) => headers.set(name, value));
  const remoteAddress = Buffer.from(res.getRemoteAddressAsText()).toString();
  return { url: req.getUrl(), query: req.getQuery() ?? '', remoteAddress, header: (name) => headers.get(name) ?? '' };
}

class CorkedResponse implements HttpResponse {
  aborted = false;
  private onAbort: (() => void) | null = null;
  private readonly abortListeners: Array<() => void> = [];

  constructor(private readonly res: UwsResponse) {
    res.onAborted(() => {
      this.aborted = true;
      this.onAbort?.();
      for (const listener of this.abortListeners) listener();
    });
  }

  pause(): void {
    if (!this.aborted) this.res.pause();
  }

  resume(): void {
    if (!this.aborted) this.res.resume();
  }

  onAborted(handler: () => void): void {
    this.abortListeners.push(handler);
  }

  onData(handler: (chunk: Buffer, isLast: boolean) => void): void {
    // uWS reuses the chunk's memory after this callback returns: copy it.
    this.res.onData((chunk, isLast) => handler(Buffer.from(chunk.slice(0)), isLast));
  }

  end(status: string, headers: Readonly<Record<string, string>>, body: string | Uint8Array = ''): void {
    if (this.aborted) return;
    this.res.cork(() => {
      this.res.writeStatus(status);
      for (const [name, value] of Object.entries(headers)) this.res.writeHeader(name, value);
      this.res.end(body);
    });
  }

  stream(
    status: string,
    headers: Readonly<Record<string, string>>,
    next: () => string | Uint8Array | null,
    done: (stopped: Error | null) => void,
  ): void {
    let finished = false;
    const finish = (stopped: Error | null) => {
      if (finished) return;
      finished = true;
      done(stopped);
    };
    if (this.aborted) return finish(new Error('the client went away'));
    this.onAbort = () => finish(new Error('the client went away'));
    let started = false;
    let waiting = false;
    /** Sends one part; says whether the next may follow at once. */
    const pump = (): 'more' | 'wait' | 'end' => {
      let part: string | Uint8Array | null;
      try {
        part = next();
      } catch (err) {
        finish(err instanceof Error ? err : new Error(String(err)));
        this.res.close();
        return 'end';
      }
      let keptUp = true;
      this.res.cork(() => {
        if (!started) {
          started = true;
          this.res.writeStatus(status);
          for (const [name, value] of Object.entries(headers)) this.res.writeHeader(name, value);
        }
        if (part === null) this.res.end();
        else keptUp = this.res.write(part);
      });
      if (part === null) {
        finish(null);
        return 'end';
      }
      return keptUp ? 'more' : 'wait';
    };
    const go = (state: 'more' | 'wait' | 'end') => {
      if (state === 'more') setImmediate(() => !this.aborted && go(pump()));
      else waiting = state === 'wait';
    };
    this.res.onWritable(() => {
      // A writable event while nothing waits has nothing to drain.
      if (!waiting || this.aborted) return true;
      waiting = false;
      go(pump());
      return true;
    });
    go(pump());
  }

  open(status: string, headers: Readonly<Record<string, string>>): PushedBody {
    let started = false;
    let ended = false;
    const send = (part: string | Uint8Array | null) => {
      if (ended || this.aborted) return;
      this.res.cork(() => {
        if (!started) {
          started = true;
          this.res.writeStatus(status);
          for (const [name, value] of Object.entries(headers)) this.res.writeHeader(name, value);
        }
        if (part !== null) return void this.res.write(part);
        ended = true;
        this.res.end();
      });
    };
    return { write: (part) => send(part), end: () => send(null) };
  }
}

export function httpRouter(app: TemplatedApp): Router {
  const handler = (route: Route) => (res: UwsResponse, req: UwsRequest) => route(copyRequest(req, res), new CorkedResponse(res));
  return {
    get: (pattern, route) => void app.get(pattern, handler(route)),
    post: (pattern, route) => void app.post(pattern, handler(route)),
  };
}
