import { createHash, timingSafeEqual } from 'node:crypto';
import type { Metrics } from '../metrics.ts';
import { sendJson } from './respond.ts';
import type { Router } from './router.ts';

export interface Health {
  status: 'ok' | 'degraded' | 'stopping';
  [detail: string]: unknown;
}

/**
 * Compares digests, which have one length whatever was sent, so neither the
 * time taken nor a length check tells a guesser how much of the token matched.
 */
function bearerIs(authorization: string, token: string): boolean {
  const sent = /^Bearer +(\S+)$/i.exec(authorization)?.[1] ?? '';
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(sent), digest(token));
}

/** `metricsToken`: when set, /metrics needs it as a bearer token (METRICS_TOKEN). */
export function registerOpsRoutes(routes: Router, metrics: Metrics, health: () => Health, metricsToken: string | null): void {
  // Never behind the token: load balancers and orchestrators probe it without credentials.
  routes.get('/healthz', (_req, res) => {
    const body = health();
    sendJson(res, body.status === 'stopping' ? '503 Service Unavailable' : '200 OK', body);
  });

  routes.get('/metrics', (req, res) => {
    if (metricsToken !== null && !bearerIs(req.header('authorization'), metricsToken)) {
      const body = { error: { code: 'UNAUTHENTICATED', message: 'Send the metrics token as Authorization: Bearer <token>', field: '' } };
      return sendJson(res, '401 Unauthorized', body, { 'WWW-Authenticate': 'Bearer realm="metrics"' });
    }
    metrics.registry.metrics().then((text) => res.end('200 OK', { 'Content-Type': metrics.registry.contentType }, text));
  });
}
