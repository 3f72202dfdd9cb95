// Types of the benchmark's inputs, for the tests that run dydx on them (test/graph).

/** Typical expressions: textbook calculus and machine learning (activations, losses, layers). */
export declare const corpus: readonly string[];

/** A two-layer tanh network of its inputs x1 … xn with small whole weights: its text and its variables. */
export declare function network(inputs?: number, units?: number, seed?: number): { readonly text: string; readonly vars: readonly string[] };
