/*
 * The layers of dydx, lowest first; a module imports only from its own layer or lower ones,
 * and the page only from the package's public entry. `npm test` fails on any import that
 * breaks this (npm run lint:layers).
 *
 *   functions        the function table: data, with no import from the rest
 *   expr, errors     the tree: types, factories, traversal, order, signs, templates built
 *   algebra          exact algebra: polynomials, rational functions, factoring
 *   parse, evaluate, diff, simplify, interop
 *                    reading, numbers, the rules, the rewrites, mathjs: none imports another
 *   differentiate    parse + differentiate + simplify, n times: the Derivative
 *   steps, check, answer, backprop, multivariate, graph, matrix
 *                    derivations as a person reads them; the numeric check (which reads steps);
 *                    checking a student's answer (which reads both); computation graphs and their
 *                    passes; matrix notation (its own tree, shapes, differentials, gradients read
 *                    off, numeric check)
 *   print, codegen   text, Unicode, LaTeX and Markdown printers; code in other languages
 *   questions        each kind of question in a folder of its own (none imports another), and
 *                    the registry the command line chooses through
 *   cli              the command line
 *   index, mathjs    the public entries
 *   web/src          the page, through src/index.ts only
 */
const layers = ['functions', 'expr', 'algebra', 'reading', 'differentiate', 'derivations', 'print', 'questions', 'cli', 'entries'];
const paths = {
  functions: '^src/functions/',
  expr: '^src/(expr/|errors\\.ts$)',
  algebra: '^src/algebra/',
  reading: '^src/(parse|evaluate|diff|simplify|interop)/',
  differentiate: '^src/differentiate/',
  derivations: '^src/(steps|check|answer|backprop|multivariate|graph|matrix)/',
  print: '^src/(print|codegen)/',
  questions: '^src/questions/',
  cli: '^src/cli/',
  entries: '^src/(index|mathjs)\\.ts$',
};

/** A module of a layer imports nothing from the layers above it. */
const layerRules = layers.slice(0, -1).map((layer, i) => ({
  name: `${layer}-below-${layers.slice(i + 1).join('-')}`,
  comment: `${layer} is below ${layers.slice(i + 1).join(', ')}: it may not import from them`,
  severity: 'error',
  from: { path: paths[layer] },
  to: { path: layers.slice(i + 1).map((above) => paths[above]) },
}));

/** Within a layer of siblings, the ones named do not import each other. */
const siblings = (name, folders) => folders.map((folder) => ({
  name: `${name}-${folder}-alone`,
  comment: `${folder} does not import from ${folders.filter((f) => f !== folder).join(', ')}`,
  severity: 'error',
  from: { path: `^src/${folder}/` },
  to: { path: folders.filter((f) => f !== folder).map((f) => `^src/${f}/`) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'no module imports itself through others, type imports included',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...layerRules,
    ...siblings('reading', ['parse', 'evaluate', 'diff', 'simplify', 'interop']),
    {
      name: 'questions-alone',
      comment: 'a kind of question does not import another: what two share lives beside the registry',
      severity: 'error',
      from: { path: '^src/questions/([^/]+)/' },
      to: { path: '^src/questions/[^/]+/', pathNot: '^src/questions/$1/' },
    },
    {
      name: 'steps-below-check',
      comment: 'the numeric check reads derivations; derivations do not know of the check',
      severity: 'error',
      from: { path: '^src/steps/' },
      to: { path: '^src/check/' },
    },
    {
      name: 'page-through-public-entry',
      comment: 'the page uses the package as any user would: only what src/index.ts exports',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { path: '^src/', pathNot: '^src/index\\.ts$' },
    },
    {
      name: 'source-stands-alone',
      comment: 'the library does not import the page, the tests, the bench or the examples',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(web|test|bench|fuzz|examples)/' },
    },
  ],
  options: {
    // Type-only imports count: a layer that needs another's types depends on it.
    tsPreCompilationDeps: true,
    // TypeScript 7 has no compiler API for dependency-cruiser to parse with: swc reads the sources.
    parser: 'swc',
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'grammar\\.generated\\.ts$' },
  },
};
