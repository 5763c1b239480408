import type { TemplatedApp } from 'uWebSockets.js';
import type { Metrics } from '../metrics.ts';
import { sendJson, trackAbort } from './respond.ts';

export interface Health {
  status: 'ok' | 'degraded' | 'stopping';
  [detail: string]: unknown;
}

export function registerOpsRoutes(app: TemplatedApp, metrics: Metrics, health: () => Health): void {
  app.get('/healthz', (res) => {
    const state = trackAbort(res);
    const body = health();
    sendJson(res, state, body.status === 'stopping' ? '503 Service Unavailable' : '200 OK', body);
  });

  app.get('/metrics', (res) => {
    const state = trackAbort(res);
    metrics.registry.metrics().then((text) => {
      if (state.aborted) return;
      res.cork(() => {
        res.writeHeader('Content-Type', metrics.registry.contentType);
        res.end(text);
      });
    });
  });
}
