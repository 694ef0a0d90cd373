// A k-means worker that takes jobs and never answers (as one that died would): for the
// test that the main thread gives up instead of waiting forever.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', () => {});
