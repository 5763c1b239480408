// Delivers each project's events to this instance's subscribers exactly once
// and in seq order, whichever path brings them: this instance's own writes,
// Redis (fast, at-most-once), or the project's event log in SQLite (the
// truth: docs/DESIGN.md decision 3). An event past a gap first pulls the missing
// ones from the log; an event already delivered is dropped.
import { projectTopic } from './topics.ts';

export interface LoggedEvent {
  seq: number;
  payload: Uint8Array;
}

export interface FeedSource {
  /** Stored events of a project with seq in (after, upTo], in order. */
  eventsBetween(tenantId: string, projectId: string, after: number, upTo: number): LoggedEvent[];
  currentSeq(tenantId: string, projectId: string): number;
}

/** Which project's subscribers an event is for, and their topic. */
export interface FeedTarget {
  readonly tenantId: string;
  readonly projectId: string;
  readonly topic: string;
}

/** Sends one event frame to a topic's local subscribers, skipping `origin`. */
export type Deliver<Origin> = (to: FeedTarget, payload: Uint8Array, origin: Origin | null) => void;

interface Feed extends FeedTarget {
  delivered: number;
}

export class ProjectFeeds<Origin> {
  private readonly feeds = new Map<string, Feed>();

  constructor(
    private readonly source: FeedSource,
    private readonly deliver: Deliver<Origin>,
  ) {}

  get size(): number {
    return this.feeds.size;
  }

  /**
   * Called when a socket is about to join a project at `seq` (its replay ends
   * there): the topic's current subscribers are brought up to that point
   * first, so the newcomer and the topic continue from the same seq.
   */
  join(tenantId: string, projectId: string, seq: number): void {
    const topic = projectTopic(tenantId, projectId);
    const feed = this.feeds.get(topic);
    if (!feed) {
      this.feeds.set(topic, { tenantId, projectId, topic, delivered: seq });
      return;
    }
    this.fill(feed, seq);
  }

  /** Stops tracking a topic no local socket listens to any more. */
  forget(tenantId: string, projectId: string): void {
    this.feeds.delete(projectTopic(tenantId, projectId));
  }

  /** An event from a write (here or on another instance). */
  offer(tenantId: string, projectId: string, seq: number, payload: Uint8Array, origin: Origin | null): void {
    const topic = projectTopic(tenantId, projectId);
    const feed = this.feeds.get(topic);
    if (!feed || seq <= feed.delivered) return;
    this.fill(feed, seq - 1);
    this.deliver(feed, payload, origin);
    feed.delivered = seq;
  }

  /** Pulls whatever the log has that was not delivered yet, for every project listened to here. */
  catchUp(): number {
    let sent = 0;
    for (const feed of this.feeds.values()) {
      const current = this.source.currentSeq(feed.tenantId, feed.projectId);
      if (current > feed.delivered) sent += this.fill(feed, current);
    }
    return sent;
  }

  private fill(feed: Feed, upTo: number): number {
    if (upTo <= feed.delivered) return 0;
    const missing = this.source.eventsBetween(feed.tenantId, feed.projectId, feed.delivered, upTo);
    for (const event of missing) {
      if (event.seq <= feed.delivered) continue;
      this.deliver(feed, event.payload, null);
      feed.delivered = event.seq;
    }
    // A trimmed log cannot fill the gap; subscribers notice and resync.
    feed.delivered = Math.max(feed.delivered, upTo);
    return missing.length;
  }
}
