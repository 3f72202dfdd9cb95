import fc from 'fast-check';

/*
 * A failing property prints its seed and path; DYDX_PROPERTY_SEED (and DYDX_PROPERTY_PATH)
 * replay exactly that run: DYDX_PROPERTY_SEED=1909241599 npx vitest run test/properties
 */
const seed = process.env.DYDX_PROPERTY_SEED;
const path = process.env.DYDX_PROPERTY_PATH;
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed), ...(path ? { path } : {}) });
