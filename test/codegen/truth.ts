import { spawnSync } from 'node:child_process';

/**
 * Values worked out by mpmath from SymPy's own derivative, far past double precision: the
 * truth generated code is measured against. dydx is not asked anything.
 */
export interface TruthCase {
  /** The expression, in a syntax both dydx and SymPy read (σ as sigmoid, softplus, ^ for powers). */
  readonly expr: string;
  /** The function's parameters, in the order of the points' coordinates. */
  readonly parameters: readonly string[];
  /** The variables differentiated by: the value, then these derivatives, at each point. */
  readonly by: readonly string[];
  readonly points: readonly (readonly number[])[];
}

/**
 * One output at one point: null where the value is not finite, not a double (past 1.8e308), or
 * unknown (two precisions disagree); `tiny` where it is finite but below the smallest normal
 * double, so only an absolute comparison means anything.
 */
export type Truth = { readonly value: number; readonly tiny: boolean } | null;

export const truthAvailable = spawnSync('python3', ['-c', 'import sympy, mpmath'], { encoding: 'utf8' }).status === 0;

// 1 − σ(1000) needs 435 digits to be anything but 0: two precisions well past that, which must agree.
const script = `
import json, sys
import mpmath, sympy
from sympy import Lambda, Symbol, exp, log
u = Symbol('u')
known = {'sigmoid': Lambda(u, 1 / (1 + exp(-u))), 'softplus': Lambda(u, log(1 + exp(u)))}
out = []
for case in json.load(sys.stdin):
    symbols = [Symbol(p) for p in case['parameters']]
    names = dict(known)
    names.update(zip(case['parameters'], symbols))
    f = sympy.sympify(case['expr'], locals=names)
    outputs = [f] + [sympy.diff(f, names[v]) for v in case['by']]
    functions = [sympy.lambdify(symbols, e, modules='mpmath') for e in outputs]
    rows = []
    for point in case['points']:
        row = []
        for fn in functions:
            values = []
            for dps in (1200, 2400):
                mpmath.mp.dps = dps
                try:
                    v = fn(*[mpmath.mpf(x) for x in point])
                    values.append(v if isinstance(v, mpmath.mpf) and mpmath.isfinite(v) else None)
                except (ZeroDivisionError, ValueError, OverflowError):
                    values.append(None)
            a, b = values
            agree = a is not None and b is not None and abs(a - b) <= mpmath.mpf(10) ** -60 * max(abs(a), mpmath.mpf(10) ** -3000)
            if not agree or abs(a) > mpmath.mpf('1.7976931348623157e308'):
                row.append(None)
            else:
                row.append([float(a), bool(abs(a) < mpmath.mpf('2.2250738585072014e-308'))])
        rows.append(row)
    out.append(rows)
print(json.dumps(out))
`;

/** The truth at every point of every case: [case][point][output]. */
export function truthOf(cases: readonly TruthCase[]): Truth[][][] {
  const run = spawnSync('python3', ['-c', script], { input: JSON.stringify(cases), encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(run.stderr);
  return (JSON.parse(run.stdout) as ([number, boolean] | null)[][][]).map((rows) => rows.map((row) => row.map((t) => (t ? { value: t[0], tiny: t[1] } : null))));
}
