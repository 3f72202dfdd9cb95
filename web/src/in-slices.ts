/*
 * Long HTML put in place a slice at a time. Parsing a derivation's HTML is quick; working out the
 * style and layout of its thousands of typeset boxes is not (a quarter of a second for tan x to
 * order 30), and done in one go it holds up every key press and scroll meanwhile. Here each slice
 * moves a few parts from the parsed HTML into the page and has them laid out at once, timed, so
 * that no slice runs much past its budget, and the page answers input between slices.
 */

/**
 * Resolves in a task of its own, after what the page has queued meanwhile (input, a frame to draw).
 * A message to itself, not scheduler.yield: what follows that goes before the page's frames, and
 * none would be drawn until all of it is in.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** Resolves once the next frame is drawn; or after a while, where none is (a page in the background). */
function afterFrame(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      // The frame is drawn after its callbacks: what follows it is a task of its own.
      void nextTask().then(resolve);
    });
  });
}

/** The elements whose children are moved one by one: the lists and folds a derivation is made of. Anything else moves whole. */
const divided = 'ol, ul, li, details, .body';

/** HTML parsed in a template: an inert document, with no style or layout worked out for it. */
export function parsed(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

/** How long a slice may take, in milliseconds, layout included: well under the 50 that make a task long. */
const sliceBudget = 24;

/**
 * Pieces of HTML put into the page, in order, a slice at a time, beginning in the next task.
 * `more` is asked for further pieces once those given are in place (the next closed step to open,
 * say); it adds them with `add` and says whether it did. `done` resolves true once all of it is in
 * place, or false when it was stopped (a newer answer replaces it), the rest left out.
 */
export class SlicedInsertion {
  /** What is being moved, as pairs of a parsed element (emptied as it goes) and the element in the page it goes into. */
  private readonly stack: [ParentNode, ParentNode][] = [];
  /** Pieces still to go, as HTML or parsed already, with where each goes (at the end of that element). */
  private readonly waiting: [string | DocumentFragment, ParentNode][] = [];
  private stopped = false;
  private exhausted = false;
  readonly done: Promise<boolean>;

  constructor(private readonly root: HTMLElement, private readonly more: () => boolean = () => false) {
    this.done = this.run();
  }

  /** HTML (or HTML parsed in a template) to put at the end of `into`, once what was added before is in place. */
  add(into: ParentNode, html: string | DocumentFragment): void {
    this.waiting.push([html, into]);
  }

  /** The rest left out: what is in place stays, and `done` resolves false. */
  stop(): void {
    this.stopped = true;
  }

  /** The rest put in place now, in one go: printing cannot wait for it. */
  finish(): void {
    while (this.step() !== undefined);
  }

  private async run(): Promise<boolean> {
    // What started it has work of its own (the answer, the plot, a click) to be laid out and drawn
    // first, in a frame of its own: the first slice, laying out its own parts, would do that too.
    await afterFrame();
    for (;;) {
      await nextTask();
      if (this.stopped) return false;
      if (!this.slice()) return true;
    }
  }

  /**
   * One slice: parts moved in and laid out one at a time (laid out at once, inside the slice's
   * time, not in the next frame where it would go untimed) until its budget is mostly spent;
   * false when nothing is left.
   */
  private slice(): boolean {
    const start = performance.now();
    while (performance.now() - start < sliceBudget * 0.6) {
      const what = this.step();
      if (what === undefined) return false;
      if (what === 'part') void this.root.offsetHeight;
    }
    return true;
  }

  /**
   * The next thing done: a node moved into the page whole ('part'), or emptied and moved, what it
   * held to follow part by part ('shell'), or a piece parsed ('parsed'); undefined when nothing is left.
   */
  private step(): 'part' | 'shell' | 'parsed' | undefined {
    for (;;) {
      const top = this.stack[this.stack.length - 1];
      if (!top) {
        const next = this.waiting.shift();
        if (next) {
          this.stack.push([typeof next[0] === 'string' ? parsed(next[0]) : next[0], next[1]]);
          return 'parsed';
        }
        if (this.exhausted || !this.more()) {
          this.exhausted = true;
          return undefined;
        }
        continue;
      }
      const [from, to] = top;
      const node = from.firstChild;
      if (!node) {
        this.stack.pop();
        continue;
      }
      if (node instanceof Element && node.matches(divided) && node.firstChild) {
        // The element itself goes in now, empty, and what it held after it: it stays the same
        // element, so whoever found it in the parsed HTML finds it in the page.
        const held = document.createDocumentFragment();
        while (node.firstChild) held.appendChild(node.firstChild);
        to.appendChild(node);
        this.stack.push([held, node]);
        return 'shell';
      }
      to.appendChild(node);
      return 'part';
    }
  }
}
