import { present, tangentAt } from './present.js';
import type { PageState } from './state.js';
import { packTexts } from './packed-texts.js';

/** What the page asks its worker: a state to show, or a point of the plot for the tangent's readout. */
export type WorkerRequest = { readonly id: number; readonly state: PageState }
  | { readonly kind: 'at'; readonly id: number; readonly x: number; readonly y?: number; readonly near?: number };

/**
 * The page's work, off the page: a state in, what to show out (with the request's number); or a
 * point of the plot in, f and f′ there evaluated, for the tangent's readout.
 */
export function answer(message: WorkerRequest): void {
  if ('kind' in message) {
    self.postMessage({ kind: 'at', id: message.id, ...tangentAt(message.x, message.y, message.near) });
    return;
  }
  const { id, state } = message;
  try {
    const view = present(state);
    if ('stepsDeferred' in view && view.stepsDeferred.length > 0) {
      // What closed steps hold goes as one buffer, handed over uncopied (see packed-texts.ts).
      const deferred = packTexts(view.stepsDeferred);
      self.postMessage({ id, view: { ...view, stepsDeferred: [] }, deferred }, { transfer: [deferred.bytes.buffer as ArrayBuffer] });
    } else self.postMessage({ id, view });
  } catch (error) {
    self.postMessage({ id, view: { kind: 'error', message: `internal error: ${(error as Error).message}`, variables: [] } });
  }
}
