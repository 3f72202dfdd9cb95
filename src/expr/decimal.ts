/**
 * A double as a sentence shows it (a verdict, a note, a message): a whole number as it is, any
 * other to `digits` significant digits, with a true minus sign (−0.368) or, for plain ASCII, a hyphen.
 */
export function decimalText(x: number, digits: number, minus = '−'): string {
  const text = Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(digits)));
  return text.replace('-', minus);
}
