/*
 * The few Cephes functions dydx calls. The package ships its own types, but its "exports" field
 * gives them no condition, so a NodeNext resolution cannot find them.
 */
declare module 'cephes' {
  interface Cephes {
    /** Settles once the WebAssembly is compiled: no function may be called before. */
    readonly compiled: Promise<void>;
    jv(v: number, x: number): number;
    yv(v: number, x: number): number;
    airy(x: number): readonly [number, { readonly ai: number; readonly aip: number; readonly bi: number; readonly bip: number }];
    ei(x: number): number;
    expn(n: number, x: number): number;
    polylog(n: number, x: number): number;
    incbet(a: number, b: number, x: number): number;
    igam(a: number, x: number): number;
    igamc(a: number, x: number): number;
    ellpj(u: number, m: number): readonly [number, { readonly sn: number; readonly cn: number; readonly dn: number; readonly ph: number }];
  }
  const cephes: Cephes;
  export default cephes;
}
