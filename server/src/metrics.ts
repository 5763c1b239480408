// Prometheus metrics (GET /metrics). One registry per server, so tests that
// run several servers in one process do not mix their numbers.
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

export class Metrics {
  readonly registry = new Registry();
  readonly connections = new Gauge({ name: 'tandem_connections', help: 'Open WebSocket connections', registers: [this.registry] });
  readonly framesIn = new Counter({ name: 'tandem_frames_in_total', help: 'Frames received from clients', registers: [this.registry] });
  readonly framesOut = new Counter({
    name: 'tandem_frames_out_total',
    help: 'Frames sent to clients (replies, catch-up events, and fanned-out events per receiving socket)',
    registers: [this.registry],
  });
  readonly commandSeconds = new Histogram({
    name: 'tandem_command_duration_seconds',
    help: 'Time to handle a command, from decoded frame to reply, by command',
    labelNames: ['command'],
    buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: 'tandem_errors_total',
    help: 'Error frames sent, by code',
    labelNames: ['code'],
    registers: [this.registry],
  });
  readonly upgradesRefused = new Counter({
    name: 'tandem_upgrades_refused_total',
    help: 'WebSocket upgrades refused, by HTTP status',
    labelNames: ['status'],
    registers: [this.registry],
  });
  readonly openTenantDatabases: Gauge;

  constructor(openDatabases: () => number) {
    this.openTenantDatabases = new Gauge({
      name: 'tandem_open_tenant_databases',
      help: 'Tenant SQLite files open in the cache',
      registers: [this.registry],
      collect() {
        this.set(openDatabases());
      },
    });
  }
}
