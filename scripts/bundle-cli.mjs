// After `tsc` and lazy-libraries.mjs: the command line as one module, dist/cli/bundle.js, which
// bin/dydx.js runs. Loaded as some 200 modules, its start-up was mostly Node resolving, reading and
// compiling them one by one; as one file it starts in about half the time. The packages of numeric
// special functions stay outside, loaded when a command first evaluates one of them. The library
// (dist/index.js) is not bundled: a program importing it shares its modules with its own.
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const dist = (path) => fileURLToPath(new URL(`../dist/${path}`, import.meta.url));
const bundle = await rolldown({
  input: dist('cli/main.js'),
  platform: 'node',
  external: [/^@stdlib\//, /^cephes$/],
  logLevel: 'warn',
});
// In dist/cli, as the modules it is made of were, so that paths relative to it (../../package.json) hold.
await bundle.write({ file: dist('cli/bundle.js'), format: 'esm', sourcemap: true });
await bundle.close();
