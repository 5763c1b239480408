// The headers every HTTP answer carries (issue "Hardening", docs/DESIGN.md).
//
// Two Content-Security-Policies. Pages and the files they load get
// pagePolicy(): everything from our own origin (the bundle, its CSS, the
// service worker, which lives by the policy of its own script's response, and
// the socket: CSP3 'self' covers ws:/wss: to the same host), no plugins, no
// <base> and framing only by the configured ancestors. The embeddable board
// is not framed at all: a host page loads /embed/tandem-board.js as a module
// into its own document, where the host's policy applies, not ours. API
// answers are data, never documents: they get a policy that allows nothing.
import type { HttpResponse, Router } from './router.ts';

/** For an answer that is not a page: nothing may load from it, nothing may frame it. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * Scripts: our files only, so an injected <script>, event-handler attribute
 * or javascript: URL never runs, and no eval. 'wasm-unsafe-eval' lets
 * protobufjs's long.js compile its few bytes of WebAssembly for 64-bit
 * arithmetic (it would fall back to JavaScript, but each page load would
 * report a violation); it allows WebAssembly only, never a string as script.
 *
 * Styles: inline ones are allowed. The embed puts its CSS into the page that
 * hosts it as a <style> element (our example page included), and Solid
 * compiles a static `style` prop into a template attribute (the board's
 * skeleton). What injected CSS could do is bounded by the rest of the policy:
 * it can load images and fonts from our own origin only, so it cannot send
 * what it reads anywhere.
 *
 * Images: also blob: URLs, which only our own scripts make. An attachment's
 * thumbnail is fetched with the tab's bearer token (the cookie may be another
 * tab's log-in) and shown from such a URL.
 */
export function pagePolicy(frameAncestors: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors.join(' ')}`,
  ].join('; ');
}

/**
 * `same-origin`: links out of the app (Markdown in descriptions) tell the
 * other site nothing, not even our host name, and our own requests keep
 * theirs. Not `no-referrer`: under it the Fetch standard has a POST that is
 * not a CORS-mode fetch (a plain HTML form) say `Origin: null`, which the
 * write guard (write-guard.ts) would refuse.
 */
export const REFERRER_POLICY = 'same-origin';

const BASELINE: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': REFERRER_POLICY,
  'Content-Security-Policy': API_POLICY,
};

function withBaseline(res: HttpResponse): HttpResponse {
  return {
    get aborted() {
      return res.aborted;
    },
    onData: (handler) => res.onData(handler),
    pause: () => res.pause(),
    resume: () => res.resume(),
    onAborted: (handler) => res.onAborted(handler),
    // A route's own headers win: static-files.ts sends the page policy with what it serves.
    end: (status, headers, body) => res.end(status, { ...BASELINE, ...headers }, body),
    stream: (status, headers, next, done) => res.stream(status, { ...BASELINE, ...headers }, next, done),
    open: (status, headers) => res.open(status, { ...BASELINE, ...headers }),
  };
}

/** The same routes, each answer carrying the baseline headers. */
export function withSecurityHeaders(routes: Router): Router {
  return {
    get: (pattern, route) => routes.get(pattern, (req, res) => route(req, withBaseline(res))),
    post: (pattern, route) => routes.post(pattern, (req, res) => route(req, withBaseline(res))),
  };
}
