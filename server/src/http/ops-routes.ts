import type { Metrics } from '../metrics.ts';
import { sendJson } from './respond.ts';
import type { Router } from './router.ts';

export interface Health {
  status: 'ok' | 'degraded' | 'stopping';
  [detail: string]: unknown;
}

export function registerOpsRoutes(routes: Router, metrics: Metrics, health: () => Health): void {
  routes.get('/healthz', (_req, res) => {
    const body = health();
    sendJson(res, body.status === 'stopping' ? '503 Service Unavailable' : '200 OK', body);
  });

  routes.get('/metrics', (_req, res) => {
    metrics.registry.metrics().then((text) => res.end('200 OK', { 'Content-Type': metrics.registry.contentType }, text));
  });
}
