export type SoftmaxKind = 'softmax' | 'log-softmax' | 'cross-entropy';

/**
 * The vector functions of machine learning dydx writes out, by the names they are typed with.
 * Each is a whole input of its own (see multivariate/softmax.ts): within an expression the
 * reader refuses them rather than read softmax as s·o·f·t·max.
 */
export const vectorFunctionSpellings: Readonly<Record<string, SoftmaxKind>> = {
  softmax: 'softmax', log_softmax: 'log-softmax', logsoftmax: 'log-softmax', cross_entropy: 'cross-entropy', crossentropy: 'cross-entropy',
};
