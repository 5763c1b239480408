// The other tenant's client in frame-bounds.test.ts, on a thread of its own:
// it asks list_projects over and over and times each answer. On the test's
// main thread, building 256 KiB frames would delay reading the answers and
// the test would time itself. Plain JavaScript, so a worker starts it without
// the test runner's loader.
//
// workerData: { url, token, timeoutMs }. Messages in: { label } names what
// the attacker is sending from now on; 'stop' ends the loop, and the thread
// answers with { waits: [{ ms, during }] }.
import { parentPort, workerData } from 'node:worker_threads';
import WebSocket from 'ws';
import { tandem } from '../../../shared/gen/tandem.js';

const pb = tandem.v1;
const { url, token, timeoutMs } = workerData;
let label = 'setup';
let running = true;
const waits = [];
let pending = null;

parentPort.on('message', (message) => {
  if (message === 'stop') running = false;
  else label = message.label;
});

const socket = new WebSocket(url, ['tandem.v1', `bearer.${token}`]);
socket.binaryType = 'nodebuffer';
socket.on('message', (data) => {
  const frame = pb.ServerFrame.decode(new Uint8Array(data));
  if (pending && frame.messageId === pending.id) pending.done();
});

const answered = (id) =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    pending = { id, done: () => (clearTimeout(timer), resolve()) };
  });

socket.once('open', async () => {
  for (let n = 0; running; n++) {
    const id = `probe-${n}`;
    const before = label;
    const started = performance.now();
    const reply = answered(id);
    socket.send(pb.ClientFrame.encode({ messageId: id, listProjects: {} }).finish());
    await reply;
    waits.push({ ms: Math.round(performance.now() - started), during: before === label ? before : `${before} .. ${label}` });
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  socket.close();
  parentPort.postMessage({ waits });
});
