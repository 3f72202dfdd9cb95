// After `tsc`: the compiled numeric functions load each package of numeric special functions
// (@stdlib) the first time one of its functions is called, rather than when the library is
// imported. Those packages are made of some 850 small modules; loaded up front they were half the
// start-up of every command, `dydx x^2` included, which uses none of them. The page bundles the
// source as written, and tests read the source, so only the Node build changes. Each import
// becomes one line, so the source map still points at the right lines.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const file = fileURLToPath(new URL('../dist/functions/numeric.js', import.meta.url));
const source = readFileSync(file, 'utf8');
const imports = /^import (\w+) from '(@stdlib\/[\w-]+)';$/gm;
if (!imports.test(source)) {
  // Already rewritten (a second run), or the imports changed shape: say which.
  if (source.includes('loadedWhenUsed(')) process.exit(0);
  throw new Error(`${file}: no default import of an @stdlib package found to load when used`);
}
const loader = "import { createRequire } from 'node:module'; const requireLibrary = createRequire(import.meta.url); "
  + 'const loadedWhenUsed = (name) => { let f; return function () { f ??= requireLibrary(name); return f.apply(undefined, arguments); }; };';
let first = true;
writeFileSync(file, source.replace(imports, (_, local, name) => {
  const line = `${first ? `${loader} ` : ''}const ${local} = loadedWhenUsed('${name}');`;
  first = false;
  return line;
}));
