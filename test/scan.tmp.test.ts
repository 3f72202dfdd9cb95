import fc from 'fast-check';
import { it } from 'vitest';
import { expressionTree } from './helpers/arbitraries.js';
import { differentiate } from '../src/api.js';
import { toText } from '../src/print/linear.js';
import { writeFileSync, appendFileSync } from 'node:fs';

it('scan', () => {
  const seed = Number(process.env.SCAN_SEED ?? 1);
  const n = Number(process.env.SCAN_N ?? 5000);
  const samples = fc.sample(fc.tuple(expressionTree(), fc.constantFrom('x', 'y', 'theta')), { numRuns: n, seed });
  writeFileSync('/tmp/scan/out.txt', '');
  samples.forEach(([e, v], i) => {
    const t0 = performance.now();
    let err = '';
    try { differentiate(e, { variable: v }); } catch (x) { err = String(x).slice(0, 300); }
    const ms = performance.now() - t0;
    if (ms > 300 || err) appendFileSync('/tmp/scan/out.txt', `${i}\t${ms.toFixed(0)}ms\t${v}\t${toText(e)}\t${err}\n`);
  });
}, 3_600_000);
