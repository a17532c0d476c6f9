import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { recognizeDocument, stopOcrEngine } from '../../src/core/ocr/recognize-document';

/**
 * Run in a child process by recognize-document.test.ts, with block-network.mjs preloaded: recognises the
 * file given and prints, as JSON, the text and whether fetch fails here and in a worker thread.
 */

async function isFetchBlocked(): Promise<boolean> {
  return fetch('http://127.0.0.1:9/').then(
    () => false,
    (error: unknown) => error instanceof Error && error.message.includes('blocked'),
  );
}

function isFetchBlockedInWorker(): Promise<boolean> {
  const probe = `
    const { parentPort } = require('node:worker_threads');
    fetch('http://127.0.0.1:9/').then(
      () => parentPort.postMessage(false),
      (error) => parentPort.postMessage(String(error && error.message).includes('blocked')),
    );`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(probe, { eval: true });
    worker.once('message', (blocked: boolean) => {
      void worker.terminate();
      resolve(blocked);
    });
    worker.once('error', reject);
  });
}

const [file, mediaType] = process.argv.slice(2);
if (!file || !mediaType) throw new Error('Usage: recognize-offline FILE MEDIA_TYPE');
const result = await recognizeDocument(readFileSync(file), mediaType);
await stopOcrEngine();
process.stdout.write(
  JSON.stringify({
    text: result.text,
    confidence: result.confidence,
    isFetchBlocked: await isFetchBlocked(),
    isFetchBlockedInWorker: await isFetchBlockedInWorker(),
  }),
);
