// Tandem's HTTP routes (http/router.ts) on uWebSockets.js. A uWS request is
// valid only until the handler returns and a response must not be written
// after an abort or, after an await, outside cork(): this adapter copies the
// request first, registers onAborted before the route runs, and corks every write.
import type { HttpRequest as UwsRequest, HttpResponse as UwsResponse, TemplatedApp } from 'uWebSockets.js';
import type { HttpRequest, HttpResponse, Route, Router } from '../http/router.ts';

function copyRequest(req: UwsRequest, res: UwsResponse): HttpRequest {
  const headers = new Map<string, string>();
  req.forEach((name, value) => headers.set(name, value));
  const remoteAddress = Buffer.from(res.getRemoteAddressAsText()).toString();
  return { url: req.getUrl(), remoteAddress, header: (name) => headers.get(name) ?? '' };
}

class CorkedResponse implements HttpResponse {
  aborted = false;

  constructor(private readonly res: UwsResponse) {
    res.onAborted(() => {
      this.aborted = true;
    });
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
}

export function httpRouter(app: TemplatedApp): Router {
  const handler = (route: Route) => (res: UwsResponse, req: UwsRequest) => route(copyRequest(req, res), new CorkedResponse(res));
  return {
    get: (pattern, route) => void app.get(pattern, handler(route)),
    post: (pattern, route) => void app.post(pattern, handler(route)),
  };
}
