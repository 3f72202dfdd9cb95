import { present } from './present.js';
import type { PageState } from './state.js';

/** The page's work, off the page: a state in, what to show out (with the request's number). */
self.onmessage = (event: MessageEvent<{ readonly id: number; readonly state: PageState }>) => {
  const { id, state } = event.data;
  try {
    self.postMessage({ id, view: present(state) });
  } catch (error) {
    self.postMessage({ id, view: { kind: 'error', message: `internal error: ${(error as Error).message}`, variables: [] } });
  }
};
