// Holds the list of the commonest passwords (zxcvbn-ts's, about 49,000) off
// the main thread: decompressing it takes a couple of hundred milliseconds,
// which no request may spend on the event loop. Plain JavaScript, so it
// starts the same under `node --import tsx` and under a test runner.
//
// Messages: { id, password } -> { id, common }.
import { dictionary } from '@zxcvbn-ts/language-common';
import { parentPort } from 'node:worker_threads';

const common = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

parentPort.on('message', ({ id, password }) => {
  parentPort.postMessage({ id, common: common.has(String(password).toLowerCase()) });
});
