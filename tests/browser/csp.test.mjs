// The built site under the strict Content-Security-Policy of issue 6, sent as a header: every
// page works fully (hydrated, highlights, cards, language switch) and the browser reports no
// `securitypolicyviolation`. In `cargo xtask test` the header comes from nginx running
// deploy/nginx.conf (COURTVIEW_SERVER); run by hand, the test's own server sends the same one.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

import { CHROMIUM, CHROMIUM_ARGS, DIST, LANGS, SERVER, SLUG, TIMEOUT_MS, isDocument404, waitForPath } from './harness.mjs';
import { startServer } from './server.mjs';

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; " +
  "base-uri 'none'; frame-ancestors *";

describe('strict CSP', () => {
  let server;
  let browser;
  before(async () => {
    server = SERVER
      ? { url: SERVER, close: async () => {} }
      : await startServer(DIST, { headers: { 'Content-Security-Policy': CSP } });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A page that records every CSP violation and error. */
  async function open(path) {
    const context = await browser.newContext();
    context.setDefaultTimeout(TIMEOUT_MS);
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && !isDocument404(m, page) && problems.push(`console.error: ${m.text()}`));
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__violations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
      );
    });
    await page.goto(server.url + path);
    return { page, problems, context };
  }

  test('the page is served with exactly this policy', async () => {
    const res = await fetch(`${server.url}/kk/${SLUG}/`);
    assert.equal(res.headers.get('content-security-policy'), CSP);
  });

  for (const path of [...LANGS.map((l) => `/${l}/${SLUG}/`), '/kk/', '/', '/404.html', '/kk/no-such-article/']) {
    test(`${path} runs with no violation`, async () => {
      const { page, problems, context } = await open(path);
      await page.waitForSelector('html[data-courtview="interactive"]');
      if (path.includes(SLUG)) {
        await page.focus('mark.entity');
        await page.waitForSelector('[data-testid="entity-card"]');
        await page.keyboard.press('Escape');
        await page.click('[data-testid="legend-place"]');
        const other = path.startsWith('/ru/') ? 'en' : 'ru';
        await page.click(`[data-testid="lang-${other}"]`);
        await waitForPath(page, `/${other}/${SLUG}/`);
      }
      await page.evaluate(() => document.fonts.ready);
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
