// When the WebAssembly does not arrive (blocked, network error, a browser without it), the
// prerendered article stays readable and a notice in the page's language says interactive
// features are unavailable (static/fallback.js shows it). When the app runs, the notice stays
// hidden.
//
// These run the fallback script as the site generator wrote it: called with the notice's id
// and the <html> attribute the page and the app use (src/markup.rs), so the notice showing is
// what proves the names agree. Without the script, nothing shows it.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { SLUG, useSite } from './harness.mjs';

describe('when the app cannot start', () => {
  const site = useSite();

  /** Opens `path` with `prepare(page)` applied first; errors are expected here, not tracked. */
  async function open(path, prepare) {
    const context = await site.browser.newContext();
    site.contexts.push(context);
    const page = await context.newPage();
    await prepare(page);
    await page.goto(site.base + path);
    return page;
  }

  test('the wasm is blocked: the article stays, the notice says why, in Russian', async () => {
    const page = await open(`/ru/${SLUG}/`, (p) => p.route('**/*.wasm', (r) => r.abort()));
    await page.waitForSelector('#cv-offline:not([hidden])');
    assert.equal(await page.getAttribute('html', 'data-courtview'), 'failed');
    assert.match(await page.textContent('#cv-offline'), /Интерактивные функции недоступны/);
    assert.ok((await page.$$('article p[id^="p-"]')).length >= 8, 'the text is all there');
    assert.ok((await page.$$('article mark.entity')).length > 10, 'highlights from the prerender');
  });

  test('the start-up script fails to load: the notice in Kazakh', async () => {
    const page = await open(`/kk/${SLUG}/`, (p) => p.route('**/app-*.js', (r) => r.abort()));
    await page.waitForSelector('#cv-offline:not([hidden])');
    assert.match(await page.textContent('#cv-offline'), /Интерактивті мүмкіндіктер қолжетімсіз/);
  });

  test('a browser without WebAssembly gets the notice', async () => {
    const page = await open(`/en/${SLUG}/`, (p) => p.addInitScript(() => delete window.WebAssembly));
    await page.waitForSelector('#cv-offline:not([hidden])');
    assert.match(await page.textContent('#cv-offline'), /Interactive features are unavailable/);
  });

  test('without the fallback script the notice stays hidden: the script is what shows it', async () => {
    const page = await open(`/ru/${SLUG}/`, async (p) => {
      await p.route('**/*.wasm', (r) => r.abort());
      await p.route('**/fallback-*.js', (r) => r.abort());
    });
    await page.waitForLoadState('load');
    // The app's start-up fails at once without its wasm; give its rejection time to land.
    await page.waitForTimeout(500);
    assert.equal(await page.locator('#cv-offline').count(), 1, 'the page carries the notice');
    assert.equal(await page.isVisible('#cv-offline'), false);
    assert.equal(await page.getAttribute('html', 'data-courtview'), null);
  });

  test('when the app runs, the notice stays hidden', async () => {
    const page = await site.open(`/en/${SLUG}/`);
    await page.waitForSelector('html[data-courtview="interactive"]');
    assert.equal(await page.isVisible('#cv-offline'), false);
    site.assertNoErrors(page);
  });
});
