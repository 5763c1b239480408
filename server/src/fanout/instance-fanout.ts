// Everything an instance does to get events and presence to the sockets that
// watch a project: its own writes, other instances' writes (Redis), and the
// event log as the fallback that fills any gap.
import type { INotificationNotice } from '../../../shared/proto.ts';
import type { AppendedEvent } from '../storage/events.ts';
import type { Broadcaster } from './broadcaster.ts';
import { noticeFrame } from './event-frame.ts';
import type { BusMessage } from './bus-envelope.ts';
import { memberChangeOf, type MemberChange } from './member-change.ts';
import { ProjectFeeds, type FeedSource } from './project-feeds.ts';
import { publishEvent, publishToWatchers } from './project-publish.ts';
import type { RedisBus } from './redis-bus.ts';
import { RemotePresence } from './remote-presence.ts';
import { changedFieldsTopic, projectTopic, userTopic } from './topics.ts';

export interface FanoutTimings {
  /** How often the event log is polled while Redis is linked and healthy. */
  pollHealthyMs: number;
  /** ... and while it is not (then the log is the only path). */
  pollDegradedMs: number;
  presenceRefreshMs: number;
  presenceTtlMs: number;
}

export const DEFAULT_TIMINGS: FanoutTimings = {
  pollHealthyMs: 2000,
  pollDegradedMs: 250,
  presenceRefreshMs: 10_000,
  presenceTtlMs: 30_000,
};

/** `Origin` is the socket type of transport: fan-out passes sockets through, to skip a command's sender. */
export class InstanceFanout<Origin> {
  private readonly feeds: ProjectFeeds<Origin>;
  private readonly remotePresence: RemotePresence;
  /** This instance's online presences, re-announced to the others. */
  private readonly localPresence = new Map<string, { tenantId: string; projectId: string; frame: Uint8Array }>();
  private readonly timers: NodeJS.Timeout[] = [];
  private bus: RedisBus | null = null;
  private memberChanged: ((tenantId: string, projectId: string, change: MemberChange) => void) | null = null;

  constructor(
    private readonly local: Broadcaster<Origin>,
    source: FeedSource,
    private readonly timings: FanoutTimings = DEFAULT_TIMINGS,
  ) {
    this.feeds = new ProjectFeeds<Origin>(source, (to, payload, origin) => {
      publishEvent(this.local, to.topic, payload, origin, Date.now());
      // After the event: a member who lost access gets the event that says so, and nothing after it.
      const member = memberChangeOf(payload);
      if (member) this.memberChanged?.(to.tenantId, to.projectId, member);
    });
    this.remotePresence = new RemotePresence(timings.presenceTtlMs, (topic, frame) => publishToWatchers(this.local, topic, frame, null));
  }

  /** Links this instance to the others; without it, the instance serves alone. */
  link(bus: RedisBus): void {
    this.bus = bus;
    let sinceLastPoll = 0;
    const tick = Math.min(this.timings.pollDegradedMs, this.timings.pollHealthyMs);
    this.every(tick, () => {
      sinceLastPoll += tick;
      const interval = bus.connected ? this.timings.pollHealthyMs : this.timings.pollDegradedMs;
      if (sinceLastPoll < interval) return;
      sinceLastPoll = 0;
      this.feeds.catchUp();
    });
    this.every(this.timings.presenceRefreshMs, () => {
      for (const p of this.localPresence.values()) bus.publish({ kind: 'presence', tenantId: p.tenantId, projectId: p.projectId, seq: 0, payload: p.frame });
    });
    this.every(Math.max(250, this.timings.presenceTtlMs / 4), () => this.remotePresence.sweep(Date.now()));
  }

  /**
   * Told of each member change as it reaches this instance's subscribers,
   * whichever instance wrote it (here, Redis, or the log): transport ends the
   * subscriptions of whoever can no longer read the project.
   */
  onMemberChange(listener: (tenantId: string, projectId: string, change: MemberChange) => void): void {
    this.memberChanged = listener;
  }

  get trackedProjects(): number {
    return this.feeds.size;
  }

  /** Before a socket subscribes: its replay ends at `seq`; the topic catches up to the same point. */
  join(tenantId: string, projectId: string, seq: number): void {
    this.feeds.join(tenantId, projectId, seq);
  }

  /** After a socket left a project: stop tracking it when nobody here listens. */
  left(tenantId: string, projectId: string): void {
    if (this.watchers(tenantId, projectId) === 0) this.feeds.forget(tenantId, projectId);
  }

  /** How many sockets on this instance watch the project, in either form. */
  watchers(tenantId: string, projectId: string): number {
    const topic = projectTopic(tenantId, projectId);
    return this.local.subscribers(topic) + this.local.subscribers(changedFieldsTopic(topic));
  }

  /** The events a write on this instance committed, in seq order. */
  committed(tenantId: string, events: readonly AppendedEvent[], origin: Origin | null): void {
    for (const e of events) {
      this.feeds.offer(tenantId, e.projectId, e.seq, e.payload, origin);
      this.bus?.publish({ kind: 'event', tenantId, projectId: e.projectId, seq: e.seq, payload: e.payload });
    }
  }

  /**
   * Notifications a write here made: each person's sockets on this instance
   * now, the others' through Redis. Not in the event log: a person who misses
   * one (Redis away) sees it in their list on return.
   */
  notify(tenantId: string, notices: readonly { userId: string; notice: INotificationNotice }[]): void {
    for (const { userId, notice } of notices) {
      const frame = noticeFrame(notice);
      this.local.publish(userTopic(tenantId, userId), frame, null);
      this.bus?.publish({ kind: 'notice', tenantId, projectId: userId, seq: 0, payload: frame });
    }
  }

  /** A presence change of a socket here (frame: a ServerFrame with a presence event). */
  presence(tenantId: string, projectId: string, key: string, frame: Uint8Array, online: boolean, origin: Origin | null): void {
    publishToWatchers(this.local, projectTopic(tenantId, projectId), frame, origin);
    if (online) this.localPresence.set(key, { tenantId, projectId, frame });
    else this.localPresence.delete(key);
    this.bus?.publish({ kind: 'presence', tenantId, projectId, seq: 0, payload: frame });
  }

  /**
   * Who is on a project's board right now (here and on other instances), as
   * presence frames for a socket that just joined; `exceptKey` is its own.
   */
  presenceOf(tenantId: string, projectId: string, exceptKeyPrefix: string): Uint8Array[] {
    const local = [...this.localPresence.entries()]
      .filter(([key, p]) => p.tenantId === tenantId && p.projectId === projectId && !key.startsWith(exceptKeyPrefix))
      .map(([, p]) => p.frame);
    return [...local, ...this.remotePresence.framesFor(projectTopic(tenantId, projectId))];
  }

  /** A message from another instance. */
  received(message: BusMessage): void {
    if (message.kind === 'event') {
      this.feeds.offer(message.tenantId, message.projectId, message.seq, message.payload, null);
    } else if (message.kind === 'notice') {
      this.local.publish(userTopic(message.tenantId, message.projectId), message.payload, null);
    } else {
      this.remotePresence.receive(message, Date.now());
    }
  }

  /** Redis is back: whatever was published meanwhile is lost; take it from the log now. */
  catchUp(): number {
    return this.feeds.catchUp();
  }

  stop(): void {
    for (const t of this.timers) clearInterval(t);
  }

  private every(ms: number, fn: () => void): void {
    const timer = setInterval(fn, ms);
    timer.unref();
    this.timers.push(timer);
  }
}
