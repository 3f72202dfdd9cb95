/*
 * Letters and signs that every notation reads or writes: the Greek letters' names and the
 * superscript digits. The readers and the printers take them from here.
 */

/**
 * The Greek letters in the order of their code points, α at U+03B1: final sigma (ς, here
 * varsigma) sits between rho and sigma, and has no capital.
 */
export const greekLetters: readonly string[] = [
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu', 'nu', 'xi',
  'omicron', 'pi', 'rho', 'varsigma', 'sigma', 'tau', 'upsilon', 'phi', 'chi', 'psi', 'omega',
];

/** The names that are variables when written out: alpha … omega, but pi (the constant) and final sigma. */
export const greekVariableNames: ReadonlySet<string> = new Set(greekLetters.filter((name) => name !== 'pi' && name !== 'varsigma'));

/** ⁰ to ⁹, each at the index of its value. */
export const superscriptDigits = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A whole number ≥ 0 in superscript digits: 12 → ¹². */
export const toSuperscript = (n: number | bigint): string => [...String(n)].map((d) => superscriptDigits[Number(d)]!).join('');

/** The whole number written in superscript digits: ¹² → 12. */
export const fromSuperscript = (digits: string): number => Number([...digits].map((c) => superscriptDigits.indexOf(c)).join(''));
