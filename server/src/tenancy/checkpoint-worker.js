// The checkpoint thread (see checkpointer.ts). Plain JavaScript, so it starts
// the same under `node --import tsx` and under a test runner's own loader.
//
// Messages: { paths: string[] } checkpoints each file in two steps. PASSIVE
// first, which never waits for nor blocks the writers on the main thread,
// copies the bulk of the WAL. Then RESTART, which holds writers off only
// while it copies what was committed meanwhile (little), so the next commit
// starts the WAL from its beginning: under a steady stream of commits a
// PASSIVE checkpoint alone is never complete, and the WAL would grow without
// end. With no wait for the lock (timeout 0), a commit in progress makes
// RESTART give up this round instead of stalling either side.
// { hold: path } opens a connection to a file the main thread just opened and
// keeps it, so the main thread's close of that file is never the last one:
// the last close checkpoints the WAL, syncs the file and removes the WAL, a
// few milliseconds the event loop would otherwise wait. { release: path }
// (the main thread has closed the file) closes this thread's connection, and
// with it does that work here.
// 'stop' closes every connection, which also checkpoints and removes a WAL
// whose file the main thread has already closed.
import Database from 'better-sqlite3';
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';

// Background work: when a command and a checkpoint want the same core, the
// command goes first. Linux schedules threads by their own id, which
// /proc/thread-self names; elsewhere the thread keeps the normal priority.
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 10);
} catch {
  // not Linux, or not allowed: checkpoints compete with commands as equals
}

/**
 * Connections kept open: every file the main thread holds, and a few it has
 * closed whose release is on its way (checkpointer.ts sets the number).
 */
const MAX_OPEN = workerData.maxOpen;
const open = new Map();

function connection(path) {
  const known = open.get(path);
  if (known) {
    open.delete(path);
    open.set(path, known);
    return known;
  }
  const db = new Database(path, { fileMustExist: true, timeout: 0 });
  // Its own checkpoints only: never the automatic one on this connection's writes (it makes none).
  db.pragma('wal_autocheckpoint = 0');
  // A connection counts as one (a close elsewhere is then not the last) only once it has read the file.
  db.pragma('user_version');
  open.set(path, db);
  while (open.size > MAX_OPEN) {
    const [oldest] = open.keys();
    closeOne(oldest);
  }
  return db;
}

function closeOne(path) {
  const db = open.get(path);
  if (!db) return;
  open.delete(path);
  try {
    db.close();
  } catch (err) {
    parentPort.postMessage({ failed: path, error: String(err) });
  }
}

parentPort.on('message', (message) => {
  if (message === 'stop') {
    for (const path of [...open.keys()]) closeOne(path);
    parentPort.postMessage('stopped');
    return;
  }
  if (message.hold) {
    try {
      connection(message.hold);
    } catch (err) {
      // The main thread's close of this file then does the WAL's final work itself, as before.
      parentPort.postMessage({ holdFailed: message.hold, error: String(err) });
    }
    return;
  }
  if (message.release) {
    closeOne(message.release);
    return;
  }
  for (const path of message.paths) {
    try {
      const db = connection(path);
      db.pragma('wal_checkpoint(PASSIVE)');
      db.pragma('wal_checkpoint(RESTART)');
    } catch (err) {
      // A tenant file removed or unreadable: forget it; the next write asks again.
      if (open.has(path)) closeOne(path);
      parentPort.postMessage({ failed: path, error: String(err) });
    }
  }
  parentPort.postMessage({ done: message.paths.length });
});
