// Whole-file work on a tenant (or any SQLite) file, on a thread of its own
// (see file-worker.ts): an online backup, an integrity check, counting every
// table's rows. For a 100 MB file each takes a second or so, which the event
// loop must not wait for. Plain JavaScript, so it starts the same under
// `node --import tsx` and under a test runner's own loader.
//
// Messages, answered in order, each with { id, ok } or { id, error }:
//   { id, copy: { source, dest } }       a consistent copy of source at dest
//   { id, inspect: { path, integrity } } the file's figures (FileFigures)
import Database from 'better-sqlite3';
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';

// Background work, as the checkpoint thread's: when a command and this want
// the same core, the command goes first (Linux schedules threads by their own id).
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 10);
} catch {
  // not Linux, or not allowed: this competes with commands as an equal
}

async function copy({ source, dest }) {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // Every page in one step: one commit of the copy, under one read snapshot
    // of the source, so no write can restart it. This thread may block; the
    // event loop that asked does not.
    await db.backup(dest, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
  // The copy inherits WAL mode, which would leave -wal and -shm files beside
  // it; a copy is better as one self-contained file. The server (and the
  // account directory) set WAL again when they open it.
  const copied = new Database(dest, { fileMustExist: true });
  try {
    copied.pragma('journal_mode = DELETE');
  } finally {
    copied.close();
  }
  return true;
}

function inspect({ path, integrity }) {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // One snapshot for every figure: they describe the same moment of the file.
    return db.transaction(() => {
      const tables = {};
      const names = db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")
        .pluck()
        .all();
      // A virtual table (the search index) is counted through its shadow tables.
      for (const name of names) tables[name] = db.prepare(`SELECT COUNT(*) FROM "${name.replace(/"/g, '""')}"`).pluck().get();
      const seqs = {};
      if (names.includes('pm_events')) {
        for (const row of db.prepare('SELECT project_id, MAX(seq) AS seq FROM pm_events GROUP BY project_id ORDER BY project_id').all()) seqs[row.project_id] = row.seq;
      }
      return {
        integrity: integrity ? db.pragma('integrity_check').map((row) => row.integrity_check).join('; ') : null,
        pages: db.pragma('page_count', { simple: true }),
        tables,
        seqs,
      };
    })();
  } finally {
    db.close();
  }
}

let queue = Promise.resolve();
parentPort.on('message', (message) => {
  queue = queue.then(async () => {
    try {
      const ok = message.copy ? await copy(message.copy) : inspect(message.inspect);
      parentPort.postMessage({ id: message.id, ok });
    } catch (err) {
      parentPort.postMessage({ id: message.id, error: err instanceof Error ? err.message : String(err) });
    }
  });
});
