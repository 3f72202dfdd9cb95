import { describe, expect, it } from 'vitest';
import { noTexts, packTexts, unpackText } from '../../web/src/packed-texts.js';

describe('strings packed into one buffer', () => {
  it('gives each string back as it was, non-ASCII and empty ones too', () => {
    const texts = ['<span>σ′(x)</span>', '', 'x² + y² = 25 ⋯', 'plain'];
    const packed = packTexts(texts);
    expect(texts.map((_, k) => unpackText(packed, k))).toEqual(texts);
  });

  it('has nothing past its last string', () => {
    const packed = packTexts(['a', 'b']);
    expect([unpackText(packed, 2), unpackText(packed, -1), unpackText(packed, 0.5), unpackText(noTexts, 0)]).toEqual([undefined, undefined, undefined, undefined]);
  });
});
