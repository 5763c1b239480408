// Presence shown here for users connected to other instances. Instances
// re-announce their users' presence every few seconds; an entry not
// refreshed in time (its instance died) is dropped and announced as gone.
import { pb } from '../../../shared/proto.ts';
import type { BusMessage } from './bus-envelope.ts';
import { projectTopic } from './topics.ts';

interface Entry {
  topic: string;
  frame: Uint8Array;
  viewing: string;
  expiresAt: number;
}

export class RemotePresence {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly deliver: (topic: string, frame: Uint8Array) => void,
  ) {}

  receive(message: BusMessage, now: number): void {
    const presence = pb.ServerFrame.decode(message.payload).event?.presence;
    if (!presence) return;
    const topic = projectTopic(message.tenantId, message.projectId);
    const key = `${message.sender.toString('hex')}|${topic}|${presence.userId}`;
    const known = this.entries.get(key);
    if (presence.online) {
      const viewing = presence.viewingWorkItemId ?? '';
      this.entries.set(key, { topic, frame: message.payload, viewing, expiresAt: now + this.ttlMs });
      // A refresh that changes nothing is not news to the clients.
      if (known?.viewing !== viewing) this.deliver(topic, message.payload);
    } else {
      this.entries.delete(key);
      this.deliver(topic, message.payload);
    }
  }

  /** The presence frames other instances hold for a topic now. */
  framesFor(topic: string): Uint8Array[] {
    return [...this.entries.values()].filter((e) => e.topic === topic).map((e) => e.frame);
  }

  sweep(now: number): void {
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt > now) continue;
      this.entries.delete(key);
      this.deliver(entry.topic, offline(entry.frame, now));
    }
  }
}

function offline(frame: Uint8Array, now: number): Uint8Array {
  const decoded = pb.ServerFrame.decode(frame);
  const event = decoded.event!;
  return pb.ServerFrame.encode({
    serverTimeMs: now,
    event: {
      projectId: event.projectId,
      seq: 0,
      actorId: event.actorId,
      occurredAtMs: now,
      presence: { ...event.presence, viewingWorkItemId: '', online: false },
    },
  }).finish();
}
