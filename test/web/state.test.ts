import { describe, expect, it } from 'vitest';
import { defaultState, fromHash, toHash, type PageState } from '../../web/src/state.js';

describe('page state in the URL hash', () => {
  it('round-trips every field, including inputs with & # = + and Unicode', () => {
    const state: PageState = {
      input: 'sigmoid(w*x + b) & #1 = 2+3 −σ', variable: 'w', order: 3, form: 'factored',
      autoRange: false, from: -2.5, to: 10, alsoFirst: true, values: { x: 0.5, b: -3 }, mine: '2x + cos(x) & #σ', target: 'torch', at: 'pi/4', graphStep: 3, shapes: 'W=3x4,x=4',
    };
    expect(fromHash(toHash(state))).toEqual(state);
  });

  it('leaves defaults out of the link', () => {
    expect(toHash({ ...defaultState, input: 'x^2' })).toBe('#f=x%5E2');
  });

  it('takes the default for anything missing or malformed', () => {
    const state = fromHash('#f=x&n=0&form=sideways&range=5,1&by=1x&at.y=abc&bp=-2');
    expect(state).toEqual({ ...defaultState, input: 'x' });
    expect(fromHash('').input).toBe(defaultState.input);
    expect(fromHash('#n=101').order).toBe(1);
    expect(fromHash('#n=100').order).toBe(100);
  });
});
