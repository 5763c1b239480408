// HAProxy's runtime API (its "stats socket"), as far as placement:sync uses
// it: the map tenant → cell and the weights of the default backend's servers.
// One command per connection (the non-interactive mode: HAProxy answers and
// closes), so a command never waits behind another's answer and a restarted
// HAProxy needs no reconnect. Every word sent is checked first: a space, `;`
// or a line break in one would be another command.
import { connect, type Socket } from 'node:net';
import type { ServerState } from './signup-weights.ts';

export type RuntimeAddress = { path: string } | { host: string; port: number };

/** `/run/haproxy/admin.sock`, or `host:port` for a TCP socket. */
export function parseRuntimeAddress(text: string): RuntimeAddress {
  if (/^\/\S+$/.test(text)) return { path: text };
  const tcp = /^([A-Za-z0-9.-]+):(\d{1,5})$/.exec(text);
  const port = Number(tcp?.[2]);
  if (tcp && port >= 1 && port <= 65535) return { host: tcp[1]!, port };
  throw new Error(`HAProxy's runtime API is a unix socket's absolute path or host:port, got ${JSON.stringify(text)}`);
}

/** An answer that says the command failed (HAProxy answers a success with nothing, or with what was asked for). */
export class RuntimeApiError extends Error {}

/** One entry of a map: its key and value. */
export type MapEntry = readonly [key: string, value: string];

/** The whole input must fit HAProxy's buffer (tune.bufsize, 16 KiB by default): payloads go in pieces of this at most. */
const PAYLOAD_BYTES = 8 * 1024;

/** Whether `text` goes as one word: a space or a line break would start another word or command, `;` another command, `\` an escape, `<<` a payload. */
export const sendable = (text: string): boolean => /^[\x21-\x7e]+$/.test(text) && !/[;\\]|^<</.test(text);

function word(text: string): string {
  if (!sendable(text)) throw new RuntimeApiError(`${JSON.stringify(text)} cannot be sent to HAProxy's runtime API`);
  return text;
}

export class RuntimeApi {
  constructor(
    readonly address: RuntimeAddress,
    private readonly timeoutMs = 5000,
  ) {}

  /** Sends one command, with payload lines when given, and resolves with HAProxy's whole answer. */
  async send(words: readonly string[], payload?: readonly string[]): Promise<string> {
    const line = words.map(word).join(' ');
    const input = payload ? `${line} <<\n${payload.join('\n')}\n\n` : `${line}\n`;
    return new Promise((resolve, reject) => {
      const at = this.address;
      const socket: Socket = 'path' in at ? connect(at.path) : connect(at.port, at.host);
      let answer = '';
      socket.setEncoding('utf8');
      socket.setTimeout(this.timeoutMs, () => socket.destroy(new RuntimeApiError(`HAProxy did not answer "${words[0]} ${words[1] ?? ''}" within ${this.timeoutMs} ms`)));
      socket.on('data', (chunk: string) => (answer += chunk));
      socket.once('error', reject);
      socket.once('close', (failed) => {
        if (!failed) resolve(answer);
      });
      socket.write(input);
    });
  }

  /** A command that answers nothing when it worked. */
  private async act(words: readonly string[], payload?: readonly string[]): Promise<void> {
    const answer = (await this.send(words, payload)).trim();
    if (answer !== '') throw new RuntimeApiError(`HAProxy refused "${words.slice(0, 2).join(' ')}": ${answer}`);
  }

  /** Which HAProxy process answers: its pid and start time. Another value means the map and weights it had are gone. */
  async process(): Promise<string> {
    const info = await this.send(['show', 'info']);
    const pid = /^Pid: (\d+)$/m.exec(info)?.[1];
    const started = /^Start_time_sec: (\d+)$/m.exec(info)?.[1];
    if (!pid || !started) throw new RuntimeApiError(`"show info" did not name the process: ${info.slice(0, 200)}`);
    return `${pid}@${started}`;
  }

  /** A backend's servers, each usable when it is up (2: running) and neither in maintenance nor draining (admin state 0). */
  async serverStates(backend: string): Promise<ServerState[]> {
    const state = await this.send(['show', 'servers', 'state', backend]);
    const header = state.split('\n').find((l) => l.startsWith('# be_id'));
    const columns = header?.slice(2).split(' ') ?? [];
    const [name, op, admin] = ['srv_name', 'srv_op_state', 'srv_admin_state'].map((c) => columns.indexOf(c));
    if (name! < 0 || op! < 0 || admin! < 0) throw new RuntimeApiError(`no servers listed for backend ${backend}: ${state.trim().slice(0, 200)}`);
    return state
      .split('\n')
      .filter((l) => /^\d+ /.test(l))
      .map((l) => l.split(' '))
      .map((fields) => ({ name: fields[name!]!, usable: fields[op!] === '2' && fields[admin!] === '0' }));
  }

  /** The map's entries as HAProxy matches them now. */
  async mapEntries(map: string): Promise<MapEntry[]> {
    const dump = await this.send(['show', 'map', map]);
    if (dump.trim() !== '' && !/^0x/.test(dump)) throw new RuntimeApiError(`"show map" failed: ${dump.trim()}`);
    return dump
      .split('\n')
      .filter((l) => l.startsWith('0x'))
      .map((l) => {
        const [, key, value] = l.split(' ');
        return [key!, value!] as const;
      });
  }

  /**
   * Replaces every entry of the map at once: a new version filled in pieces,
   * then committed, so requests meanwhile match the old entries, never a
   * half-filled map.
   */
  async replaceMap(map: string, entries: Iterable<MapEntry>): Promise<void> {
    const prepared = await this.send(['prepare', 'map', map]);
    const version = /New version created: (\d+)/.exec(prepared)?.[1];
    if (!version) throw new RuntimeApiError(`"prepare map" failed: ${prepared.trim()}`);
    let piece: string[] = [];
    let bytes = 0;
    for (const [key, value] of entries) {
      const line = `${word(key)} ${word(value)}`;
      if (bytes + line.length + 1 > PAYLOAD_BYTES && piece.length > 0) {
        await this.act(['add', 'map', `@${version}`, map], piece);
        piece = [];
        bytes = 0;
      }
      piece.push(line);
      bytes += line.length + 1;
    }
    if (piece.length > 0) await this.act(['add', 'map', `@${version}`, map], piece);
    await this.act(['commit', 'map', `@${version}`, map]);
  }

  /** Adds an entry; the caller knows the key is not there (add does not look, and would make a second entry). */
  addMapEntry(map: string, key: string, value: string): Promise<void> {
    return this.act(['add', 'map', map, key, value]);
  }

  /** Changes an entry's value; refused when the key is not there. */
  setMapEntry(map: string, key: string, value: string): Promise<void> {
    return this.act(['set', 'map', map, key, value]);
  }

  /** A server's weight, 0–256, relative to the others of its backend. */
  setWeight(backend: string, server: string, weight: number): Promise<void> {
    return this.act(['set', 'weight', `${backend}/${server}`, String(weight)]);
  }
}
