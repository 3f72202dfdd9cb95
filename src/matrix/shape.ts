import { InputError } from '../errors.js';

/** The shape of a value of matrix notation: a scalar is 1×1, a vector a column n×1 (a row 1×n when declared so). */
export interface Shape {
  readonly rows: number;
  readonly cols: number;
}

/** The names declared with a shape; any other name is a scalar. */
export type Shapes = ReadonlyMap<string, Shape>;

export const scalarShape: Shape = { rows: 1, cols: 1 };

export const isScalar = (s: Shape): boolean => s.rows === 1 && s.cols === 1;
export const isColumn = (s: Shape): boolean => s.cols === 1 && s.rows > 1;
export const isRow = (s: Shape): boolean => s.rows === 1 && s.cols > 1;
export const isSquare = (s: Shape): boolean => s.rows === s.cols;
export const sameShape = (a: Shape, b: Shape): boolean => a.rows === b.rows && a.cols === b.cols;
export const transposed = (s: Shape): Shape => ({ rows: s.cols, cols: s.rows });

/** A shape in words, for messages: "a 3×4 matrix", "a 3-vector", "a row 4-vector", "a scalar". */
export function shapeWords(s: Shape): string {
  if (isScalar(s)) return 'a scalar';
  if (isColumn(s)) return `a ${s.rows}-vector`;
  if (isRow(s)) return `a row ${s.cols}-vector`;
  return `a ${s.rows}×${s.cols} matrix`;
}

/** A shape as declared and as JSON gives it: 3x4, 3 (a column), 1x4 (a row), 1 (a scalar). */
export const shapeText = (s: Shape): string => (s.cols === 1 ? `${s.rows}` : `${s.rows}x${s.cols}`);

/** Largest number of rows or columns a shape may declare: the check and the code work entry by entry. */
const largestDimension = 10_000;

/**
 * The shapes of --shape W=3x4,x=4,b=3 (several declarations, each name=rows x cols, or
 * name=n for a column vector of n entries). A name declared twice, a name that is not one, and
 * a shape that is not a shape are refused, naming the declaration.
 */
export function readShapes(declarations: readonly string[] | string | Readonly<Record<string, string | number | readonly [number, number]>>): Shapes {
  const shapes = new Map<string, Shape>();
  const declare = (name: string, shape: Shape, written: string): void => {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name) && !/^[α-ωΑ-Ω][0-9]*$/.test(name)) {
      throw new InputError(`in --shape ${written}: '${name}' is not a name: a name is a letter, then letters, digits and _`, 'invalid-request');
    }
    if (shapes.has(name)) throw new InputError(`in --shape: ${name} is declared twice`, 'invalid-request');
    for (const n of [shape.rows, shape.cols]) {
      if (!Number.isInteger(n) || n < 1 || n > largestDimension) {
        throw new InputError(`in --shape ${written}: a dimension is a whole number from 1 to ${largestDimension}`, 'invalid-request');
      }
    }
    shapes.set(name, shape);
  };
  if (typeof declarations === 'string' || Array.isArray(declarations)) {
    const list = typeof declarations === 'string' ? [declarations] : declarations as readonly string[];
    for (const written of list.flatMap((d) => d.split(',')).map((d) => d.trim()).filter((d) => d !== '')) {
      const match = /^([^=\s]+)\s*=\s*(\d+)\s*(?:[x×*]\s*(\d+))?$/.exec(written);
      if (!match) throw new InputError(`in --shape: '${written}' is no shape: write name=rows x columns, as in W=3x4, or name=n for a vector of n entries, as in x=4`, 'invalid-request');
      declare(match[1]!, { rows: Number(match[2]), cols: match[3] === undefined ? 1 : Number(match[3]) }, written);
    }
    return shapes;
  }
  for (const [name, value] of Object.entries(declarations as Readonly<Record<string, string | number | readonly [number, number]>>)) {
    if (typeof value === 'number') declare(name, { rows: value, cols: 1 }, `${name}=${value}`);
    else if (typeof value === 'string') {
      const one = readShapes(`${name}=${value}`);
      declare(name, one.get(name)!, `${name}=${value}`);
    } else declare(name, { rows: value[0], cols: value[1] }, `${name}=${value.join('x')}`);
  }
  return shapes;
}
