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

describe('before the app is ready', () => {
  const site = useSite();

  /**
   * Loads `path` in `page` with the app's wasm held back until the returned `release()` is
   * called: the prerendered page is there, the app is not.
   */
  async function loadHeld(page, path) {
    let release;
    const gate = new Promise((resolve) => (release = resolve));
    await page.route('**/app-*_bg.wasm', async (route) => {
      await gate;
      await route.continue();
    });
    await page.goto(site.base + path);
    await page.waitForSelector('article mark.entity');
    return release;
  }

  /** `loadHeld` in a new page. */
  async function openHeld(path, contextOptions = {}) {
    const page = await site.newPage(contextOptions);
    return { page, release: await loadHeld(page, path) };
  }

  test('a click on a mention and on a button is made again once the app is', async () => {
    const { page, release } = await openHeld(`/en/${SLUG}/`, { viewport: { width: 1280, height: 900 } });
    // The script holds clicks on `button[type=button]`: the app writes every button so but
    // a form's own.
    const untyped = await page.evaluate(() =>
      [...document.querySelectorAll('#app button:not([type=button])')]
        .filter((b) => !b.form)
        .map((b) => b.outerHTML),
    );
    assert.deepEqual(untyped, []);
    const mark = page.locator('article mark.entity[data-type="person"]').first();
    const id = await mark.getAttribute('id');
    await page.click('[data-testid="legend-place"]');
    await mark.click();
    await page.waitForTimeout(200);
    // Nothing happens without the app: no card, the toggle as it was.
    assert.equal(await page.locator('[data-testid="entity-card"]').count(), 0);
    assert.equal(await page.getAttribute('[data-testid="legend-place"]', 'aria-pressed'), 'true');
    release();
    await page.waitForSelector('html[data-courtview="interactive"]');
    // Both clicks, in order: places are hidden, and the person's card is open.
    await page.locator('[data-testid="entity-card"]').waitFor();
    assert.equal(await page.getAttribute('mark.is-current', 'id'), id);
    assert.equal(await page.getAttribute('[data-testid="legend-place"]', 'aria-pressed'), 'false');
    site.assertNoErrors(page);
  });

  test('a mention focused from the keyboard opens its card once the app is ready', async () => {
    const { page, release } = await openHeld(`/ru/${SLUG}/`);
    const mark = page.locator('article mark.entity[data-type="org"]').first();
    const id = await mark.getAttribute('id');
    await mark.focus();
    release();
    await page.locator('[data-testid="entity-card"]').waitFor();
    assert.equal(await page.getAttribute('mark.is-current', 'id'), id);
    assert.equal(await page.evaluate(() => document.activeElement.id), id, 'focus stays');
    site.assertNoErrors(page);
  });

  test('a link works without the app and is not followed again', async () => {
    const { page, release } = await openHeld(`/kk/${SLUG}/`);
    await page.click('[data-testid="lang-ru"]');
    await page.waitForURL(`**/ru/${SLUG}/`);
    const entries = await page.evaluate(() => history.length);
    release();
    await page.waitForSelector('html[data-courtview="interactive"]');
    await page.waitForTimeout(200);
    assert.equal(new URL(page.url()).pathname, `/ru/${SLUG}/`);
    assert.equal(await page.evaluate(() => history.length), entries);
    site.assertNoErrors(page);
  });

  test('clicked twice is asked once; a toggle a saved choice turned already is left', async () => {
    // An earlier visit hid places: the page is written with them shown (the defaults) until
    // the app applies the reader's choice as it becomes interactive.
    const page = await site.open(`/en/${SLUG}/`, { viewport: { width: 1280, height: 900 } });
    await page.click('[data-testid="legend-place"]');
    await page.waitForSelector('[data-testid="legend-place"][aria-pressed="false"]');
    const release = await loadHeld(page, `/en/${SLUG}/`);
    // The reader sees places shown and hides them; clicks the switch twice, to turn
    // highlighting off, since the first click did nothing.
    assert.equal(await page.getAttribute('[data-testid="legend-place"]', 'aria-pressed'), 'true');
    await page.click('[data-testid="legend-place"]');
    await page.click('[data-testid="highlight-toggle"]');
    await page.click('[data-testid="highlight-toggle"]');
    release();
    await page.waitForSelector('html[data-courtview="interactive"]', { state: 'attached' });
    await page.waitForSelector('[data-testid="highlight-toggle"][aria-pressed="false"]');
    await page.waitForTimeout(300);
    assert.equal(await page.getAttribute('[data-testid="highlight-toggle"]', 'aria-pressed'), 'false');
    assert.equal(await page.getAttribute('[data-testid="legend-place"]', 'aria-pressed'), 'false');
    site.assertNoErrors(page);
  });

  test('a click while the page hydrates is made once', async () => {
    const page = await site.newPage({ viewport: { width: 1280, height: 900 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(`${site.base}/en/${SLUG}/`, { waitUntil: 'commit' });
    await page.waitForFunction(() => performance.getEntriesByName('courtview:hydrating').length > 0);
    // Lands during the hydration or just after it: either way, one turn.
    await page.click('[data-testid="legend-person"]');
    await page.waitForSelector('html[data-courtview="interactive"]', { state: 'attached' });
    await page.waitForSelector('[data-testid="legend-person"][aria-pressed="false"]');
    await page.waitForTimeout(300);
    assert.equal(await page.getAttribute('[data-testid="legend-person"]', 'aria-pressed'), 'false');
    site.assertNoErrors(page);
  });
});
