import type { Expr } from '../expr/types.js';
import { beforeEachWork } from '../errors.js';
import { hashBigInt, mix } from '../expr/hash.js';
import { atomKey } from './atoms.js';
import * as Z from './integer.js';
import type { Int } from './integer.js';
import { InternTable } from '../expr/intern-table.js';
import { IdTable, largestId } from '../expr/id-table.js';

/*
 * Monomials: products of atoms to rational powers (x²·y, √x = x^(1/2), x^(−1)). Each is interned,
 * as trees are: equal monomials are one object with a small id, so polynomials key their terms by
 * it and a product of monomials is one merge of two short sorted lists and a lookup. Exponents are
 * exact fractions, each kept as numerator and denominator (the denominator list left out when
 * every exponent is whole, nearly always), machine numbers unless past 2⁵³ (x^(100^1000) is exact).
 */

export interface Monomial {
  /** Unique to this monomial among those made since the table was last emptied. */
  readonly id: number;
  /** The atoms, ordered by their keys (not in writing order: see atoms.ts for that). */
  readonly atoms: readonly Expr[];
  readonly keys: readonly number[];
  /** Each atom's exponent is nums[i]/dens[i], never 0; dens is undefined when all are 1. */
  readonly nums: readonly Int[];
  readonly dens: readonly Int[] | undefined;
  readonly hash: number;
  /** The sum of the exponents, as a number (to order terms by degree). */
  readonly degree: number;
}

const table = new InternTable<Monomial>();
let nextId = 1;
/** The table is emptied between two pieces of work past this many monomials (see errors.ts). */
const maxMonomials = 1 << 18;
let generation = 0;

beforeEachWork((all) => {
  if (all || table.size >= maxMonomials) {
    table.clear();
    generation++;
    one = intern([], [], [], undefined);
  }
});

/** Bumped whenever the table is emptied: anything kept between works that holds monomials is stale then. */
export const monomialGeneration = (): number => generation;

/**
 * A fact for each monomial made since their table was last emptied, kept by the monomial's id
 * (ids are never given twice), emptied with the table, so nothing stale is found in it.
 */
export class MonomialMemo<T> {
  private readonly entries = new IdTable<T>();
  private generation = generation;

  get(m: Monomial): T | undefined {
    if (this.generation !== generation) {
      this.entries.clear();
      this.generation = generation;
    }
    return m.id <= largestId ? this.entries.get(m.id) : undefined;
  }

  /** Set after a get in the same generation (the value was just worked out). */
  set(m: Monomial, value: T): void {
    if (m.id <= largestId) this.entries.set(m.id, value);
  }
}

const hashInt = (n: Int): number => (typeof n === 'number' ? n | 0 : hashBigInt(n));

/** The hash of the monomial of the first `length` atoms of these lists (all of them by default). */
function hashOf(keys: readonly number[], nums: readonly Int[], dens: readonly Int[] | undefined, length = keys.length): number {
  let h = 0x3c6ef372;
  for (let i = 0; i < length; i++) {
    h = mix(h, keys[i]!);
    h = mix(h, hashInt(nums[i]!));
    if (dens) h = mix(h, hashInt(dens[i]!));
  }
  return h;
}

function same(m: Monomial, keys: readonly number[], nums: readonly Int[], dens: readonly Int[] | undefined, length = keys.length): boolean {
  if (m.keys.length !== length || (m.dens === undefined) !== (dens === undefined)) return false;
  for (let i = 0; i < length; i++) {
    if (m.keys[i] !== keys[i] || m.nums[i] !== nums[i] || (dens && m.dens![i] !== dens[i])) return false;
  }
  return true;
}

/** What the monomial looked for is made of (see madeBefore): read by one test, made once. */
const wanted: { keys: readonly number[]; nums: readonly Int[]; dens: readonly Int[] | undefined; length: number } = { keys: [], nums: [], dens: undefined, length: 0 };
const isWanted = (m: Monomial): boolean => same(m, wanted.keys, wanted.nums, wanted.dens, wanted.length);

/** The monomial of the first `length` atoms of these lists, if it was made before. */
function madeBefore(hash: number, keys: readonly number[], nums: readonly Int[], dens: readonly Int[] | undefined, length: number): Monomial | undefined {
  wanted.keys = keys;
  wanted.nums = nums;
  wanted.dens = dens;
  wanted.length = length;
  const found = table.find(hash, isWanted);
  wanted.keys = [];
  wanted.nums = [];
  wanted.dens = undefined;
  return found;
}

/** The monomial of these sorted, merged parts (no zero exponents; dens undefined when all are 1). */
function intern(atoms: readonly Expr[], keys: readonly number[], nums: readonly Int[], dens: readonly Int[] | undefined): Monomial {
  const hash = hashOf(keys, nums, dens);
  const known = madeBefore(hash, keys, nums, dens, keys.length);
  if (known !== undefined) return known;
  let degree = 0;
  for (let i = 0; i < nums.length; i++) degree += dens ? Number(nums[i]!) / Number(dens[i]!) : Number(nums[i]!);
  const m: Monomial = { id: nextId++, atoms, keys, nums, dens, hash, degree };
  table.add(hash, m);
  return m;
}

let one = intern([], [], [], undefined);

/** The monomial 1. */
export const unitMonomial = (): Monomial => one;

export const isUnit = (m: Monomial): boolean => m.keys.length === 0;

/** n/d in lowest terms with d > 0, as a pair. */
function reduced(n: Int, d: Int): [Int, Int] {
  if (d === 1) return [n, 1];
  const g = Z.gcd(n, d);
  const sign = Z.sign(d) < 0;
  const top = Z.divExact(n, g);
  const bottom = Z.divExact(d, g);
  return sign ? [Z.neg(top), Z.neg(bottom)] : [top, bottom];
}

/** atom^(num/den). */
export function atomMonomial(atom: Expr, num: Int = 1, den: Int = 1): Monomial {
  const [n, d] = reduced(num, den);
  if (Z.isZero(n)) return one;
  return intern([atom], [atomKey(atom)], [n], d === 1 ? undefined : [d]);
}

/** The monomial of atoms to powers given in any order, equal atoms' exponents added. */
export function monomialOf(parts: readonly (readonly [Expr, Int, Int])[]): Monomial {
  let m = one;
  for (const [atom, num, den] of parts) m = multiplyMonomials(m, atomMonomial(atom, num, den));
  return m;
}

/*
 * The merge of two monomials is written into these, and copied out only for a monomial not met
 * before: most products are of monomials met before, and their merge then makes no garbage.
 */
const scratchAtoms: Expr[] = [];
const scratchKeys: number[] = [];
const scratchNums: Int[] = [];
const scratchDens: Int[] = [];

/** a·b^sign (sign 1 or −1): the two sorted lists merged, equal atoms' exponents added. */
function combine(a: Monomial, b: Monomial, sign: number): Monomial {
  if (b.keys.length === 0) return a;
  if (a.keys.length === 0 && sign === 1) return b;
  let length = 0;
  let fractional = false;
  const put = (atom: Expr, key: number, n: Int, d: Int): void => {
    if (Z.isZero(n)) return;
    if (d !== 1) fractional = true;
    scratchAtoms[length] = atom;
    scratchKeys[length] = key;
    scratchNums[length] = n;
    scratchDens[length] = d;
    length++;
  };
  let i = 0;
  let j = 0;
  while (i < a.keys.length || j < b.keys.length) {
    const ka = i < a.keys.length ? a.keys[i]! : Infinity;
    const kb = j < b.keys.length ? b.keys[j]! : Infinity;
    if (ka < kb) {
      put(a.atoms[i]!, ka, a.nums[i]!, a.dens ? a.dens[i]! : 1);
      i++;
    } else if (kb < ka) {
      put(b.atoms[j]!, kb, sign === 1 ? b.nums[j]! : Z.neg(b.nums[j]!), b.dens ? b.dens[j]! : 1);
      j++;
    } else {
      const da = a.dens ? a.dens[i]! : 1;
      const db = b.dens ? b.dens[j]! : 1;
      const nb = sign === 1 ? b.nums[j]! : Z.neg(b.nums[j]!);
      if (da === 1 && db === 1) put(a.atoms[i]!, ka, Z.add(a.nums[i]!, nb), 1);
      else {
        const [n, d] = reduced(Z.add(Z.mul(a.nums[i]!, db), Z.mul(nb, da)), Z.mul(da, db));
        put(a.atoms[i]!, ka, n, d);
      }
      i++;
      j++;
    }
  }
  const dens = fractional ? scratchDens : undefined;
  const found = madeBefore(hashOf(scratchKeys, scratchNums, dens, length), scratchKeys, scratchNums, dens, length);
  if (found !== undefined) return found;
  return intern(scratchAtoms.slice(0, length), scratchKeys.slice(0, length), scratchNums.slice(0, length), fractional ? scratchDens.slice(0, length) : undefined);
}

export const multiplyMonomials = (a: Monomial, b: Monomial): Monomial => combine(a, b, 1);
export const divideMonomials = (a: Monomial, b: Monomial): Monomial => combine(a, b, -1);

/** m^(num/den). */
export function monomialPower(m: Monomial, num: Int, den: Int = 1): Monomial {
  if (Z.isZero(num)) return one;
  if (num === 1 && den === 1) return m;
  const nums: Int[] = [];
  let dens: Int[] | undefined;
  m.keys.forEach((_, i) => {
    const [n, d] = reduced(Z.mul(m.nums[i]!, num), Z.mul(m.dens ? m.dens[i]! : 1, den));
    if (d !== 1 && dens === undefined) dens = nums.map(() => 1);
    nums.push(n);
    if (dens) dens.push(d);
  });
  return intern(m.atoms, m.keys, nums, dens);
}

/** The exponent of the atom with this key in m, as [numerator, denominator] ([0, 1] where it is missing). */
export function exponentIn(m: Monomial, key: number): [Int, Int] {
  const i = m.keys.indexOf(key);
  return i < 0 ? [0, 1] : [m.nums[i]!, m.dens ? m.dens[i]! : 1];
}

/** Each atom at the lesser of its exponents in a and b (0 where it is missing from one): the gcd of two monomials, or their lcm with `greater`. */
export function meetMonomials(a: Monomial, b: Monomial, greater = false): Monomial {
  if (a === b) return a;
  const parts: [Expr, Int, Int][] = [];
  const pick = (x: Int, y: Int): boolean => (greater ? Z.compare(x, y) > 0 : Z.compare(x, y) < 0);
  let i = 0;
  let j = 0;
  while (i < a.keys.length || j < b.keys.length) {
    const ka = i < a.keys.length ? a.keys[i]! : Infinity;
    const kb = j < b.keys.length ? b.keys[j]! : Infinity;
    if (ka === kb) {
      // Compared exactly: numerator times the other's denominator.
      const ea = Z.mul(a.nums[i]!, b.dens ? b.dens[j]! : 1);
      const eb = Z.mul(b.nums[j]!, a.dens ? a.dens[i]! : 1);
      const from = pick(ea, eb) || Z.compare(ea, eb) === 0 ? a : b;
      const at = from === a ? i : j;
      parts.push([from.atoms[at]!, from.nums[at]!, from.dens ? from.dens[at]! : 1]);
      i++;
      j++;
    } else {
      // Missing from the other: the exponent there is 0.
      const from = ka < kb ? a : b;
      const at = ka < kb ? i++ : j++;
      if (pick(from.nums[at]!, 0)) parts.push([from.atoms[at]!, from.nums[at]!, from.dens ? from.dens[at]! : 1]);
    }
  }
  return monomialOf(parts);
}

