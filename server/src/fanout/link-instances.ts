import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { InstanceFanout } from './instance-fanout.ts';
import { RedisBus } from './redis-bus.ts';

/** Connects this instance's fan-out to the others through Redis (REDIS_URL). */
export function linkInstances<Origin>(url: string, channel: string, fanout: InstanceFanout<Origin>, metrics: Metrics, log: Logger): RedisBus {
  const bus = new RedisBus(
    url,
    channel,
    {
      onMessage: (message) => fanout.received(message),
      onReconnected: () => log.info('redis_caught_up', { events: fanout.catchUp() }),
      onStateChange: (connected) => metrics.redisConnected.set(connected ? 1 : 0),
    },
    {
      published: () => metrics.redisPublished.inc(),
      publishFailed: () => metrics.redisPublishFailed.inc(),
      received: (lagMs) => {
        metrics.redisReceived.inc();
        metrics.crossInstanceLag.observe(Math.max(0, lagMs) / 1000);
      },
    },
    log,
  );
  fanout.link(bus);
  bus.start();
  return bus;
}
