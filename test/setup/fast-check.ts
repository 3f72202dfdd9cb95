import fc from 'fast-check';

/*
 * A failing property prints its seed and path; DYDX_PROPERTY_SEED (and DYDX_PROPERTY_PATH)
 * replay exactly that run: DYDX_PROPERTY_SEED=1909241599 npx vitest run test/properties
 *
 * When hunting with more draws (DYDX_PROPERTY_RUNS), each file draws one seed for all its
 * properties and says it at the start: a draw that never returns (a synchronous loop, which no
 * time limit of the test runner can stop) prints no seed of its own, and this one replays it.
 */
const given = process.env.DYDX_PROPERTY_SEED;
const path = process.env.DYDX_PROPERTY_PATH;
const seed = given ?? (process.env.DYDX_PROPERTY_RUNS !== undefined ? String(Math.floor(Math.random() * 2 ** 31)) : undefined);
if (given === undefined && seed !== undefined) process.stderr.write(`property seed ${seed} (DYDX_PROPERTY_SEED=${seed} replays this file's draws)\n`);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed), ...(path ? { path } : {}) });
