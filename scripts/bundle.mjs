// After `tsc` and lazy-libraries.mjs: the library, its mathjs bridge and the command line as
// bundles in dist/bundle/, which the package's entry points and bin/dydx.js load. Loaded as some
// 200 modules each, their start-up was mostly Node resolving, reading and compiling them one by
// one; as one module and a shared chunk they start in about half the time (`dydx x^2` in about
// 0.2 s rather than 0.4 s), and a program importing the library waits less for it. The packages
// of numeric special functions stay outside, loaded when a function of theirs is first evaluated.
// mathjs, which only the bridge to it uses, stays outside too. The modules compiled one by one stay in dist/ beside their type declarations, which the
// bundles' entry points share.
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const dist = (path) => fileURLToPath(new URL(`../dist/${path}`, import.meta.url));
const bundle = await rolldown({
  input: { index: dist('index.js'), mathjs: dist('mathjs.js'), cli: dist('cli/main.js') },
  platform: 'node',
  external: [/^@stdlib\//, /^cephes$/, /^mathjs$/],
  logLevel: 'warn',
});
// One folder below dist/, as the command line's modules were, so that its path to ../../package.json holds.
await bundle.write({ dir: dist('bundle'), format: 'esm', sourcemap: true, entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' });
await bundle.close();
