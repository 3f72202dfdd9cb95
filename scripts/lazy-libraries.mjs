// After `tsc`: the compiled numeric functions load each package of numeric special functions the
// first time one of its functions is called, rather than when the library is imported. The
// @stdlib packages are made of some 850 small modules, and Cephes is WebAssembly to compile
// (about 50 ms): loaded up front they were most of the start-up of every command, `dydx x^2`
// included, which uses none of them. Cephes is then taken in its CommonJS build, which compiles
// synchronously, so no top-level await is left. The page bundles the source as written, and
// tests read the source, so only the Node build changes. Each import becomes one line, so the
// source map still points at the right lines.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const file = fileURLToPath(new URL('../dist/functions/numeric.js', import.meta.url));
const source = readFileSync(file, 'utf8');
const stdlibImports = /^import (\w+) from '(@stdlib\/[\w-]+)';$/gm;
const cephesImport = /^import (\w+) from 'cephes';$/m;
const cephesCompiled = /^await (\w+)\.compiled;$/m;
if (!stdlibImports.test(source) || !cephesImport.test(source) || !cephesCompiled.test(source)) {
  // Already rewritten (a second run), or the imports changed shape: say which.
  if (source.includes('loadedWhenUsed(')) process.exit(0);
  throw new Error(`${file}: the imports of @stdlib packages and of cephes (with its await) to load when used were not found`);
}
const loader = "import { createRequire } from 'node:module'; const requireLibrary = createRequire(import.meta.url); "
  + 'const loadedWhenUsed = (name) => { let f; return function () { f ??= requireLibrary(name); return f.apply(undefined, arguments); }; };';
let first = true;
const rewritten = source
  .replace(stdlibImports, (_, local, name) => {
    const line = `${first ? `${loader} ` : ''}const ${local} = loadedWhenUsed('${name}');`;
    first = false;
    return line;
  })
  // Cephes is an object of functions: each property is looked up in the package once it is loaded.
  .replace(cephesImport, (_, local) => `let ${local}Loaded; const ${local} = new Proxy({}, { get: (_, name) => (${local}Loaded ??= requireLibrary('cephes'))[name] });`)
  .replace(cephesCompiled, '');
writeFileSync(file, rewritten);
