// What instances send each other over Redis: a small binary envelope around
// the event bytes as stored (or a presence frame, or a person's notification
// frame), so nothing is re-encoded.
//   kind u8 | sender 16 bytes | sent_at_ms f64 | seq f64 | tenant u16+utf8 | project u16+utf8 | payload
// A notice names its person where the others name their project.
export type BusMessage =
  | { kind: 'event'; sender: Buffer; sentAtMs: number; tenantId: string; projectId: string; seq: number; payload: Uint8Array }
  | { kind: 'presence'; sender: Buffer; sentAtMs: number; tenantId: string; projectId: string; seq: 0; payload: Uint8Array }
  | { kind: 'notice'; sender: Buffer; sentAtMs: number; tenantId: string; projectId: string; seq: 0; payload: Uint8Array };

const KINDS = { event: 1, presence: 2, notice: 3 } as const;
const KIND_OF = new Map<number, BusMessage['kind']>(Object.entries(KINDS).map(([name, byte]) => [byte, name as BusMessage['kind']]));
export const SENDER_BYTES = 16;

export function encodeEnvelope(m: BusMessage): Buffer {
  const tenant = Buffer.from(m.tenantId, 'utf8');
  const project = Buffer.from(m.projectId, 'utf8');
  const head = Buffer.alloc(1 + SENDER_BYTES + 8 + 8 + 2 + tenant.length + 2 + project.length);
  let at = head.writeUInt8(KINDS[m.kind], 0);
  at += m.sender.copy(head, at, 0, SENDER_BYTES);
  at = head.writeDoubleBE(m.sentAtMs, at);
  at = head.writeDoubleBE(m.seq, at);
  at = head.writeUInt16BE(tenant.length, at);
  at += tenant.copy(head, at);
  at = head.writeUInt16BE(project.length, at);
  project.copy(head, at);
  return Buffer.concat([head, m.payload]);
}

/** Null for anything that is not a well-formed envelope (another program on the channel). */
export function decodeEnvelope(buf: Buffer): BusMessage | null {
  try {
    const kind = KIND_OF.get(buf.readUInt8(0));
    if (!kind) return null;
    let at = 1;
    const sender = buf.subarray(at, (at += SENDER_BYTES));
    const sentAtMs = buf.readDoubleBE(at);
    const seq = buf.readDoubleBE((at += 8));
    const tenantLength = buf.readUInt16BE((at += 8));
    const tenantId = buf.toString('utf8', (at += 2), (at += tenantLength));
    const projectLength = buf.readUInt16BE(at);
    const projectId = buf.toString('utf8', (at += 2), (at += projectLength));
    if (at > buf.length || sender.length !== SENDER_BYTES) return null;
    const payload = buf.subarray(at);
    return kind === 'event'
      ? { kind, sender, sentAtMs, tenantId, projectId, seq, payload }
      : { kind, sender, sentAtMs, tenantId, projectId, seq: 0, payload };
  } catch {
    return null;
  }
}
