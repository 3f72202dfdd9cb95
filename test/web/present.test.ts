import { describe, expect, it } from 'vitest';
import { present, tangentAt, type AnswerView } from '../../web/src/present.js';
import { defaultState } from '../../web/src/state.js';
import { traceHtml, withDeferred } from '../../web/src/steps-html.js';
import { buildTrace } from '../../src/steps/trace.js';
import { differentiate } from '../../src/differentiate/differentiate.js';
import { toText } from '../../src/print/linear.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { generateCode } from '../../src/codegen/generate.js';
import { parse } from '../../src/parse/parse.js';

const answer = (input: string, more: Partial<typeof defaultState> = {}): AnswerView => {
  const view = present({ ...defaultState, input, ...more });
  if (view.kind !== 'ok') throw new Error(`no answer for ${input}: ${JSON.stringify(view)}`);
  return view;
};

describe('a long derivation', () => {
  it('holds only its open steps; what the closed ones hold comes apart, whole again when put back', () => {
    const view = answer('tan(x)', { order: 6 });
    const whole = withDeferred(view.stepsHtml!, view.stepsDeferred);
    expect(view.stepsDeferred.length).toBeGreaterThanOrEqual(5);
    // The earlier orders are closed: almost all of the derivation waits to be opened.
    expect(view.stepsHtml!.length * 3).toBeLessThan(whole.length);
    expect(whole).not.toContain('data-deferred');
    // Put back, it is the derivation as it would be written whole: every order's rules are in it.
    for (let order = 1; order <= 6; order++) expect(whole).toContain(`<details class="order"${order === 6 ? ' open' : ''}>`);
    const closedBodies = (whole.match(/<details(?! open)[^>]*>/g) ?? []).length;
    expect(closedBodies).toBeGreaterThan(0);
    expect(view.stepsHtml!.match(/class="deferred"/g)!.length).toBeLessThanOrEqual(closedBodies);
  });

  it('shows long steps in part, ⋯ for what is left out, and copies them whole', () => {
    const view = answer('tan(x)', { order: 12 });
    const whole = withDeferred(view.stepsHtml!, view.stepsDeferred);
    const typeset = [...whole.matchAll(/<annotation encoding="application\/x-tex">([^]*?)<\/annotation>/g)].map((m) => m[1]!);
    expect(typeset.some((tex) => tex.includes('\\cdots'))).toBe(true);
    // Each side of a step's equation is cut to about 600 characters of LaTeX (an order's heading to 300).
    expect(typeset.every((tex) => tex.length < 2 * 800)).toBe(true);
    expect(view.copies.stepsLatex).not.toContain('\\cdots');
    // A later order's heading names the derivative of the input it differentiates.
    expect(whole).toContain('\\frac{d}{dx}\\left(\\frac{d^{11}}{dx^{11}}\\left(\\tan\\left(x\\right)\\right)\\right)');
  });
});

describe('what the page shows', () => {
  it('for the logistic sigmoid: σ(x)·(1 − σ(x)) typeset, the rules in the steps, a verified check, two curves', () => {
    const view = answer('1/(1+e^(-x))');
    expect(view.copies.answerText).toBe('sigmoid(x)*(1 - sigmoid(x))');
    expect(view.answerHtml).toContain('σ');
    expect(view.stepsHtml).toContain('Quotient rule');
    expect(view.stepsHtml).toContain('Chain rule');
    expect(view.stepsHtml).toContain('Substitute the sigmoid');
    expect(view.copies.stepsLatex).toMatch(/^\\begin\{align\*\}/);
    expect(view.check).toMatchObject({ verdict: 'verified', pointsUsed: 24 });
    // In plain words, the numbers kept for whoever wants them.
    expect(view.check.detail).toBe('Checked at 24 points, x from −13.1 to 11.3: the answer agrees with the slope measured there, and every step of the derivation holds.');
    expect(view.check.technical).toMatch(/^verified at 24 of 24 points .* worst relative error/);
    expect(view.plot.curves.map((c) => c.label)).toEqual(['f', 'f′']);
  });

  it('shows how the input was read, typeset, with the conventions that chose it', () => {
    const view = answer('sinx cos x');
    expect(view.readingHtml).toContain('class="katex"');
    expect(view.readingHtml).toContain('sin');
    expect(view.readingNotes).toEqual(['sinx is read as sin x']);
    expect(answer('\\frac{1}{1+e^{-x}}').readingNotes).toEqual(['read as LaTeX']);
    expect(answer('x^2').readingNotes).toEqual([]);
  });

  it('takes the variable and order from the input when it says them, and names the answer as the input names the function', () => {
    const view = answer('d²/dt² t^4 + x', { order: 1, variable: 'x' });
    expect(view).toMatchObject({ variable: 't', order: 2, setByInput: { variable: true, order: true } });
    expect(view.copies.answerText).toBe('12*t^2');
    expect(answer('x^3', { order: 2 })).toMatchObject({ order: 2, setByInput: { variable: false, order: false } });
    // KaTeX keeps the LaTeX it typeset in an annotation.
    expect(answer('y = x^3').answerHtml).toContain('<annotation encoding="application/x-tex">y&#x27; = 3x^{2}</annotation>');
    expect(answer('f(t) = t^3').answerHtml).toContain('f&#x27;\\left(t\\right) = 3t^{2}');
    expect(answer('x^3').answerHtml).toContain('\\frac{d}{dx}\\left(x^{3}\\right) = 3x^{2}');
  });

  it('says beside the answer where it holds, when not everywhere', () => {
    expect(answer('abs(x)').answerHtml).toContain('≠');
    expect(answer('x^2').answerHtml).not.toContain('≠');
  });

  it('locates a parse error by line, column and offset', () => {
    expect(present({ ...defaultState, input: 'x +\n  * 2' })).toMatchObject({ kind: 'parse-error', line: 2, column: 3, offset: 6 });
  });

  it('advises what to type in the page, not a command-line flag, to make a name a function', () => {
    const message = (input: string, more: Partial<typeof defaultState> = {}): string => {
      const view = present({ ...defaultState, input, ...more });
      return view.kind === 'parse-error' || view.kind === 'error' ? view.message : '';
    };
    expect(message('foo(x)')).toBe("unknown function 'foo' (to multiply, write * before the bracket; write f, g or h in its place for an unknown function)");
    expect(message('sinn(x)')).toBe("unknown function 'sinn' — did you mean 'sin'? (write f, g or h in its place for an unknown function)");
    expect(message('phi(x, y)')).toMatch(/phi is a variable, not a function; .* \(write f, g or h in its place for an unknown function\)$/);
    expect(message('expi')).toMatch(/or give the variable a name of one letter$/);
    expect(message('foo(x) = y^2')).toMatch(/write f, g or h in its place/);
    expect(message('xᵀ')).toMatch(/as in W=3x4, x=4 in the Shapes field$/);
    // The reader's own answer, too.
    const mine = answer('x^2', { mine: 'foo(x)' }).mine!.sentence;
    expect(mine).toMatch(/write f, g or h in its place/);
    for (const m of [message('foo(x)'), message('expi'), message('xᵀ'), mine]) expect(m).not.toMatch(/--/);
  });

  it('says why when there is no answer, and keeps the variables for the selector', () => {
    expect(present({ ...defaultState, input: 'x', order: 1, variable: 'x' }).kind).toBe('ok');
    // sin nested 2,100 deep has a derivative of about 2,200,000 nodes, past the limit of 2,000,000.
    const deep = `${'sin('.repeat(2100)}x${')'.repeat(2100)}`;
    const view = present({ ...defaultState, input: deep });
    expect(view).toMatchObject({ kind: 'error', variables: ['x'] });
    expect(view.kind === 'error' && view.message).toMatch(/more than the limit of 2000000/);
    expect(present({ ...defaultState, input: '   ' })).toEqual({ kind: 'empty' });
    // A part with no value is named, as the command line names it.
    const none = present({ ...defaultState, input: 'x + log(0)' });
    expect(none.kind === 'error' && none.message).toBe('the expression has no real value anywhere: it holds log at a number where it has no real value (log(0))');
  });

  it('differentiates by the chosen variable, n times, in the chosen form, and plots f′ beside f″ on request', () => {
    const view = answer('sigmoid(w*x + b)', { variable: 'w', order: 2, form: 'factored', alsoFirst: true });
    expect(view.variable).toBe('w');
    expect(view.variables).toEqual(['w', 'x', 'b']);
    expect(view.answerHtml).toContain('d^{2}');
    expect(view.plot.curves.map((c) => c.label)).toEqual(['f', 'f″', 'f′']);
    expect(answer('x^2', { alsoFirst: true }).plot.curves.map((c) => c.label)).toEqual(['f', 'f′']);
  });

  it('plots the derivative of the order asked for: its samples are f⁽⁵⁾\'s values', () => {
    const view = answer('1/(1+e^(-x))', { order: 5 });
    expect(view.plot.curves.map((c) => c.label)).toEqual(['f', 'f⁽⁵⁾']);
    const fifth = differentiate('1/(1+exp(-x))', { order: 5 }).result;
    const samples = view.plot.curves[1]!.points.filter((p) => Number.isFinite(p.y));
    expect(samples.length).toBeGreaterThan(500);
    for (const p of samples.filter((_, i) => i % 50 === 0)) expect(p.y).toBeCloseTo(evaluate(fifth, { x: p.x }), 9);
  });

  it('says when abstract functions are plotted with stand-ins, and only then', () => {
    expect(answer("f(x)*g'(x)").plotNote).toMatch(/plotted with stand-ins/);
    expect(answer('x*sin(x)').plotNote).not.toMatch(/stand-ins/);
  });

  it('gives the backprop form in terms of the output and highlighted code for the target asked for', () => {
    const sigma = answer('1/(1+e^(-x))');
    expect(sigma.backprop.formHtml).toContain('annotation');
    expect(sigma.backprop.formHtml).toContain('= y \\cdot \\left(1-y\\right)</annotation>');
    expect(sigma.backprop.code).toBe(generateCode(parse('1/(1+e^(-x))'), { target: 'numpy', variables: ['x'] }));
    expect(sigma.backprop.codeHtml).toContain('<span class="hljs-keyword">def</span>');
    const layer = answer('sigmoid(w*x + b)', { target: 'c' });
    expect(layer.backprop.codeAbout).toBe('A function that returns f and its gradient by w, x, b, every part they share computed once.');
    // What the code needs besides NumPy is said; at a higher order, the code gives each derivative up to it.
    expect(answer('gelu(x)').backprop.codeAbout).toMatch(/It imports numpy and scipy\.special\.$/);
    const second = answer('x^3', { order: 2, target: 'python' });
    expect(second.backprop.codeAbout).toBe('A function that returns f and its derivatives by x up to order 2, every part they share computed once.');
    expect(second.backprop.code).toContain('d2y = 6 * x');
    expect(answer('x^2*y', { order: 2 }).backprop.codeAbout).toMatch(/gradient by x, y \(first derivatives: the order asked for is the answer's, for one variable only\)/);
    expect(layer.backprop.code).toMatch(/^#include <math\.h>/);
    expect(layer.backprop.codeHtml).toContain('hljs-meta');
    // No form in y alone: said why, with the mixed form where it is shorter.
    expect(answer('x*sigmoid(x)').backprop.formNote).toMatch(/^No form in y alone: .* is not one-to-one/);
  });

  it('typesets the gradient and the Hessian of a function of several variables, and neither for one', () => {
    const view = answer('x^2*y');
    expect(view.several!.gradientHtml).toContain('\\nabla f\\left(x, y\\right) = \\begin{pmatrix} 2x \\cdot y \\\\ x^{2} \\end{pmatrix}');
    expect(view.several!.hessianHtml).toContain('H\\left(x, y\\right) = \\begin{pmatrix} 2y &amp; 2x \\\\ 2x &amp; 0 \\end{pmatrix}');
    expect(view.several!.note).toBe('By x, y in that order; the Hessian\'s 3 distinct entries are worked out once each.');
    expect(answer('x^2').several).toBeUndefined();
  });

  it('plots a curve\'s equation: its points on the curve, the range chosen to hold it, the tangent at an x typed in and where the pointer is', () => {
    const view = present({ ...defaultState, input: 'x^2 + y^2 = 25', at: '3' });
    if (view.kind !== 'implicit' || !view.curve) throw new Error('no curve plotted');
    const { plot, range, at, description, note } = view.curve;
    const points = plot.curves[0]!.points.filter((p) => Number.isFinite(p.y));
    expect(points.length).toBeGreaterThan(200);
    for (const p of points) expect(Math.abs(p.x ** 2 + p.y ** 2 - 25)).toBeLessThan(1e-9);
    expect(range[0]).toBeLessThan(-5);
    expect(range[1]).toBeGreaterThan(5);
    expect(plot.y[0]).toBeLessThan(-5);
    expect(at).toEqual({ x: 3, y: 4, slope: -0.75 });
    expect(description).toMatch(/^Plot of the curve x² \+ y² = 25 for x from .*: one piece\.$/);
    expect(note).toMatch(/^Range chosen from the curve/);
    // The pointer near (−3, −3.9): the nearest point of the circle, and −x/y there.
    const { value, readout } = tangentAt(-3, -3.9);
    const near = value!;
    expect(readout).toMatch(/^At \(x, y\) = \(−3\.\d+, −3\.\d+\) on the curve: y′ = −0\.\d+; the tangent there is y = /);
    expect(Math.abs(near.x ** 2 + near.y ** 2 - 25)).toBeLessThan(1e-9);
    expect(near.slope).toBeCloseTo(-near.x / near.y, 9);
    // Out of view, and an x the curve does not reach.
    const away = present({ ...defaultState, input: 'x^2 + y^2 = 25', autoRange: false, from: 20, to: 30, at: '25' });
    if (away.kind !== 'implicit' || !away.curve) throw new Error('no curve plotted');
    expect(away.curve.description).toMatch(/the curve x² \+ y² = 25 has no point in it\.$/);
    expect(away.curve.at).toEqual({ error: 'the curve has no point with x = 25 in this view' });
  });

  it('differentiates an equation of a curve implicitly: the answer, its derivation and its check against the curve', () => {
    const view = present({ ...defaultState, input: 'x^2 + y^2 = 1' });
    expect(view.kind).toBe('implicit');
    if (view.kind !== 'implicit') return;
    expect(view.copies.answerText).toBe("y' = -x/y");
    expect(view.answerHtml).toContain('annotation');
    expect(view.check).toEqual({ verdict: 'verified', detail: expect.stringMatching(/^Checked at \d+ points of the curve: the answer agrees with the curve's own slope there\.$/) });
    expect(view.stepsHtml).toContain('x^{2}+y^{2} = 1');
    // Each step's words lead to its equation; the rules' derivation is named by what it differentiates.
    const whole = withDeferred(view.stepsHtml, view.stepsDeferred);
    expect(whole).toMatch(/Solve for [^:<]*(<[^>]*>[^<]*)*?:<\/span>/);
    expect(whole).toMatch(/Derivative of <span class="math/);
    expect(whole).not.toContain('Derivative of by the rules');
    const second = present({ ...defaultState, input: 'x^2 + y^2 = 1', order: 2 });
    expect(second.kind === 'implicit' && second.copies.answerText).toMatch(/^y'' = /);
    // An equation that is not a curve's is still an error where it is wrong.
    expect(present({ ...defaultState, input: 'x + = 1' }).kind).toBe('parse-error');
  });

  it('works out f, f′ and the tangent exactly at the point asked for, the other variables at their values', () => {
    const view = answer('sin(x)', { at: 'pi/4' });
    expect(view.atPoint!.x).toBeCloseTo(Math.PI / 4, 12);
    expect(view.atPoint!.html).toContain("f&#x27;\\left(\\frac{\\pi}{4}\\right) = \\frac{\\sqrt{2}}{2} \\approx 0.707107");
    expect(view.atPoint!.html).toContain('\\text{tangent: } y = ');
    expect(answer('w*x^2', { at: '3', values: { w: 2 } }).atPoint!.html).toContain("f&#x27;\\left(3\\right) = 12");
    expect(answer('x^2', { at: 'y' }).atPoint!.error).toMatch(/has a variable in it/);
    expect(answer('x^2').atPoint).toBeUndefined();
  });

  it('gives the Jacobian of a vector of functions, with its determinant when square, each entry checked', () => {
    const view = present({ ...defaultState, input: '[x*y, x + y]' });
    expect(view.kind).toBe('jacobian');
    if (view.kind !== 'jacobian') return;
    expect(view.copies.answerText).toBe('[[y, x], [1, 1]]');
    expect(view.answerHtml).toContain('\\det J = y-x');
    expect(view.check).toEqual({ verdict: 'verified', detail: 'Each of the 4 entries checked against the slope measured at points of its own.' });
    const wide = present({ ...defaultState, input: '[x*y*z, x + y]' });
    expect(wide.kind === 'jacobian' && wide.answerHtml).not.toContain('det');
  });

  it('shows the reader\'s mistaken step in the derivation, beside the right one', () => {
    const view = answer('sin(x^2)', { mine: 'cos(x^2)' });
    expect(view.mine!.verdict).toBe('incorrect');
    const step = /<li class="step yours" id="your-step"><details open><summary><span class="number">1<\/span>[^]*?<\/details><\/li>/.exec(view.stepsHtml!)?.[0] ?? '';
    expect(step).toContain('your answer went wrong here');
    expect(step).toContain('<span class="what">Yours</span>');
    expect(step).toContain("\\left(\\sin\\left(x^{2}\\right)\\right)&#x27; = \\cos\\left(x^{2}\\right)");
    expect(answer('sin(x^2)', { mine: '2x cos(x^2)' }).stepsHtml).not.toContain('Yours');
  });

  it('chooses the range from the function, says what it shows, and keeps a range that is set', () => {
    const view = answer('x^x');
    expect(view.plotRange).toEqual([0, 2.37]);
    expect(view.plotNote).toBe('Range chosen from the function: x from 0 to 2.37, to show the start of the domain at x = 0 and the minimum at x ≈ 0.368. Change it with From and To, or by dragging and zooming the plot.');
    expect(view.plotDescription).toMatch(/^Plot of f\(x\) and f′\(x\) for x from 0 to 2\.37, y from [−\d.]+ to [\d.]+; it shows the start of the domain at x = 0 and the minimum at x ≈ 0\.368\.$/);
    const set = answer('x^x', { autoRange: false, from: -1, to: 2 });
    expect(set.plotRange).toEqual([-1, 2]);
    expect(set.plotNote).toBe('');
    expect(set.plot.curves[0]!.points[0]!.x).toBe(-1);
  });

  it('leaves out a derivation too large to typeset, with the reason, and still gives the answer', () => {
    const view = answer('1/(1+e^(-x))', { order: 100 });
    expect(view.stepsHtml).toBeUndefined();
    expect(view.copies.stepsLatex).toBeUndefined();
    expect(view.stepsNote).toMatch(/too large to show step by step/);
    expect(view.answerHtml).toContain('σ');
  });

  it('typesets a long answer in part, with ⋯ for what is left out, and copies it whole', () => {
    for (const [input, order] of [['sigmoid(x)', 100], ['tan(x)', 90]] as const) {
      const view = answer(input, { order });
      expect(view.answerNote, input).toMatch(/^The answer is long \([\d,]+ characters of LaTeX\): it is shown in part, ⋯ standing for the terms left out; copy or download it whole/);
      expect(view.answerHtml, input).toContain('⋯');
      expect(view.answerHtml.length, input).toBeLessThan(400_000);
      expect(view.answerHtml, input).not.toContain('elided');
      expect(view.copies.answerText, input).toBe(toText(differentiate(input, { order }).result));
    }
    expect(answer('sigmoid(x)', { order: 3 }).answerNote).toBe('');
  });

  it("checks the reader's own derivative: correct, incorrect with the mistake, or why it cannot be read", () => {
    expect(answer('x^2*sin(x)').mine).toBeUndefined();
    expect(answer('x^2*sin(x)', { mine: 'x(2sin x + x cos x)' }).mine).toEqual({
      verdict: 'correct', sentence: 'Correct: yours is the derivative.', lines: ['answer: correct (the difference simplifies to 0); it is in simplest form'],
    });
    expect(answer('x^2*sin(x)', { mine: 'x^2*cos(x) + sin(x)*2*x*1' }).mine?.sentence).toBe('Correct: yours is the derivative. It can be written more simply: 2x·sin(x) + x²·cos(x).');
    const wrong = answer('sin(x^2)', { mine: 'cos(x^2)' }).mine!;
    expect(wrong.verdict).toBe('incorrect');
    expect(wrong.lines[1]).toBe("likely mistake, at step 1: the chain rule's inner derivative (x²)′ = 2x is left out");
    expect(wrong.sentence).toMatch(/^Not quite: at x = [\d.]+ yours gives [-\d.]+ but the derivative is [-\d.]+\. It looks like the chain rule's inner derivative \(x²\)′ = 2x is left out — see step 1, marked in the derivation\.$/);
    expect(wrong.step).toBe('1');
    expect(answer('x^3', { order: 2, mine: '6x' }).mine?.verdict).toBe('correct');
    expect(answer('x^2', { mine: '2x +' }).mine).toEqual({ verdict: 'error', sentence: "Yours cannot be read: in the answer: expected a number, a name or '(' after '+' (column 5).", lines: [] });
  });

  it('marks the steps that fail the numeric check, and only those', () => {
    const trace = buildTrace(differentiate('x^2*sin(x)'));
    const html = traceHtml(trace, (order, step) => order === 1 && step.join('.') === '1.2');
    expect(html.match(/fails the numeric check/g)).toHaveLength(1);
    expect(html).toMatch(/<li class="step failed"><details open><summary><span class="number">1\.2<\/span>/);
    expect(traceHtml(trace, () => false)).not.toContain('failed');
  });
});

describe('backprop on the graph', () => {
  it('draws each node once with its value, and forms each adjoint from the edges that take it', () => {
    const view = answer('sigmoid(w*x+b)*w', { values: { x: 0.5, w: 2, b: -1 } });
    const g = view.graph;
    if (!g || 'error' in g) throw new Error('no graph');
    // w is used twice: one node, taken by two others.
    expect(g.svg.match(/<g class="node/g)).toHaveLength(7);
    expect(g.steps).toHaveLength(7);
    const w = g.steps.find((s) => s.text.startsWith('v̄1 '))!;
    expect(w.edges).toHaveLength(2);
    // ∂f/∂w = σ(u) + w·x·σ′(u) at u = 0: 1/2 + 2·0.5·1/4 = 0.75.
    expect(w.text).toMatch(/= 0\.75$/);
    expect(g.gradientHtml).toContain('0.75');
    expect(g.description).toMatch(/^Computation graph of σ\(w·x \+ b\)·w, 7 nodes, at w = 2, x = 0\.5, b = -1: /);
  });

  it('says why it draws no graph of too many nodes', () => {
    const input = Array.from({ length: 40 }, (_, k) => `sin(${k + 1}*x)`).join(' + ');
    const g = answer(input).graph;
    expect(g && 'error' in g && g.error).toMatch(/^The graph has \d+ nodes, too many to draw \(at most 60\)/);
  });
});

describe('the plot', () => {
  it('says when a curve is off its scale', () => {
    const note = answer('1/(1+e^(-x))', { order: 20 }).plotNote;
    expect(note).toMatch(/f⁽²⁰⁾\(x\) is off the scale of this plot, whose y range \(.* to .*\) is f's: its values run from −1\.67e\+8 to 1\.67e\+8\.$/);
    expect(answer('x^2*sin(x)').plotNote).not.toContain('off the scale');
    expect(answer('x^2*sin(x)').plotFit).toBeUndefined();
  });

  it('offers to fit a curve off its scale, and then f again', () => {
    const off = answer('1/(1+e^(-x))', { order: 20 });
    expect(off.plotFit).toEqual({ label: 'f⁽²⁰⁾(x)', scaledBy: 1 });
    const fitted = answer('1/(1+e^(-x))', { order: 20, scaledBy: 1 });
    // The y range is made for f⁽²⁰⁾ now: most of its values are within it.
    const [low, high] = fitted.plot.y;
    const values = fitted.plot.curves[1]!.points.map((p) => p.y).filter(Number.isFinite);
    expect(values.filter((y) => y >= low && y <= high).length).toBeGreaterThan(0.9 * values.length);
    expect(high).toBeGreaterThan(1e7);
    expect(fitted.plotNote).toContain('The y range is f⁽²⁰⁾\'s, fitted to it.');
    expect(fitted.plotNote).not.toContain('f⁽²⁰⁾(x) is off the scale');
    expect(fitted.plotFit).toEqual({ label: 'f(x)', scaledBy: 0 });
    // Fitted back to f, it is as it was.
    expect(answer('1/(1+e^(-x))', { order: 20, scaledBy: 0 }).plot.y).toEqual(off.plot.y);
  });

  it('draws a curve that turns faster than its samples as the band it fills, not a false wave', () => {
    const far = answer('x^2*sin(x)', { autoRange: false, from: -10000, to: 10000 });
    expect(far.plot.bands).toEqual(['f', 'f′']);
    expect(far.plotNote).toContain('f(x) and f′(x) turn faster than the plot can show at this range: drawn as the band they fill.');
    // Each column spans the curve's least and greatest value there: near x = 9,990 about ±x².
    const f = far.plot.curves[0]!.points;
    const near = f.filter((p) => Math.abs(p.x - 9990) < 20).map((p) => p.y);
    expect(near.reduce((m, y) => Math.min(m, y), Infinity)).toBeLessThan(-0.9 * 9990 ** 2);
    expect(near.reduce((m, y) => Math.max(m, y), -Infinity)).toBeGreaterThan(0.9 * 9990 ** 2);
    // Zoomed in, the curve itself.
    expect(answer('x^2*sin(x)', { autoRange: false, from: -6, to: 6 }).plot.bands).toBeUndefined();
  });
});

describe('matrix notation on the page', () => {
  it('gives each gradient typeset, derived, checked and as code, with the shapes as given', () => {
    const view = present({ ...defaultState, input: 'norm(sigmoid(W*x+b)-y)^2/2', shapes: 'W=3x4, x=4, b=3, y=3' });
    if (view.kind !== 'matrix') throw new Error(`not matrix notation: ${view.kind}`);
    expect(view.copies.answerText.split('\n')).toHaveLength(4);
    expect(view.answerHtml).toContain('\\frac{\\partial L}{\\partial \\mathbf{W}}');
    expect(view.check.verdict).toBe('verified');
    expect(view.code?.text).toMatch(/^import numpy as np\n\n\ndef loss\(W, x, b, y\):/);
    expect(withDeferred(view.stepsHtml, view.stepsDeferred)).toContain('Differentiate');
    // The code is of the target chosen, or why there is none.
    const c = present({ ...defaultState, input: 'norm(x)^2', shapes: 'x=3', target: 'c' });
    expect(c.kind === 'matrix' && c.code?.error).toMatch(/^code of matrix notation is written for numpy, torch, jax/);
  });
});
