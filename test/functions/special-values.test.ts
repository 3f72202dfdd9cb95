import { describe, expect, it } from 'vitest';
import { functionTable, type FunctionName } from '../../src/functions/table.js';
import { relativeError } from '../../src/check/check.js';

/*
 * The special functions' values against a second source: mpmath at 30 digits (mp.dps = 30),
 * rounded to 17: lambertw(x).real, fresnels, fresnelc, si, ci, factorial, erfinv, erfinv(1 − x),
 * besselj(0|1, x), bessely(0|1, x), ellipk(m), ellipe(m).
 */
const mpmath: Partial<Record<FunctionName, [x: number, value: number][]>> = {
  lambertw: [[-0.36, -0.80608431597081762], [-0.2, -0.25917110181907376], [0.03, 0.029138459167870012], [0.5, 0.35173371124919583], [1, 0.56714329040978387], [2.4, 0.938713594662328], [10, 1.7455280027406994], [1000.0, 5.2496028524015962], [10000000000.0, 20.028685413304951]],
  fresnels: [[-2.1, -0.37427335937810375], [0.3, 0.014116998006576584], [1, 0.43825914739035477], [1.7, 0.54919594032156854], [4.2, 0.5631988883966114]],
  fresnelc: [[-2.1, -0.58156413506083399], [0.3, 0.2994009760520472], [1, 0.77989340037682283], [1.7, 0.32382687600390026], [4.2, 0.54171920316341513]],
  Si: [[-3.3, -1.8480807827952114], [0.1, 0.099944461108276956], [1, 0.94608307036718301], [2.5, 1.7785201734438266], [12, 1.5049712415263734]],
  Ci: [[0.1, -1.7278683866572966], [1, 0.33740392290096813], [2.5, 0.2858711963653835], [12, -0.049780006884113676]],
  factorial: [[-0.5, 1.772453850905516], [0.37, 0.8893135074291017], [2, 2.0], [4.6, 61.553915006289231]],
  erfinv: [[-0.9, -1.1630871536766742], [-0.3, -0.27246271472675435], [0.1, 0.088855990494257692], [0.5, 0.47693627620446987], [0.999, 2.3267537655135245]],
  erfcinv: [[0.001, 2.3267537655135247], [0.4, 0.59511608144999482], [1.3, -0.2724627147267544], [1.9, -1.1630871536766738]],
  besselj0: [[-4.1, -0.38866967983585372], [0.2, 0.99002497223957639], [1.5, 0.51182767173591813], [7.3, 0.2882169476350144], [30, -0.086367983581040211]],
  besselj1: [[-4.1, 0.10327325774733857], [0.2, 0.099500832639236001], [1.5, 0.55793650791009964], [7.3, 0.082570430493257831], [30, -0.11875106261662294]],
  bessely0: [[0.2, -1.0811053223721151], [1.5, 0.38244892379775884], [7.3, 0.062773886374037598], [30, -0.11729573168666403]],
  bessely1: [[0.2, -3.323824988111847], [1.5, -0.4123086269739113], [7.3, -0.28459437186807211], [30, 0.084425570661747235]],
  ellipk: [[-3, 1.0782578237498216], [-0.5, 1.4157372084259562], [0.2, 1.659623598610528], [0.9, 2.5780921133481733], [0.999, 4.8411325605502966]],
  ellipe: [[-3, 2.422112055136919], [-0.5, 1.7517712756948179], [0.2, 1.4890350580958529], [0.9, 1.1047747327040733], [1, 1.0]],
};

/** Of two arguments, from mpmath the same way: hermite, laguerre(n, 0, x), legendre, chebyt, chebyu, beta, besselj, bessely. */
const mpmathOfTwo: Partial<Record<FunctionName, [n: number, x: number, value: number][]>> = {
  besselj: [[2, 0.5, 0.030604023458682641], [5, 1.3, 0.00090084135768150699], [10, 3.7, 9.4410282007872268e-5], [20, 1, 3.8735030085246577e-25], [3, 25, 0.1083430810615089], [7, -4.4, -0.02643327964334227], [40, 30, 0.00036120236088965853], [-3, 2.2, -0.16232547283328749]],
  bessely: [[2, 0.5, -5.4413708371742657], [5, 1.3, -73.323528504453081], [10, 3.7, -363.32706786523231], [3, 25, 0.11792485039689295], [40, 30, -33.393668907330314], [-3, 2.2, 0.94590915232622873]],
  hermite: [[0, 0.3, 1.0], [1, -1.2, -2.3999999999999999], [3, 0.7, -5.656], [6, 2.5, 1255.0], [11, -0.4, 141536.38505873408]],
  laguerre: [[0, 0.3, 1.0], [1, -1.2, 2.2], [3, 0.7, -0.42216666666666662], [6, 2.5, 0.66200086805555556], [11, 4.4, 1.5714966490608645]],
  legendre: [[0, 0.3, 1.0], [1, -1.2, -1.2], [3, 0.7, -0.1925000000000001], [6, 2.5, 2796.4404296875], [11, -0.4, -0.24555306736]],
  chebyshevt: [[0, 0.3, 1.0], [1, -1.2, -1.2], [3, 0.7, -0.72800000000000013], [6, 2.5, 6049.0], [11, -0.4, -0.98280656896000005]],
  chebyshevu: [[0, 0.3, 1.0], [1, -1.2, -2.3999999999999999], [3, 0.7, -0.056000000000000345], [6, 2.5, 12649.0], [11, -0.4, -1.0633892659199999]],
  beta: [[0.5, 0.5, 3.1415926535897932], [2.5, 0.7, 0.71187374327860201], [-1.5, 0.3, 1.4574217881478952], [10, 3.3, 0.00094942253935834831], [0.01, 7, 97.587007175047725]],
};

describe('the special functions against mpmath', () => {
  it.each(Object.keys(mpmath) as FunctionName[])('%s', (name) => {
    for (const [x, expected] of mpmath[name]!) {
      expect(relativeError(functionTable[name].evaluate(x), expected), `${name}(${x})`).toBeLessThan(1e-13);
    }
  });

  it.each(Object.keys(mpmathOfTwo) as FunctionName[])('%s', (name) => {
    for (const [n, x, expected] of mpmathOfTwo[name]!) {
      expect(relativeError(functionTable[name].evaluate(n, x), expected), `${name}(${n}, ${x})`).toBeLessThan(1e-12);
    }
  });

  it('the polynomials have whole degrees only, and the conventions P₋ₙ₋₁ = Pₙ, T₋ₙ = Tₙ, U₋₁ = 0 below 0', () => {
    for (const name of ['hermite', 'laguerre', 'legendre', 'chebyshevt', 'chebyshevu'] as const) expect(functionTable[name].evaluate(1.5, 0.3), name).toBeNaN();
    expect(functionTable.legendre.evaluate(-4, 0.3)).toBe(functionTable.legendre.evaluate(3, 0.3));
    expect(functionTable.chebyshevt.evaluate(-3, 0.3)).toBe(functionTable.chebyshevt.evaluate(3, 0.3));
    expect(functionTable.chebyshevu.evaluate(-1, 0.3)).toBe(0);
    expect(functionTable.hermite.evaluate(-1, 0.3)).toBeNaN();
  });

  it('lambertw: w·eʷ = x along the whole principal branch, to the last bits', () => {
    for (let k = 0; k <= 400; k++) {
      const x = -1 / Math.E + 1e-9 + (k / 400) ** 4 * 1e6;
      const w = functionTable.lambertw.evaluate(x);
      expect(w, `W(${x})`).toBeGreaterThanOrEqual(-1);
      expect(relativeError(w * Math.exp(w), x), `W(${x})`).toBeLessThan(1e-14);
    }
    expect(functionTable.lambertw.evaluate(-0.5)).toBeNaN();
  });
});
