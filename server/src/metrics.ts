// Prometheus metrics (GET /metrics). One registry per server, so tests that
// run several servers in one process do not mix their numbers.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Shared with the bench's Socket.IO peer, so the two servers' fan-out histograms compare bucket by bucket. */
export const FANOUT_SECONDS = {
  name: 'tandem_fanout_seconds',
  help: "From a write frame's arrival to every watching socket's copy of its event handed to the kernel (writes someone other than the writer watches on this instance)",
  buckets: [0.00025, 0.0005, 0.001, 0.002, 0.003, 0.004, 0.005, 0.0075, 0.01, 0.015, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
};

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
  readonly fanoutSeconds = new Histogram({ ...FANOUT_SECONDS, registers: [this.registry] });
  readonly writesPerCommit = new Histogram({
    name: 'tandem_writes_per_commit',
    help: 'Writes that shared one SQLite commit (group commit of the writes that arrive in one event-loop turn)',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128],
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
  readonly redisConnected = new Gauge({
    name: 'tandem_redis_connected',
    help: '1 while this instance is linked to the others through Redis, 0 when not (or not configured)',
    registers: [this.registry],
  });
  readonly redisPublished = new Counter({ name: 'tandem_redis_published_total', help: 'Messages published to Redis', registers: [this.registry] });
  readonly redisPublishFailed = new Counter({
    name: 'tandem_redis_publish_failed_total',
    help: 'Messages not published because Redis was away (the event log covers them)',
    registers: [this.registry],
  });
  readonly redisReceived = new Counter({ name: 'tandem_redis_received_total', help: 'Messages received from other instances', registers: [this.registry] });
  readonly crossInstanceLag = new Histogram({
    name: 'tandem_cross_instance_lag_seconds',
    help: 'From another instance publishing a message to this one receiving it',
    buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05, 0.25, 1],
    registers: [this.registry],
  });
  readonly openTenantDatabases: Gauge;

  constructor(openDatabases: () => number) {
    // The process's own health beside Tandem's: event loop lag, heap, GC pauses, CPU, handles.
    collectDefaultMetrics({ register: this.registry });
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
