import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { defaultState, fromHash as fromHashWith, toHash, type PageState } from '../../web/src/state.js';
import { codeTargets, simplifyForms } from '../../src/index.js';

const fromHash = (hash: string): PageState => fromHashWith(hash, { forms: simplifyForms, targets: codeTargets });

describe('page state in the URL hash', () => {
  it('round-trips every field, including inputs with & # = + and Unicode', () => {
    const state: PageState = {
      input: 'sigmoid(w*x + b) & #1 = 2+3 −σ', variable: 'w', order: 3, form: 'factored',
      autoRange: false, from: -2.5, to: 10, alsoFirst: true, scaledBy: 1, values: { x: 0.5, b: -3 }, mine: '2x + cos(x) & #σ', target: 'torch', at: 'pi/4', graphStep: 3, shapes: 'W=3x4,x=4',
    };
    expect(fromHash(toHash(state))).toEqual(state);
  });

  it('leaves defaults out of the link', () => {
    expect(toHash({ ...defaultState, input: 'x^2' })).toBe('#f=x%5E2');
  });

  it('takes the default for anything missing or malformed', () => {
    const state = fromHash('#f=x&n=0&form=sideways&range=5,1&by=1x&at.y=abc&bp=-2&scale=7');
    expect(state).toEqual({ ...defaultState, input: 'x' });
    expect(fromHash('').input).toBe(defaultState.input);
    expect(fromHash('#n=101').order).toBe(1);
    expect(fromHash('#n=100').order).toBe(100);
  });

  it('reads the forms and code targets from the page\'s selectors, which list the library\'s', () => {
    const html = readFileSync('web/index.html', 'utf8');
    const options = (id: string): string[] => [...html.split(`<select id="${id}">`)[1]!.split('</select>')[0]!.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]!);
    expect(options('form')).toEqual([...simplifyForms]);
    expect(options('target')).toEqual([...codeTargets]);
  });
});
