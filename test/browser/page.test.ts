import { mkdirSync, readFileSync } from 'node:fs';
import axe from 'axe-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preview, type PreviewServer } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { differentiate, evaluate } from '../../src/index.js';
import { present } from '../../web/src/present.js';
import { defaultState } from '../../web/src/state.js';
import { withDeferred } from '../../web/src/steps-html.js';

/*
 * The built page (dist-web/, from npm run build:web) served by Vite's preview server and
 * driven in Debian's Chromium. Screenshots go to screenshots/.
 */

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const screenshots = 'screenshots';

let server: PreviewServer;
let browser: Browser;
let url: string;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  server = await preview({ configFile: 'web/vite.config.ts', preview: { port: 4180, strictPort: false }, logLevel: 'warn' });
  url = server.resolvedUrls!.local[0]!;
  browser = await chromium.launch({
    executablePath,
    // As root in a container Chromium needs --no-sandbox; the rest keep it off a network it cannot reach.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh page; fails the test on any script error or console error. */
async function open(address = url, viewport = { width: 1100, height: 1200 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  (page as Page & { problems: string[] }).problems = problems;
  await page.goto(address);
  await page.locator('#answer .katex').first().waitFor();
  await derivationInPlace(page);
  return page;
}

/** A long derivation is put in place a slice at a time, marked busy meanwhile: it is whole once it is no longer. */
async function derivationInPlace(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.getElementById('steps')!.hasAttribute('aria-busy'), null, { timeout: 30_000 });
}

/**
 * The derivation in view against the page's own HTML for it, worked out here: the same, but for the
 * marks the page adds to formulas too wide for their box.
 */
async function derivationIs(page: Page, html: string, everyStepOpen = false): Promise<boolean> {
  return page.evaluate(([expected, open]) => {
    const unmarked = (root: Element): string => {
      root.querySelectorAll('.scroll-cue').forEach((cue) => cue.remove());
      root.querySelectorAll('.math').forEach((box) => {
        box.classList.remove('scrolls');
        for (const name of ['tabindex', 'role', 'aria-label']) box.removeAttribute(name);
      });
      return root.innerHTML;
    };
    const parsed = document.createElement('div');
    parsed.innerHTML = expected!;
    if (open) parsed.querySelectorAll('details').forEach((d) => { d.open = true; });
    return unmarked(document.getElementById('steps')!.cloneNode(true) as Element) === unmarked(parsed);
  }, [html, everyStepOpen] as const);
}

/** The page's HTML for a derivation, as its worker makes it: its open steps, and whole, as with every step open. */
function stepsHtmlFor(input: string, order: number): { shown: string; whole: string } {
  const view = present({ ...defaultState, input, order });
  if (view.kind !== 'ok' || view.stepsHtml === undefined) throw new Error(`no derivation for ${input}`);
  return { shown: view.stepsHtml, whole: withDeferred(view.stepsHtml, view.stepsDeferred) };
}
const problemsOf = (page: Page): string[] => (page as Page & { problems: string[] }).problems;

async function typeExpression(page: Page, text: string): Promise<void> {
  await page.locator('#expr').fill('');
  await page.locator('#expr').pressSequentially(text, { delay: 15 });
}

/** axe-core's accessibility rules run on the page as it is: every violation, with where it is. */
async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  return page.evaluate(async () => {
    const { violations } = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
    return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  });
}

/** Every step of the derivation opened, as the page does it: a slice at a time, until it is no longer busy. */
async function expandAll(page: Page): Promise<void> {
  await page.locator('#expand-all').click();
  await page.waitForFunction(() => !document.getElementById('steps')!.hasAttribute('aria-busy') && document.querySelectorAll('#steps details:not([open]), #steps .deferred').length === 0);
}

/**
 * The lines each typeset formula takes: KaTeX's pieces of one run left to right along a line, and
 * one that starts left of where the one before it ended starts a new line (0 where it has no
 * pieces). Self-contained: it runs in the page.
 */
function linesOfEach(all: Element[]): number[] {
  return all.map((html) => {
    const pieces = Array.from(html.querySelectorAll(':scope > .katex-base')).map((b) => b.getBoundingClientRect());
    return pieces.reduce((lines, piece, i) => lines + (i > 0 && piece.left < pieces[i - 1]!.right - 1 ? 1 : 0), pieces.length > 0 ? 1 : 0);
  });
}

/** The answer's TeX source, from KaTeX's MathML annotation. */
const answerTex = async (page: Page): Promise<string> => (await page.locator('#answer annotation').first().textContent()) ?? '';

describe('the page in Chromium', () => {
  it('differentiates the logistic sigmoid as it is typed: σ in the answer, the rules in the steps, two curves, a verified badge', async () => {
    const page = await open(`${url}#f=x`);
    await typeExpression(page, '1/(1+e^(-x))');
    await expect.poll(() => answerTex(page)).toContain('\\sigma');
    await derivationInPlace(page);
    const answer = await page.locator('#answer .katex-html').innerText();
    expect(answer).toMatch(/σ\s*\(\s*x\s*\)/);
    expect(await answerTex(page)).toMatch(/= \\sigma\\left\(x\\right\) \\cdot \\left\(1-\\sigma\\left\(x\\right\)\\right\)$/);

    const rules = await page.locator('#steps .rule').allInnerTexts();
    expect(rules).toContain('Quotient rule');
    expect(rules).toContain('Chain rule');
    // The simplification reads as by hand: the arithmetic is one line, closed, that opens to show it.
    const simplification = page.locator('#steps .steps > .step > details > .rewrites > li > .rule, #steps .steps > .step > details > .rewrites > li.tidy > details > summary > .rule');
    expect(await simplification.allInnerTexts()).toEqual([
      'Tidy up (5 rewrites)', 'Add and subtract 1 in the numerator', 'Split into fractions', 'Cancel common factors', 'Factor out the common factor', 'Substitute the sigmoid',
    ]);
    const tidy = page.locator('#steps li.tidy > details');
    expect(await tidy.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await tidy.locator('summary').click();
    // What it holds is put in as it opens.
    await expect.poll(() => tidy.locator('.rewrites .rule').allInnerTexts()).toEqual(['Multiply by zero', 'Collect the numeric factor', 'Add the numbers', 'Collect the numeric factor', 'Add the numbers']);

    const curves = page.locator('#plot path.curve');
    await expect.poll(() => curves.count()).toBe(2);
    for (const d of await curves.evaluateAll((paths) => paths.map((p) => p.getAttribute('d') ?? ''))) {
      // One unbroken piece with many points.
      expect(d.match(/M/g)).toHaveLength(1);
      expect(d.split(/[ML]/).length).toBeGreaterThan(500);
    }
    expect(await page.locator('#plot .legend text').allTextContents()).toEqual(['f(x)', 'f′(x)']);
    await expect.poll(() => page.locator('#check').getAttribute('class')).toBe('badge verified');
    expect(await page.locator('#check').innerText()).toBe('✓ Verified numerically');
    expect(await page.locator('#check-detail').innerText()).toMatch(/^Checked at 24 points, x from −13\.1 to 11\.3: the answer agrees with the slope measured there, and every step of the derivation holds\.$/);
    await page.screenshot({ path: `${screenshots}/sigmoid.png`, fullPage: true });
    await page.locator('section.derivation').screenshot({ path: `${screenshots}/sigmoid-steps.png` });
    await page.screenshot({ path: `${screenshots}/page.png` });
    expect(problemsOf(page)).toEqual([]);
  });

  it('underlines a parse error at its exact position and says what is wrong', async () => {
    const page = await open();
    await typeExpression(page, 'x + * 2');
    const error = page.locator('#expr-error');
    await expect.poll(() => error.innerText()).toContain('column 5');
    expect(await error.innerText()).toMatch(/expected .* after '\+', found '\*'/);
    expect(await page.locator('#expr').getAttribute('aria-invalid')).toBe('true');
    const mark = page.locator('#expr-mirror mark');
    expect(await mark.innerText()).toBe('*');
    // The underline sits under the '*' of the input: 4 characters of a monospace font from the text's start.
    const [markBox, inputBox] = [await mark.boundingBox(), await page.locator('#expr').boundingBox()];
    const charWidth = markBox!.width;
    const padding = await page.locator('#expr').evaluate((e) => parseFloat(getComputedStyle(e).paddingLeft) + parseFloat(getComputedStyle(e).borderLeftWidth));
    expect(Math.abs(markBox!.x - (inputBox!.x + padding + 4 * charWidth))).toBeLessThan(2);
    await page.screenshot({ path: `${screenshots}/parse-error.png` });

    // An unclosed bracket points at the bracket; fixing the input clears the error.
    await typeExpression(page, 'sin(x');
    await expect.poll(() => error.innerText()).toContain("this '(' is never closed");
    expect(await mark.innerText()).toBe('(');
    await page.locator('#expr').press('End');
    await page.locator('#expr').press(')');
    await expect.poll(() => error.innerText()).toBe('');
    expect(await page.locator('#expr-mirror mark').count()).toBe(0);
    expect(await answerTex(page)).toContain('\\cos');
  });

  it('marks the answer as the last good input\'s while the input does not parse, and copies nothing stale', async () => {
    const page = await open(`${url}#f=x%5E3`);
    await expect.poll(() => page.locator('#check').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Copy text' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('3*x^2');
    await typeExpression(page, 'x^3 + sin(');
    await expect.poll(() => page.locator('#stale-note').isVisible()).toBe(true);
    expect(await page.locator('#stale-note').innerText()).toBe('Not the answer to what is typed: this is for the last input that could be read, x^3.');
    expect(await page.locator('#check').isVisible()).toBe(false);
    await page.evaluate(() => navigator.clipboard.writeText('unchanged'));
    await page.getByRole('button', { name: 'Copy text' }).click();
    await expect.poll(() => page.locator('#copy-status').innerText()).toMatch(/^Nothing copied: the input does not parse/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('unchanged');
    await page.locator('#expr').press('End');
    await page.locator('#expr').pressSequentially('x)');
    await expect.poll(() => page.locator('#stale-note').isVisible()).toBe(false);
    await expect.poll(() => page.locator('#check').isVisible()).toBe(true);
    expect(await answerTex(page)).toContain('\\cos');
    expect(problemsOf(page)).toEqual([]);
  });

  it('restores the whole state from a shared link', async () => {
    const page = await open();
    await typeExpression(page, 'sigmoid(w*x + b)');
    await page.locator('#variable').selectOption('w');
    await page.getByLabel('Order').fill('2');
    await page.getByLabel('Form').selectOption('factored');
    await page.getByLabel('Show f′ too').check();
    await page.getByLabel('From', { exact: true }).fill('-3');
    await expect.poll(() => page.locator('#plot path.curve').count()).toBe(3);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('range=-3');
    const link = page.url();
    const answer = await answerTex(page);
    expect(answer).toContain('\\frac{d^{2}}{dw^{2}}');

    const again = await open(link);
    expect(await again.locator('#expr').inputValue()).toBe('sigmoid(w*x + b)');
    expect(await again.locator('#variable').inputValue()).toBe('w');
    expect(await again.locator('#order').inputValue()).toBe('2');
    expect(await again.locator('#form').inputValue()).toBe('factored');
    expect(await again.locator('#from').inputValue()).toBe('-3');
    expect(await again.locator('#also-first').isChecked()).toBe(true);
    expect(await answerTex(again)).toBe(answer);
    expect(await again.locator('#plot path.curve').count()).toBe(3);
    // The other variables are there to set, for the plot.
    expect(await again.locator('#values input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).dataset.name))).toEqual(['x', 'b']);
    expect(problemsOf(again)).toEqual([]);
  });

  it('copies the derivation as an align* environment and the answer as text', async () => {
    const page = await open(`${url}#f=x%5E2*sin(x)`);
    await page.getByRole('button', { name: 'Copy derivation (align*)' }).click();
    await expect.poll(() => page.locator('#copy-status').innerText()).toContain('Copied');
    const latex = await page.evaluate(() => navigator.clipboard.readText());
    expect(latex).toMatch(/^\\begin\{align\*\}[^]*product rule[^]*\\end\{align\*\}$/);
    await page.getByRole('button', { name: 'Copy text' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('2*x*sin(x) + x^2*cos(x)');
  });

  it('stays responsive while a long derivative is worked out, and drops it for newer input', async () => {
    const page = await open();
    // sin nested 1,500 deep: a derivative of about 1,100,000 nodes, seconds of work.
    await page.locator('#expr').fill(`${'sin('.repeat(1500)}x${')'.repeat(1500)}`);
    await expect.poll(() => page.locator('#working').isVisible()).toBe(true);
    const asked = Date.now();
    await page.evaluate(() => document.title);
    expect(Date.now() - asked).toBeLessThan(250);
    await page.locator('#expr').fill('x^3');
    await expect.poll(() => answerTex(page), { timeout: 5000 }).toMatch(/= 3x\^\{2\}$/);
    expect(await page.locator('#working').isVisible()).toBe(false);
  });

  it('shows a long answer in part and downloads it whole', async () => {
    const page = await open(`${url}#f=tan(x)&n=90`);
    await expect.poll(() => page.locator('#answer-note').innerText(), { timeout: 15_000 }).toMatch(/^The answer is long/);
    expect(await answerTex(page)).toContain('\\cdots');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download answer' }).click()]);
    expect(download.suggestedFilename()).toBe('derivative.txt');
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.length).toBeGreaterThan(6000);
    expect(text).not.toContain('cdots');
    // Its first line is the answer as text, the same as Copy text gives.
    await page.getByRole('button', { name: 'Copy text' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(text.split('\n')[0]);
    expect(text.split('\n')[0]).toMatch(/^\d+\*sec\(x\)\^\d+/);
    // Typing stays quick beside it.
    await typeExpression(page, 'x^2');
    await expect.poll(() => answerTex(page), { timeout: 5000 }).toMatch(/x\^\{2\}\\right\) = 0$/);
    expect(await page.locator('#answer-note').innerText()).toBe('');
    expect(problemsOf(page)).toEqual([]);
  });

  it('checks the reader\'s own derivative, naming the mistake, and keeps it in the link', async () => {
    const page = await open(`${url}#f=sin(x%5E2)`);
    await page.getByLabel('Check my answer').fill('cos(x^2)');
    await expect.poll(() => page.locator('#mine-verdict').innerText(), { timeout: 15_000 }).toBe('✗ Yours is not correct');
    // In a sentence, in the verdict's colour, with the way to the step it went wrong at.
    const sentence = page.locator('#mine-sentence');
    expect(await sentence.innerText()).toMatch(/^Not quite: at x = [\d.]+ yours gives [-\d.]+ but the derivative is [-\d.]+\. It looks like the chain rule's inner derivative \(x²\)′ = 2x is left out — see step 1, marked in the derivation\. Go to step 1$/);
    expect(await sentence.getAttribute('class')).toBe('mine-sentence failed');
    // Coloured as errors are, not as the text around it.
    const [colour, error, text] = await sentence.evaluate((e) => {
      const probe = document.createElement('span');
      probe.style.color = 'var(--error)';
      document.body.append(probe);
      const colours = [getComputedStyle(e).color, getComputedStyle(probe).color, getComputedStyle(document.body).color];
      probe.remove();
      return colours;
    });
    expect(colour).toBe(error);
    expect(colour).not.toBe(text);
    // The command line's lines are folded away.
    expect(await page.locator('#mine-detail').isVisible()).toBe(false);
    expect(await page.locator('#mine-detail').textContent()).toContain("the chain rule's inner derivative (x²)′ = 2x is left out");
    await page.locator('section.answer').screenshot({ path: `${screenshots}/wrong-answer.png` });
    // In the derivation, the step it went wrong at, with the reader's beside the right one.
    await expect.poll(() => page.locator('#steps .yours > details > summary .mark').innerText()).toBe('your answer went wrong here');
    await derivationInPlace(page);
    expect(await page.locator('#steps .yours > details > .body > .line').first().innerText()).toMatch(/^Yours/);
    await page.getByRole('link', { name: 'Go to step 1' }).click();
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.id)).toBe('your-step');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('mine=cos');
    await page.getByLabel('Check my answer').fill('2x cos(x^2)');
    await expect.poll(() => page.locator('#mine-verdict').innerText()).toBe('✓ Yours is correct');
    expect(await page.locator('#mine-sentence').innerText()).toBe('Correct: yours is the derivative.');
    await page.getByLabel('Check my answer').fill('');
    await expect.poll(() => page.locator('#mine-verdict').isVisible()).toBe(false);
    expect(problemsOf(page)).toEqual([]);
  });

  it('fills in an example when one is chosen', async () => {
    const page = await open(`${url}#f=x&n=2`);
    await page.getByRole('button', { name: 'x^x' }).click();
    expect(await page.locator('#expr').inputValue()).toBe('x^x');
    await expect.poll(() => answerTex(page)).toContain('\\frac{d^{2}}{dx^{2}}\\left(x^{x}\\right)');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('expr');
  });

  it('reads calculator notation and pasted LaTeX in the one box, and shows how it read them', async () => {
    const page = await open(`${url}#f=x`);
    await typeExpression(page, 'sinx cos x');
    await expect.poll(() => page.locator('#reading annotation').textContent()).toBe('\\sin\\left(x\\right) \\cdot \\cos\\left(x\\right)');
    expect(await page.locator('#reading-notes').textContent()).toBe('(sinx is read as sin x)');
    await page.locator('#expr').fill('\\frac{d^2}{dx^2} \\frac{1}{1+e^{-x}}');
    await expect.poll(() => page.locator('#reading-notes').textContent()).toBe('(read as LaTeX)');
    await expect.poll(() => answerTex(page)).toContain('\\frac{d^{2}}{dx^{2}}');
    // The order comes from the input: the control shows it and waits.
    expect(await page.locator('#order').inputValue()).toBe('2');
    expect(await page.locator('#order').isDisabled()).toBe(true);
    await page.locator('#expr').fill('y = x^3');
    await expect.poll(() => answerTex(page)).toBe("y' = 3x^{2}");
    expect(await page.locator('#order').isDisabled()).toBe(false);
    expect(problemsOf(page)).toEqual([]);
  });

  it('plots the derivative of the order asked for: the curve drawn at order 5 is f⁽⁵⁾', async () => {
    const page = await open(`${url}#f=1%2F(1%2Be%5E(-x))&n=5`);
    await expect.poll(() => page.locator('#plot .legend text').allTextContents()).toEqual(['f(x)', 'f⁽⁵⁾(x)']);
    const scale = async (name: string): Promise<(pixel: number) => number> => {
      const [v0, v1, p0, p1] = (await page.locator('#plot').getAttribute(`data-${name}-scale`))!.split(' ').map(Number) as [number, number, number, number];
      return (pixel) => v0 + ((pixel - p0) / (p1 - p0)) * (v1 - v0);
    };
    const [xOf, yOf] = [await scale('x'), await scale('y')];
    const d = (await page.locator('#plot path.curve[data-curve="f⁽⁵⁾"]').getAttribute('d'))!;
    const points = [...d.matchAll(/[ML]([-\d.e]+),([-\d.e]+)/g)].map((m) => ({ x: xOf(Number(m[1])), y: yOf(Number(m[2])) }));
    expect(points.length).toBeGreaterThan(500);
    const fifth = differentiate('1/(1+exp(-x))', { order: 5 }).result;
    const [low, high] = (await page.locator('#plot').getAttribute('data-y-scale'))!.split(' ').map(Number) as [number, number];
    for (const p of points.filter((_, i) => i % 25 === 0)) {
      // Within a pixel's worth of the plot's height.
      expect(Math.abs(p.y - evaluate(fifth, { x: p.x })), `x = ${p.x}`).toBeLessThan((high - low) / 200);
    }
    expect(problemsOf(page)).toEqual([]);
  });

  it('chooses x^x\'s range from its domain and minimum, draws the tangent where pointed at, zooms, pans and resets', async () => {
    const page = await open(`${url}#f=x%5Ex`);
    await expect.poll(() => page.locator('#from').inputValue()).toBe('0');
    expect(await page.locator('#to').inputValue()).toBe('2.37');
    expect(await page.locator('#plot-note').innerText()).toContain('to show the start of the domain at x = 0 and the minimum at x ≈ 0.368');
    expect(await page.evaluate(() => location.hash)).not.toContain('range');
    const plot = page.locator('#plot');
    await plot.scrollIntoViewIfNeeded();
    const box = (await plot.boundingBox())!;
    const pixel = async (x: number): Promise<number> => {
      const [v0, v1, p0, p1] = (await plot.getAttribute('data-x-scale'))!.split(' ').map(Number) as [number, number, number, number];
      return box.x + p0 + ((x - v0) / (v1 - v0)) * (p1 - p0);
    };
    const middle = box.y + box.height / 2;
    await page.mouse.move(await pixel(0.5), middle);
    await page.mouse.move(await pixel(1), middle, { steps: 3 });
    await expect.poll(() => page.locator('#plot-readout').innerText()).toBe('At x = 1: f(x) = 1, f′(x) = 1; the tangent there is y = 1 + 1·(x − 1).');
    expect(await page.locator('#plot .tangent line').count()).toBe(1);
    await page.locator('section.plot').screenshot({ path: `${screenshots}/x-to-the-x-tangent.png` });

    // Curves told apart by dash as well as colour, in the legend too; tick numbers off the plotted area.
    const dashes = await page.locator('#plot path.curve').evaluateAll((paths) => paths.map((p) => p.getAttribute('stroke-dasharray')));
    expect(new Set(dashes).size).toBe(2);
    expect(await page.locator('#plot .legend line').evaluateAll((lines) => lines.map((l) => l.getAttribute('stroke-dasharray')))).toEqual(dashes);
    const area = await page.locator('#plot clipPath rect').evaluate((r) => r.getBoundingClientRect().toJSON() as DOMRect);
    const onArea = await page.locator('#plot .axes text').evaluateAll((texts, a) => texts.filter((t) => {
      const r = t.getBoundingClientRect();
      return r.left < a.right - 1 && r.right > a.left + 1 && r.top < a.bottom - 1 && r.bottom > a.top + 1;
    }).map((t) => t.textContent), area);
    expect(onArea).toEqual([]);

    // The wheel zooms about the pointer, into a range kept in the link; Reset goes back.
    await page.mouse.wheel(0, -300);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('range=');
    const [from, to] = [Number(await page.locator('#from').inputValue()), Number(await page.locator('#to').inputValue())];
    expect(to - from).toBeLessThan(2.37 / 1.5);
    expect(from).toBeLessThan(1);
    expect(to).toBeGreaterThan(1);
    // A drag to the left moves the range right.
    await page.mouse.move(await pixel(1), middle);
    await page.mouse.down();
    await page.mouse.move((await pixel(1)) - 150, middle, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => Number(await page.locator('#from').inputValue())).toBeGreaterThan(from + 0.1);
    await page.getByRole('button', { name: 'Reset range' }).click();
    await expect.poll(() => page.locator('#to').inputValue()).toBe('2.37');
    expect(await page.evaluate(() => location.hash)).not.toContain('range');
    // A point typed in: f, f′ and the tangent there, exact, and the tangent drawn; kept in the link.
    await page.getByLabel('Tangent at').fill('1');
    await expect.poll(() => page.locator('#at-point annotation').textContent()).toBe("f\\left(1\\right) = 1,\\quad f'\\left(1\\right) = 1,\\quad \\text{tangent: } y = x");
    await expect.poll(() => page.locator('#plot-readout').innerText()).toMatch(/^At x = 1: f\(x\) = 1, f′\(x\) = 1;/);
    expect(await page.locator('#plot .tangent line').count()).toBe(1);
    expect(await page.evaluate(() => location.hash)).toContain('at=1');
    // From the keyboard: → moves the tangent.
    await plot.focus();
    await page.keyboard.press('ArrowRight');
    const readout = await page.locator('#plot-readout').innerText();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('#plot-readout').innerText()).not.toBe(readout);
    expect(problemsOf(page)).toEqual([]);
  });

  it('zooms with a pinch and puts the tangent where tapped, on a touch screen', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${url}#f=x%5E2`);
    await page.locator('#answer .katex').first().waitFor();
    const plot = page.locator('#plot');
    await plot.scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('#to').inputValue()).toBe('3');
    const box = (await plot.boundingBox())!;
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.touchscreen.tap(cx + 40, cy);
    await expect.poll(() => page.locator('#plot-readout').innerText()).toMatch(/^At x = [\d.]+: f\(x\) = [\d.]+, f′\(x\) = [\d.]+/);
    // Two fingers moving apart: the range narrows about their middle.
    const cdp = await context.newCDPSession(page);
    const touch = async (type: 'touchStart' | 'touchMove' | 'touchEnd', spread: number): Promise<void> => {
      await cdp.send('Input.dispatchTouchEvent', {
        type, touchPoints: type === 'touchEnd' ? [] : [{ x: cx - spread, y: cy, id: 1 }, { x: cx + spread, y: cy, id: 2 }],
      });
    };
    await touch('touchStart', 30);
    for (const spread of [45, 60, 75, 90]) await touch('touchMove', spread);
    await touch('touchEnd', 90);
    await expect.poll(async () => Number(await page.locator('#to').inputValue()) - Number(await page.locator('#from').inputValue())).toBeLessThan(3);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });

  it('gives the backprop form and highlighted code for each target, and copies the code', async () => {
    const page = await open(`${url}#f=sigmoid(w*x%2Bb)`);
    await expect.poll(() => page.locator('#output-form annotation').textContent()).toBe("y' = w \\cdot y \\cdot \\left(1-y\\right)");
    expect(await page.locator('#code .hljs-keyword').first().textContent()).toBe('import');
    await page.getByLabel('Code for').selectOption('torch');
    await expect.poll(() => page.locator('#code').innerText()).toMatch(/^import torch/);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('code=torch');
    await page.getByRole('button', { name: 'Copy code' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(await page.locator('#code').innerText());
    expect(await page.locator('#code-about').innerText()).toBe('A function that returns f and its gradient by w, x, b, every part they share computed once. It imports torch.');
    expect(problemsOf(page)).toEqual([]);
  });

  it('differentiates a curve\'s equation implicitly, and shows the gradient and Hessian of a function of several variables and the Jacobian of a vector', async () => {
    const page = await open(`${url}#f=x%5E2*y`);
    await expect.poll(() => page.locator('#several').isVisible()).toBe(true);
    expect(await page.locator('#gradient annotation').textContent()).toBe('\\nabla f\\left(x, y\\right) = \\begin{pmatrix} 2x \\cdot y \\\\ x^{2} \\end{pmatrix}');
    expect(await page.locator('#hessian annotation').textContent()).toBe('H\\left(x, y\\right) = \\begin{pmatrix} 2y & 2x \\\\ 2x & 0 \\end{pmatrix}');
    await typeExpression(page, 'x^2 + y^2 = 1');
    await expect.poll(() => answerTex(page)).toBe("y' = -\\frac{x}{y}");
    expect(await page.locator('#several').isVisible()).toBe(false);
    // The curve is plotted; it has no backward pass: that section is gone, not empty.
    await expect.poll(() => page.locator('#plot-section').isVisible()).toBe(true);
    expect(await page.locator('#backprop-section').isVisible()).toBe(false);
    await expect.poll(() => page.locator('#check').innerText()).toBe('✓ Verified numerically');
    expect(await page.locator('#check-detail').innerText()).toMatch(/^Checked at \d+ points of the curve/);
    await derivationInPlace(page);
    expect(await page.locator('#steps .worked').count()).toBeGreaterThan(1);
    await page.getByRole('button', { name: 'Copy text' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe("y' = -x/y");
    // A vector of functions: its Jacobian and determinant.
    await typeExpression(page, '[x*y, x + y]');
    await expect.poll(() => answerTex(page)).toBe('J\\left(x, y\\right) = \\begin{pmatrix} y & x \\\\ 1 & 1 \\end{pmatrix},\\quad \\det J = y-x');
    await expect.poll(() => page.locator('#check').innerText()).toBe('✓ Verified numerically');
    // An equation whose left side names a function of x but whose right side is of y is a curve too.
    await typeExpression(page, 'sin(x) = cos(y)');
    await expect.poll(() => answerTex(page)).toBe("y' = -\\frac{\\cos\\left(x\\right)}{\\sin\\left(y\\right)}");
    // softmax(…) is a question the page leaves to the command line, and says so.
    await typeExpression(page, 'softmax(z1, z2)');
    await expect.poll(() => page.locator('#answer-error').innerText()).toMatch(/^softmax\(…\), log_softmax\(…\) and cross_entropy\(…\) are answered by the command line/);
    expect(problemsOf(page)).toEqual([]);
  });

  it('sets the answer in view apart while a new one is worked out, copies none of it, and can stop', async () => {
    const page = await open(`${url}#f=x%5E3`);
    await expect.poll(() => page.locator('#check').isVisible()).toBe(true);
    // sin nested 1,500 deep: seconds of work.
    await page.locator('#expr').fill(`${'sin('.repeat(1500)}x${')'.repeat(1500)}`);
    await page.evaluate(() => navigator.clipboard.writeText('unchanged'));
    await page.getByRole('button', { name: 'Copy LaTeX' }).click();
    await expect.poll(() => page.locator('#copy-status').innerText()).toMatch(/^Nothing copied: the answer in view is for what was asked before/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('unchanged');
    await expect.poll(() => page.locator('#working').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.body.classList.contains('pending'))).toBe(true);
    expect(await page.locator('#check').isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Stop' }).click();
    expect(await page.locator('#working').isVisible()).toBe(false);
    expect(await page.locator('#stale-note').innerText()).toBe('Stopped: the answer below is not for what is asked now, but for x^3.');
    await page.getByRole('button', { name: 'Copy text' }).click();
    await expect.poll(() => page.locator('#copy-status').innerText()).toBe('Nothing copied: the answer in view is not for what is asked now.');
    // Zooming the plot asks for no new answer: nothing is set apart.
    await typeExpression(page, 'x^2');
    await expect.poll(() => answerTex(page)).toMatch(/= 2x$/);
    expect(await page.evaluate(() => document.body.className)).toBe('');
    expect(problemsOf(page)).toEqual([]);
  });

  it('says what a button did beside it, and then says no more', async () => {
    const page = await open(`${url}#f=sigmoid(w*x%2Bb)`);
    await page.getByRole('button', { name: 'Copy code' }).click();
    const status = page.locator('#copy-status');
    await expect.poll(() => status.innerText()).toBe('Copied the code.');
    // In the section of the button, right under its row.
    expect(await status.evaluate((e) => e.closest('section')?.id)).toBe('backprop-section');
    expect(await status.evaluate((e) => e.previousElementSibling?.contains(document.getElementById('copy-code')))).toBe(true);
    const [button, said] = [await page.locator('#copy-code').boundingBox(), await status.boundingBox()];
    expect(said!.y - (button!.y + button!.height)).toBeLessThan(80);
    await expect.poll(() => status.innerText(), { timeout: 10_000 }).toBe('');
    await page.getByRole('button', { name: 'Copy LaTeX' }).click();
    await expect.poll(() => status.innerText()).toBe('Copied the LaTeX of the answer.');
    expect(await status.evaluate((e) => e.closest('section')?.className)).toBe('answer');
  });

  it('typesets a closed step when it is opened, and marks every formula that scrolls', async () => {
    const page = await open(`${url}#f=tan(x)&n=4`);
    // The earlier orders are closed, and hold nothing yet.
    const first = page.locator('#steps details.order').first();
    expect(await first.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await first.locator(':scope > .deferred').count()).toBe(1);
    await first.locator('summary').first().click();
    await expect.poll(() => first.locator('.katex').count()).toBeGreaterThan(3);
    expect(await first.locator(':scope > .deferred').count()).toBe(0);
    // On a phone the answer to x² sin x is wider than the screen: it breaks at its operators,
    // each line within the screen, and nothing scrolls.
    const phone = await open(`${url}#f=x%5E2*sin(x)`, { width: 320, height: 700 });
    const box = phone.locator('#answer .math').first();
    const [lines] = await box.locator('.katex-html').evaluateAll(linesOfEach);
    expect(lines).toBeGreaterThan(1);
    expect(await box.evaluate((m) => m.scrollWidth <= m.clientWidth && m.getBoundingClientRect().right <= 320)).toBe(true);
    expect(await phone.locator('#answer .scrolls, #answer .scroll-cue').count()).toBe(0);
    // A fraction whose numerator is wider than the screen cannot break: it scrolls, takes the focus, and says so.
    await typeExpression(phone, '1/(1+x^2)');
    await phone.locator('#order').fill('8');
    await expect.poll(() => answerTex(phone)).toContain('{d^{8}}');
    await expect.poll(() => box.getAttribute('class')).toContain('scrolls');
    expect(await box.getAttribute('tabindex')).toBe('0');
    expect(await phone.locator('#answer .scroll-cue').innerText()).toBe('scrolls →');
    await phone.locator('#order').fill('1');
    // A formula that fits is not marked.
    await typeExpression(phone, 'x^2');
    await expect.poll(() => answerTex(phone)).toMatch(/= 2x$/);
    await expect.poll(() => phone.locator('#answer .scrolls, #answer .scroll-cue').count()).toBe(0);
  });

  it('puts the answer on a phone\'s first screen, the examples folded away', async () => {
    const page = await open(`${url}#f=x%5E2*sin(x)`, { width: 390, height: 844 });
    expect(await page.locator('#extras').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    const answer = await page.locator('#answer').boundingBox();
    expect(answer!.y + answer!.height).toBeLessThan(844);
    await page.locator('#extras summary').click();
    expect(await page.locator('.examples button').first().isVisible()).toBe(true);
    // On a wide screen they are open.
    const wide = await open(`${url}#f=x%5E2`);
    expect(await wide.locator('#extras').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
  });

  it('prints the question, the answer, the plot and every step, without the controls', async () => {
    const page = await open(`${url}#f=x%5E2*sin(x)&n=2`);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    await page.waitForFunction(() => document.querySelectorAll('#steps details:not([open]), #steps .deferred').length === 0);
    for (const hidden of ['.examples', '#copy-answer-latex', '#expand-all', '.backprop', '#mine', 'footer']) {
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    }
    for (const shown of ['#expr', '#answer .katex', '#plot', '#steps .katex']) expect(await page.locator(shown).first().isVisible(), shown).toBe(true);
    // Nothing runs past the right margin of the page.
    const width = await page.evaluate(() => document.documentElement.clientWidth);
    const past = await page.locator('#answer .katex, #steps .katex').evaluateAll((all, w) => all.filter((k) => k.getBoundingClientRect().right > w + 1).length, width);
    expect(past).toBe(0);
    await page.screenshot({ path: `${screenshots}/print.png`, fullPage: true });
  });

  it('plots a curve\'s equation as the curve, every point drawn on it, with the tangent where the pointer is and at an x typed in', async () => {
    const page = await open(`${url}#f=x%5E2%2By%5E2%3D25`);
    const curve = page.locator('#plot path.curve');
    await expect.poll(() => curve.count()).toBe(1);
    expect(await page.locator('#plot .legend text').allTextContents()).toEqual(['x² + y² = 25']);
    expect(await page.locator('#plot').getAttribute('aria-label')).toMatch(/^Plot of the curve x² \+ y² = 25 for x from −\d+(\.\d+)? to \d+(\.\d+)?, y from .*: one piece\.$/);
    // The points drawn, read back through the plot's scales: each is on the circle.
    const points = await curve.evaluate((path) => {
      const svg = (path as SVGPathElement).ownerSVGElement!;
      const [v0, v1, p0, p1] = svg.dataset.xScale!.split(' ').map(Number) as [number, number, number, number];
      const [w0, w1, q0, q1] = svg.dataset.yScale!.split(' ').map(Number) as [number, number, number, number];
      return [...path.getAttribute('d')!.matchAll(/[ML](-?[\d.e-]+),(-?[\d.e-]+)/g)]
        .map((m) => [v0 + ((Number(m[1]) - p0) / (p1 - p0)) * (v1 - v0), w0 + ((Number(m[2]) - q0) / (q1 - q0)) * (w1 - w0)] as const);
    });
    expect(points.length).toBeGreaterThan(200);
    const worst = points.reduce((most, [x, y]) => Math.max(most, Math.abs(x * x + y * y - 25)), 0);
    expect(worst).toBeLessThan(1e-5);
    // Round: as many pixels for a unit across as up.
    const { xPerUnit, yPerUnit } = await page.locator('#plot').evaluate((svg) => {
      const [v0, v1, p0, p1] = (svg as SVGSVGElement).dataset.xScale!.split(' ').map(Number) as number[];
      const [w0, w1, q0, q1] = (svg as SVGSVGElement).dataset.yScale!.split(' ').map(Number) as number[];
      return { xPerUnit: Math.abs((p1! - p0!) / (v1! - v0!)), yPerUnit: Math.abs((q1! - q0!) / (w1! - w0!)) };
    });
    expect(yPerUnit / xPerUnit).toBeCloseTo(1, 6);

    /** The tangent drawn, read back: its point and its slope. */
    const tangent = () => page.locator('#plot g.tangent').evaluate((g) => {
      const svg = (g as SVGGElement).ownerSVGElement!;
      const [v0, v1, p0, p1] = svg.dataset.xScale!.split(' ').map(Number) as [number, number, number, number];
      const [w0, w1, q0, q1] = svg.dataset.yScale!.split(' ').map(Number) as [number, number, number, number];
      const x = (px: number): number => v0 + ((px - p0) / (p1 - p0)) * (v1 - v0);
      const y = (py: number): number => w0 + ((py - q0) / (q1 - q0)) * (w1 - w0);
      const dot = g.querySelector('circle');
      const line = g.querySelector('line');
      if (!dot || !line) return undefined;
      const at = (name: string): number => Number(line.getAttribute(name));
      return { x: x(Number(dot.getAttribute('cx'))), y: y(Number(dot.getAttribute('cy'))), slope: (y(at('y2')) - y(at('y1'))) / (x(at('x2')) - x(at('x1'))) };
    });
    // The pointer near (3, 3.5): the tangent at the nearest point of the circle, with slope −x/y.
    const box = (await page.locator('#plot').boundingBox())!;
    const pixel = await page.locator('#plot').evaluate((svg, [px, py]) => {
      const [v0, v1, p0, p1] = (svg as SVGSVGElement).dataset.xScale!.split(' ').map(Number) as number[];
      const [w0, w1, q0, q1] = (svg as SVGSVGElement).dataset.yScale!.split(' ').map(Number) as number[];
      return [p0! + ((px! - v0!) / (v1! - v0!)) * (p1! - p0!), q0! + ((py! - w0!) / (w1! - w0!)) * (q1! - q0!)];
    }, [3, 3.5]);
    await page.mouse.move(box.x + pixel[0]!, box.y + pixel[1]!);
    await expect.poll(() => page.locator('#plot-readout').innerText()).toMatch(/^At \(x, y\) = \(.+\) on the curve: y′ = −0\.\d+; the tangent there is y = /);
    const drawn = (await tangent())!;
    expect(Math.abs(drawn.x ** 2 + drawn.y ** 2 - 25)).toBeLessThan(1e-4);
    expect(drawn.y).toBeGreaterThan(3);
    expect(drawn.slope).toBeCloseTo(-drawn.x / drawn.y, 6);
    // An x typed in: the point above it on the curve, (3, 4), where y′ = −3/4.
    await page.locator('#at').fill('3');
    await expect.poll(() => page.locator('#plot-readout').innerText()).toBe('At (x, y) = (3, 4) on the curve: y′ = −0.75; the tangent there is y = 4 − 0.75·(x − 3).');
    const typed = (await tangent())!;
    expect(typed.x).toBeCloseTo(3, 6);
    expect(typed.y).toBeCloseTo(4, 6);
    expect(typed.slope).toBeCloseTo(-0.75, 6);
    await page.locator('section.plot').screenshot({ path: `${screenshots}/curve-tangent.png` });
    // Where the tangent is vertical, it says so and draws it upright.
    await page.locator('#at').fill('5');
    await expect.poll(() => page.locator('#plot-readout').innerText()).toBe('At (x, y) = (5, 0) on the curve the tangent is vertical, x = 5: y′ has no value there.');
    // The plot zooms as a function's does, and the curve is traced again for the new view.
    await page.locator('#at').fill('');
    await page.locator('#plot').focus();
    const before = await page.locator('#from').inputValue();
    await page.keyboard.press('+');
    await expect.poll(() => page.locator('#from').inputValue()).not.toBe(before);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(problemsOf(page)).toEqual([]);
  });

  it('measures the long tasks of long derivations (none should hold up the page)', async () => {
    // Timings depend on the machine and its load: they are reported, and only a freeze of seconds
    // fails. Loading the page is measured apart (it is the same for x² as for tan x); each case is
    // measured from the moment it is asked for on a page already loaded, its answer shown.
    const longest: Record<string, number> = {};
    const whenDone = (page: Page): Promise<unknown> => page.waitForFunction(() => document.querySelector('#answer .katex') && document.getElementById('working')!.hidden, null, { timeout: 60_000 });
    const measure = async (what: string, hash: string, action?: (page: Page) => Promise<void>): Promise<void> => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { longTasks: number[] };
        w.longTasks = [];
        new PerformanceObserver((list) => { for (const e of list.getEntries()) w.longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
      });
      await page.goto(`${url}#f=x%5E2`);
      await whenDone(page);
      longest['loading the page'] = Math.max(longest['loading the page'] ?? 0, Math.round(Math.max(0, ...await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks))));
      await page.evaluate(() => { (window as unknown as { longTasks: number[] }).longTasks = []; });
      // The input asked for as a link would: the answer worked out and its derivation put in place.
      const before = await page.locator('#answer').innerHTML();
      await page.evaluate((h) => { location.hash = h; }, hash);
      await page.waitForFunction((b) => document.getElementById('answer')!.innerHTML !== b && document.getElementById('working')!.hidden && !document.getElementById('steps')!.hasAttribute('aria-busy'), before, { timeout: 60_000 });
      if (action) {
        // Playwright's own script, loaded into the page the first time a locator is used there
        // (a task of 100 ms on a loaded machine), is loaded before the page's tasks are counted.
        await page.locator('#plot').isVisible();
        await page.evaluate(() => { (window as unknown as { longTasks: number[] }).longTasks = []; });
        await action(page);
      }
      // Two frames after the last change: whatever the page does in answer to it is over.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
      longest[what] = Math.round(tasks.reduce((most, t) => Math.max(most, t), 0));
      await context.close();
    };
    await measure('tan(x), order 30, shown', '#f=tan(x)&n=30');
    await measure('σ, order 20, shown', '#f=1%2F(1%2Be%5E(-x))&n=20');
    await measure('tan(x), order 20, Expand all', '#f=tan(x)&n=20', expandAll);
    await measure('tan(x), order 20, zoomed', '#f=tan(x)&n=20', async (page) => {
      await page.locator('#plot').focus();
      for (let i = 0; i < 3; i++) await page.keyboard.press('+');
      await expect.poll(() => page.locator('#from').inputValue()).not.toBe('');
      await page.waitForFunction(() => document.getElementById('working')!.hidden);
    });
    console.log(`longest tasks (ms): ${JSON.stringify(longest)}`);
    for (const [what, ms] of Object.entries(longest)) expect(ms, what).toBeLessThan(3000);
  }, 180_000);

  it('puts a long derivation in place over several tasks, marked busy and still working meanwhile, and whole in the end', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const seen = { tasks: 0, busy: false, doneTooSoon: false };
      (window as unknown as { seen: typeof seen }).seen = seen;
      // Called once for each task that changed the page: counts those that put parts of the
      // derivation in (not the cues the page adds to formulas that scroll).
      new MutationObserver((records) => {
        const steps = document.getElementById('steps');
        if (!steps) return;
        if (records.some((r) => steps.contains(r.target) && Array.from(r.addedNodes).some((n) => !(n instanceof Element && n.classList.contains('scroll-cue'))))) seen.tasks++;
        if (steps.hasAttribute('aria-busy')) seen.busy = true;
        // Work said to be over while the derivation is still coming in.
        if (steps.hasAttribute('aria-busy') && document.getElementById('working')!.hidden) seen.doneTooSoon = true;
      }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy', 'hidden'] });
    });
    await page.goto(`${url}#f=tan(x)&n=12`);
    await page.waitForFunction(() => document.querySelector('#answer .katex') && document.getElementById('working')!.hidden, null, { timeout: 60_000 });
    expect(await page.locator('#steps').getAttribute('aria-busy')).toBeNull();
    const seen = await page.evaluate(() => (window as unknown as { seen: { tasks: number; busy: boolean; doneTooSoon: boolean } }).seen);
    expect(seen.tasks).toBeGreaterThan(1);
    expect(seen.busy).toBe(true);
    expect(seen.doneTooSoon).toBe(false);
    expect(await derivationIs(page, stepsHtmlFor('tan(x)', 12).shown)).toBe(true);

    // Expand all asked for while it comes in: every step is opened once all of it is in place.
    const again = await context.newPage();
    await again.goto(`${url}#f=tan(x)&n=6`);
    await again.waitForFunction(() => document.querySelector('#steps details.order') !== null, null, { timeout: 60_000 });
    const whileBusy = await again.evaluate(() => document.getElementById('steps')!.hasAttribute('aria-busy'));
    await expandAll(again);
    expect(await derivationIs(again, stepsHtmlFor('tan(x)', 6).whole, true)).toBe(true);
    expect(await accessibilityViolations(again)).toEqual([]);
    console.log(`Expand all asked for ${whileBusy ? 'while the derivation came in' : 'once it was in'}`);
    await context.close();
  });

  it('stops a derivation being put in place when Stop is pressed, says so, and puts all of it in on request', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    // Stop is pressed the moment the answer is in and its derivation is coming in (from the page
    // itself: pressed from here, it could come after the last slice), the status saying what goes on.
    await page.addInitScript(() => {
      const w = window as unknown as { statusAtStop?: string };
      new MutationObserver((_, observer) => {
        const steps = document.getElementById('steps');
        const working = document.getElementById('working');
        if (!steps?.hasAttribute('aria-busy') || !working || working.hidden || !document.querySelector('#answer .katex')) return;
        observer.disconnect();
        w.statusAtStop = document.getElementById('working-what')!.textContent ?? '';
        document.getElementById('cancel-working')!.click();
      }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy', 'hidden'] });
    });
    await page.goto(`${url}#f=tan(x)&n=30`);
    await page.waitForFunction(() => (window as unknown as { statusAtStop?: string }).statusAtStop !== undefined, null, { timeout: 60_000 });
    expect(await page.evaluate(() => (window as unknown as { statusAtStop?: string }).statusAtStop)).toBe('Putting the derivation in place…');
    expect(await page.locator('#working').isHidden()).toBe(true);
    expect(await page.locator('#steps').getAttribute('aria-busy')).toBeNull();
    const note = page.locator('#steps .cut-short');
    expect(await note.innerText()).toContain('The rest of the derivation was stopped.');
    const partial = await page.locator('#steps li').count();
    // Nothing more comes in once stopped.
    await page.evaluate(() => new Promise((done) => setTimeout(() => requestAnimationFrame(done), 200)));
    expect(await page.locator('#steps li').count()).toBe(partial);
    expect(await accessibilityViolations(page)).toEqual([]);

    await note.getByRole('button', { name: 'Show all of it' }).click();
    await page.waitForFunction(() => !document.getElementById('steps')!.hasAttribute('aria-busy') && document.getElementById('working')!.hidden, null, { timeout: 60_000 });
    expect(await page.locator('#steps .cut-short').count()).toBe(0);
    expect(await derivationIs(page, stepsHtmlFor('tan(x)', 30).shown)).toBe(true);
    await context.close();
  });

  it('drops a derivation still being put in place when a newer answer comes', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${url}#f=tan(x)&n=30`);
    // Begun: its first orders in the page, the rest (and the steps of the last) still to come.
    await page.waitForFunction(() => document.getElementById('steps')!.hasAttribute('aria-busy') && document.querySelector('#steps details.order') !== null, null, { timeout: 60_000 });
    // Every element the earlier derivation is put into is watched, in the page or out of it once
    // replaced: nothing may be added to any of them after the newer derivation replaces it.
    await page.evaluate(() => {
      const steps = document.getElementById('steps')!;
      const w = window as unknown as { addedLater: number };
      w.addedLater = 0;
      let replaced = false;
      const observer = new MutationObserver((records) => {
        for (const r of records) {
          const added = Array.from(r.addedNodes).filter((n) => !(n instanceof Element && n.classList.contains('scroll-cue')));
          // The newer derivation (short: put in at once) takes the place of all there was.
          if (!replaced && r.target === steps && r.removedNodes.length > 0) replaced = true;
          else if (replaced) w.addedLater += added.length;
          else for (const n of added) if (n instanceof Element) observer.observe(n, { childList: true });
        }
      });
      for (const e of [steps, ...Array.from(steps.querySelectorAll('*'))]) observer.observe(e, { childList: true });
      location.hash = '#f=x%5E2';
    });
    await expect.poll(() => answerTex(page)).toMatch(/= 2x$/);
    await derivationInPlace(page);
    // A few frames on, nothing of the earlier derivation has come after it.
    for (let i = 0; i < 5; i++) await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await page.evaluate(() => (window as unknown as { addedLater: number }).addedLater)).toBe(0);
    expect(await derivationIs(page, stepsHtmlFor('x^2', 1).shown)).toBe(true);
    await context.close();
  });

  it('steps through the backward pass on the computation graph, σ′ = σ(1 − σ) from the forward value, and keeps the step in the link', async () => {
    const page = await open(`${url}#f=sigmoid(w*x%2Bb)&at.x=0.5&at.w=2&at.b=-1`);
    const status = page.locator('#graph-status');
    await expect.poll(() => status.innerText()).toBe('Forward pass at w = 2, x = 0.5, b = −1; the backward pass has 6 steps.');
    expect(await page.locator('#graph svg g.node').count()).toBe(6);
    // Each node's value is its part of the input evaluated at the point.
    const values = await page.locator('#graph svg g.node text.value').allTextContents();
    expect(values).toEqual(['2', '0.5', '−1', '1', '0', '0.5']);
    expect(await page.locator('#graph svg .adjoint').first().isVisible()).toBe(false);
    const next = page.getByRole('button', { name: 'Next step ▶' });
    await next.click();
    await next.click();
    expect(await status.innerText()).toBe('Step 2 of 6: v̄5 = v̄6·∂v6/∂v5 = 1·0.25 = 0.25');
    expect(await page.locator('#graph svg .current').getAttribute('data-node')).toBe('5');
    expect(await page.locator('#graph svg path.edge.active').getAttribute('data-edge')).toBe('6-5');
    // The local derivative of σ is written with the node's own forward value.
    expect(await page.locator('#graph-step annotation').textContent()).toContain('v_{6} \\cdot \\left(1-v_{6}\\right)');
    expect(await page.evaluate(() => location.hash)).toContain('bp=2');
    // The link restores the step.
    const again = await open(page.url());
    await expect.poll(() => again.locator('#graph-status').innerText()).toMatch(/^Step 2 of 6/);
    // The whole pass: the inputs' adjoints are the gradient.
    await page.getByRole('button', { name: 'Whole backward pass' }).click();
    expect(await next.isDisabled()).toBe(true);
    expect(await page.locator('#graph svg .adjoint').allTextContents()).toEqual(['v̄1 = 0.125', 'v̄2 = 0.5', 'v̄3 = 0.25', 'v̄4 = 0.25', 'v̄5 = 0.25', 'v̄6 = 1']);
    const gradient = ['w', 'x', 'b'].map((v) => evaluate(differentiate('sigmoid(w*x + b)', { variable: v }).result, { x: 0.5, w: 2, b: -1 }));
    expect(gradient).toEqual([0.125, 0.5, 0.25]);
    // A value typed for a variable moves the point.
    await page.locator('#graph-point input[data-name="x"]').fill('0');
    await expect.poll(() => status.innerText()).toBe('Step 6 of 6: v̄1 = v̄4·∂v4/∂v1 = 0.1966·0 = 0');
    // On a phone the graph scrolls in its own box and the page does not.
    const phone = await open(`${url}#f=-(y*log(sigmoid(w*x%2Bb))%2B(1-y)*log(1-sigmoid(w*x%2Bb)))&bp=5`, { width: 390, height: 844 });
    await expect.poll(() => phone.locator('#graph-status').innerText()).toMatch(/^Step 5 of 15/);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.locator('#graph-section').screenshot({ path: `${screenshots}/graph-phone.png` });
    await page.locator('#graph-section').screenshot({ path: `${screenshots}/graph.png` });
    expect(problemsOf(page)).toEqual([]);
  });

  it('reads the tangent\'s numbers off f and f′ evaluated, not off the samples, however far out the plot is zoomed', async () => {
    // x² sin x on [−10000, 10000]: 600 samples 33 apart, where the curve turns every 3.
    const page = await open(`${url}#f=x%5E2*sin(x)&range=-10000,10000&at=1.286`);
    const readout = page.locator('#plot-readout');
    await expect.poll(() => readout.innerText()).toMatch(/^At x = 1\.286: /);
    const [f, slope] = [1.286 ** 2 * Math.sin(1.286), 2 * 1.286 * Math.sin(1.286) + 1.286 ** 2 * Math.cos(1.286)];
    const said = /f\(x\) = (−?[\d.]+), f′\(x\) = (−?[\d.]+);/.exec(await readout.innerText())!;
    expect(Number(said[1]!.replace('−', '-'))).toBeCloseTo(f, 3);
    expect(Number(said[2]!.replace('−', '-'))).toBeCloseTo(slope, 3);
  });

  it('says when a curve is off the plot\'s scale, fits it on request, and fits f again', async () => {
    const page = await open(`${url}#f=1%2F(1%2Be%5E(-x))&n=20`);
    const fit = page.locator('#fit-curve');
    expect(await page.locator('#plot-note').innerText()).toContain('f⁽²⁰⁾(x) is off the scale of this plot');
    expect(await fit.innerText()).toBe('Fit f⁽²⁰⁾(x) in the plot');
    const ticks = (): Promise<number> => page.locator('#plot .axes text').evaluateAll((all) =>
      Math.max(...all.map((t) => Math.abs(Number((t.textContent ?? '').replace('−', '-').replace(/,/g, '')))).filter(Number.isFinite)));
    expect(await ticks()).toBeLessThan(10);
    await fit.click();
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('scale=1');
    await expect.poll(() => fit.innerText()).toBe('Fit f(x) in the plot');
    expect(await page.locator('#plot-note').innerText()).toContain('The y range is f⁽²⁰⁾\'s, fitted to it.');
    expect(await ticks()).toBeGreaterThan(1e6);
    expect(await accessibilityViolations(page)).toEqual([]);
    // Reset range goes back to f's scale, and so does the offer.
    await page.locator('#reset-range').click();
    await expect.poll(() => fit.innerText()).toBe('Fit f⁽²⁰⁾(x) in the plot');
    expect(await page.evaluate(() => location.hash)).not.toContain('scale=');
    expect(await ticks()).toBeLessThan(10);
    // A function whose curves are all in view offers nothing.
    await typeExpression(page, 'x^2');
    await expect.poll(() => fit.isHidden()).toBe(true);
  });

  it('cuts off no tick number and writes the axis name over none', async () => {
    for (const hash of ['#f=x%5E2*sin(x)&range=-10000,10000', '#f=exp(x)&range=-2,30', '#f=x%5E3&range=-3,3']) {
      const page = await open(`${url}${hash}`, { width: 390, height: 844 });
      const boxes = await page.locator('#plot .axes text').evaluateAll((all) => all.map((t) => {
        const r = (t as SVGGraphicsElement).getBoundingClientRect();
        return { text: t.textContent, name: t.classList.contains('axis-name'), left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      }));
      const plot = (await page.locator('#plot').boundingBox())!;
      for (const b of boxes) expect(b.left, `${hash}: ${b.text}`).toBeGreaterThanOrEqual(plot.x - 0.5);
      const name = boxes.find((b) => b.name)!;
      const overlapping = boxes.filter((b) => !b.name && b.left < name.right && name.left < b.right && b.top < name.bottom && name.top < b.bottom);
      expect(overlapping.map((b) => b.text), hash).toEqual([]);
      await page.context().close();
    }
  });

  it('applies every notch of the wheel, however fast they come', async () => {
    const page = await open(`${url}#f=x%5E2&range=-10,10`);
    // The wheel turns where the pointer is: over the plot, in view.
    await page.locator('#plot').scrollIntoViewIfNeeded();
    const box = (await page.locator('#plot').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    expect(await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('#plot') !== null, [box.x + box.width / 2, box.y + box.height / 2])).toBe(true);
    // Five notches in a row, before the plot can be drawn again: each zooms out by 1.2 about the middle.
    for (let i = 0; i < 5; i++) await page.mouse.wheel(0, 100);
    const widened = async (): Promise<number> => (Number(await page.locator('#to').inputValue()) - Number(await page.locator('#from').inputValue())) / 20;
    await expect.poll(widened).toBeCloseTo(1.2 ** 5, 1);
    // And it stays so once the plot is drawn again: no notch undone.
    await page.waitForFunction(() => document.getElementById('working')!.hidden);
    expect(await widened()).toBeCloseTo(1.2 ** 5, 1);
  });

  it('reads matrix notation once shapes are given: the derivative typeset, its derivation, its check and its code', async () => {
    const page = await open(`${url}#f=x%5E2`);
    await typeExpression(page, 'sigmoid(W*x + b)');
    await page.getByLabel('Shapes').fill('W=3x4, x=4, b=3');
    await expect.poll(() => answerTex(page)).toMatch(/^\\frac\{\\partial f\}\{\\partial \\mathbf\{x\}\} = \\operatorname\{diag\}/);
    await expect.poll(() => page.locator('#check').innerText()).toBe('✓ Verified numerically');
    await derivationInPlace(page);
    expect(await page.locator('#steps').innerText()).toContain('Hadamard product as diag');
    expect(await page.locator('#code').innerText()).toMatch(/^import numpy as np[^]*def f\(x, W, b\):/);
    expect(await page.locator('#plot-section').isVisible()).toBe(false);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('shape=W');
    // A product whose shapes do not match is refused where it is written.
    await typeExpression(page, 'W*b');
    await expect.poll(() => page.locator('#expr-error').innerText()).toMatch(/W \(3×4 matrix\) times b \(3-vector\)[^]*\(line 1, column 2\)$/);
    expect(problemsOf(page)).toEqual([]);
  });

  it('leaves gaps at poles', async () => {
    const page = await open(`${url}#f=tan(x)`);
    const d = await page.locator('#plot path.curve[data-curve="f"]').getAttribute('d');
    expect(d!.match(/M/g)).toHaveLength(5);
  });

  it('is usable from the keyboard, with labelled controls', async () => {
    const page = await open(`${url}#f=x%5E3`);
    for (const control of await page.locator('input, select, button').all()) {
      const name = await control.evaluate((e) => ((e as HTMLInputElement).labels?.[0]?.textContent ?? e.textContent ?? '').trim());
      expect(name, await control.evaluate((e) => e.outerHTML)).not.toBe('');
    }
    await page.locator('#expr').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('variable');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('order');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => answerTex(page)).toMatch(/= 6x$/);
    // The derivation's steps open and close with Enter.
    const first = page.locator('#steps summary').first();
    await first.focus();
    const open0 = await first.evaluate((s) => (s.parentElement as HTMLDetailsElement).open);
    await page.keyboard.press('Enter');
    expect(await first.evaluate((s) => (s.parentElement as HTMLDetailsElement).open)).toBe(!open0);
  });

  it.each([320, 390, 430])('fits a phone %i px wide at any order: no sideways scroll, unbroken equations, 44 px tap targets', async (width) => {
    for (const order of [1, 5, 100]) {
      const page = await open(`${url}#f=1%2F(1%2Be%5E(-x))&n=${order}`, { width, height: 844 });
      await expandAll(page);
      const where = `${width} px, order ${order}`;
      expect(await page.evaluate(() => document.documentElement.scrollWidth), where).toBeLessThanOrEqual(width);
      // Each equation of the derivation is one line: KaTeX's pieces of it all sit at one height
      // (the answer, shown on its own, may break at its operators).
      const pieces = await page.locator('.math:not(.display) .katex-html').evaluateAll(linesOfEach);
      expect(pieces.length, where).toBeGreaterThan(0);
      expect(pieces.filter((lines) => lines === 0), where).toEqual([]);
      expect(pieces.filter((lines) => lines > 1), where).toEqual([]);
      // Everything to tap, a checkbox by its label.
      const small = await page.locator('button, select, input:not([type="checkbox"]), label.check, summary').evaluateAll((all) => all.flatMap((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && (r.width < 44 || r.height < 44) ? [`${e.outerHTML.slice(0, 60)} ${r.width}×${r.height}`] : [];
      }));
      expect(small, where).toEqual([]);
      if (width === 390 && order === 5) {
        await page.locator('#answer-heading').evaluate((h) => h.scrollIntoView());
        await page.screenshot({ path: `${screenshots}/phone-order-5.png` });
      }
      expect(problemsOf(page), where).toEqual([]);
      await page.context().close();
    }
  });

  const accessibilityStates: [string, string, { width: number; height: number }?][] = [
    ['the sigmoid', '#f=1%2F(1%2Be%5E(-x))'],
    ['order 5 on a phone', '#f=1%2F(1%2Be%5E(-x))&n=5', { width: 390, height: 844 }],
    ['a wrong answer checked', '#f=sin(x%5E2)&mine=cos(x%5E2)'],
    ['a long answer in part', '#f=tan(x)&n=90'],
    ['several variables', '#f=sigmoid(w*x%2Bb)&by=w&f1=1&n=2'],
    ['an implicit curve', '#f=x%5E2%20%2B%20y%5E2%20%3D%201'],
    ['the backward pass on its graph', '#f=sigmoid(w*x%2Bb)&bp=3'],
    ['matrix notation', '#f=norm(sigmoid(W*x%2Bb)-y)%5E2%2F2&shape=W%3D3x4,x%3D4,b%3D3,y%3D3'],
  ];
  // axe-core reads the whole page three times in each: a few seconds each alone, many times that
  // beside the unit suite on two cores, so these wait longer than the suite's own limit.
  const axeTimeout = 180_000;
  it.each(accessibilityStates)('has no accessibility violations (axe-core) with %s, in both themes and with every step open', async (what, hash, viewport) => {
    const page = await open(`${url}${hash}`, viewport);
    await expect.poll(() => page.locator('#check').isVisible(), { timeout: 15_000 }).toBe(true);
    if (what === 'a wrong answer checked') await expect.poll(() => page.locator('#mine-verdict').isVisible()).toBe(true);
    for (const theme of ['light', 'dark']) {
      await page.getByLabel('Theme').selectOption(theme);
      expect(await accessibilityViolations(page), `${what}, ${theme}`).toEqual([]);
    }
    await expandAll(page);
    expect(await accessibilityViolations(page), `${what}, every step open`).toEqual([]);
    await page.context().close();
  }, axeTimeout);

  it('has no accessibility violations (axe-core) with a parse error, the answer before it in view', async () => {
    const page = await open(`${url}#f=1%2F(1%2Be%5E(-x))`);
    await expect.poll(() => page.locator('#check').isVisible(), { timeout: 15_000 }).toBe(true);
    await typeExpression(page, 'x + * 2');
    // Each keystroke is worked out in turn; beside the unit suite the last can come late.
    await expect.poll(() => page.locator('#stale-note').isVisible(), { timeout: 60_000 }).toBe(true);
    expect(await accessibilityViolations(page), 'a parse error, the answer before it in view').toEqual([]);
    await page.context().close();
  }, axeTimeout);

  it('fits a narrow screen and has a dark theme', async () => {
    const page = await open(`${url}#f=1%2F(1%2Be%5E(-x))`, { width: 375, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // The plot is drawn at the width it has, so its labels keep their size.
    const label = await page.locator('#plot .axes text').first().boundingBox();
    expect(label!.height).toBeGreaterThanOrEqual(12);
    await page.screenshot({ path: `${screenshots}/narrow.png`, fullPage: true });
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.getByLabel('Theme').selectOption('light');
    expect(await background()).toBe('rgb(255, 255, 255)');
    await page.getByLabel('Theme').selectOption('dark');
    expect(await background()).toBe('rgb(15, 20, 25)');
    await page.setViewportSize({ width: 1100, height: 1200 });
    await page.screenshot({ path: `${screenshots}/dark.png`, fullPage: true });
    // The choice is kept for the next visit.
    await page.reload();
    await page.locator('#answer .katex').first().waitFor();
    expect(await background()).toBe('rgb(15, 20, 25)');
  });
});
