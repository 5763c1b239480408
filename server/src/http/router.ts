// What a route sees of HTTP: Tandem's own request and response, implemented
// over uWebSockets.js by transport/http-adapter.ts. The adapter copies the
// request before the route runs and watches for aborts, so a route may answer
// after an await.

export interface HttpRequest {
  /** The path, without the query string. */
  readonly url: string;
  /** The query string without its '?'; '' when there is none. */
  readonly query: string;
  /** The client's address: the peer's, or, behind a proxy in TRUSTED_PROXIES, the one it forwarded (client-address.ts). */
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
  /**
   * Stops the body's chunks, and lets them come again: a route that writes
   * them somewhere slower than the network holds the client back this way
   * instead of holding its chunks in memory.
   */
  pause(): void;
  resume(): void;
  /** Told once, if the client goes away before the answer is sent (a body cut off, say). */
  onAborted(handler: () => void): void;
  /** Writes the status, the headers and the body at once; does nothing once aborted. */
  end(status: string, headers: Readonly<Record<string, string>>, body?: string | Uint8Array): void;
  /**
   * Sends the body in parts (chunked) as `next` makes them, instead of end():
   * one part per event-loop turn while the client keeps up, then only as fast
   * as it reads, so a big answer never sits whole in memory nor holds the
   * loop. `next` returns null after the last part. `done` is told once: null
   * when all was handed over, or why it stopped (the client went away, or
   * `next` threw, which cuts the connection: the status has been sent).
   */
  stream(
    status: string,
    headers: Readonly<Record<string, string>>,
    next: () => string | Uint8Array | null,
    done: (stopped: Error | null) => void,
  ): void;
  /**
   * Starts a chunked answer whose parts come when something else makes them
   * (an upstream stream, say) rather than pulled as stream() does. A part
   * written while the client is behind waits in uWS's buffer, so this is for
   * small answers written slowly. Writes after an abort do nothing.
   */
  open(status: string, headers: Readonly<Record<string, string>>): PushedBody;
}

export interface PushedBody {
  write(part: string | Uint8Array): void;
  end(): void;
}

export type Route = (req: HttpRequest, res: HttpResponse) => void;

export interface Router {
  get(pattern: string, route: Route): void;
  post(pattern: string, route: Route): void;
}
