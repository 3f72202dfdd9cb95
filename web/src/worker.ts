import type { WorkerRequest } from './worker-answers.js';

/*
 * The worker's entry. It listens from its first moment and holds what the page asks until the
 * work is loaded: the work's modules wait for a numeric library compiled as they load
 * (WebAssembly), and a message that came meanwhile would find nothing listening and be lost,
 * leaving the page waiting for an answer that never comes.
 */
const held: WorkerRequest[] = [];
self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  held.push(event.data);
};
const { answer } = await import('./worker-answers.js');
self.onmessage = (event: MessageEvent<WorkerRequest>) => answer(event.data);
// The page stops a worker busy with older input only once it is loaded, not while it loads.
self.postMessage({ kind: 'ready' });
for (const message of held.splice(0)) answer(message);
