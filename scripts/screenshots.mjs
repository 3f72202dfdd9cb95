// The README's screenshots of the page, taken again from the built page (npm run build:web first):
//   node scripts/screenshots.mjs [name ...]
// Each is a state of the page reached as a reader would (a link, then what is typed or pressed),
// and a picture of one part of it. Chromium is Debian's (see .ci/run).
import { preview } from 'vite';
import { chromium } from 'playwright-core';

const desktop = { width: 1100, height: 1200 };
const phone = { width: 390, height: 844 };

/** Waits until the page has done its work: the answer shown, nothing still being worked on or put in place. */
const settled = (page) => page.waitForFunction(() => document.querySelector('#answer .katex')
  && document.getElementById('working').hidden && !document.getElementById('steps').hasAttribute('aria-busy'), null, { timeout: 60_000 });

const section = (page, inside) => page.locator(inside).locator('xpath=ancestor-or-self::section[1]');

const shots = {
  page: { hash: '#f=1%2F(1%2Be%5E(-x))', viewport: desktop, take: (page) => page },
  'wrong-answer': {
    hash: '#f=sin(x%5E2)',
    viewport: desktop,
    act: async (page) => {
      await page.locator('#mine').fill('cos(x^2)');
      await page.locator('#mine-verdict:not([hidden])').waitFor();
      await settled(page);
    },
    take: (page) => section(page, '#answer'),
  },
  'sigmoid-steps': { hash: '#f=1%2F(1%2Be%5E(-x))', viewport: desktop, take: (page) => section(page, '#steps') },
  'curve-tangent': {
    hash: '#f=x%5E2%2By%5E2%3D25',
    viewport: desktop,
    act: async (page) => {
      await page.locator('#at').fill('3');
      await page.locator('#plot g.tangent').waitFor();
      await settled(page);
    },
    take: (page) => section(page, '#plot'),
  },
  'x-to-the-x-tangent': { hash: '#f=x%5Ex&at=1', viewport: desktop, take: (page) => section(page, '#plot') },
  'phone-order-5': {
    hash: '#f=1%2F(1%2Be%5E(-x))&n=5',
    viewport: phone,
    act: (page) => page.locator('#answer').scrollIntoViewIfNeeded(),
    take: (page) => page,
  },
  'backprop-graph': { hash: '#f=sigmoid(w*x%2Bb)&at.w=2&at.x=0.5&at.b=-1&bp=2', viewport: desktop, take: (page) => page.locator('#graph-section') },
};

const server = await preview({ configFile: 'web/vite.config.ts', preview: { port: 4199, strictPort: false }, logLevel: 'warn' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const names = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(shots);
  for (const name of names) {
    const shot = shots[name];
    if (!shot) throw new Error(`no screenshot called ${name}: ${Object.keys(shots).join(', ')}`);
    const context = await browser.newContext({ viewport: shot.viewport, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${server.resolvedUrls.local[0]}${shot.hash}`);
    await settled(page);
    await shot.act?.(page);
    await page.evaluate(() => document.fonts.ready);
    const path = `docs/${name}.png`;
    await shot.take(page).screenshot({ path });
    console.log(path);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
