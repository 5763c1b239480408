// What a route sees of HTTP: Tandem's own request and response, implemented
// over uWebSockets.js by transport/http-adapter.ts. The adapter copies the
// request before the route runs and watches for aborts, so a route may answer
// after an await.

export interface HttpRequest {
  readonly url: string;
  /** The peer's address (the proxy's, behind one). */
  readonly remoteAddress: string;
  /** A header by its lower-case name; '' when absent. */
  header(name: string): string;
}

export interface HttpResponse {
  /** Set once the client has gone: nothing can be sent any more. */
  readonly aborted: boolean;
  /**
   * Receives the body, chunk by chunk, each a copy the route may keep. Set it
   * before the route returns; a POST whose body is ignored still needs one.
   */
  onData(handler: (chunk: Buffer, isLast: boolean) => void): void;
  /** Writes the status, the headers and the body at once; does nothing once aborted. */
  end(status: string, headers: Readonly<Record<string, string>>, body?: string | Uint8Array): void;
}

export type Route = (req: HttpRequest, res: HttpResponse) => void;

export interface Router {
  get(pattern: string, route: Route): void;
  post(pattern: string, route: Route): void;
}
