// The "Embed" button and dialog on an article: an accessible modal (labelled, focus kept
// inside, Escape closes, focus returns), snippets built from the reader's choices, a live
// preview, copying with a spoken status (and a clear message where there is no clipboard),
// and the pasted loader snippet working on another origin exactly like the iframe snippet.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { SLUG, until, useSite } from './harness.mjs';
import { startServer } from './server.mjs';

const DIALOG = '[data-testid="embed-dialog"]';

/** Opens the article and its embed dialog. */
async function openDialog(site, urlPath, contextOptions = {}) {
  const page = await site.open(urlPath, { viewport: { width: 1280, height: 900 }, ...contextOptions });
  await page.waitForSelector('article mark.entity');
  // The prerendered button does nothing until the app has taken the page over: under a busy
  // machine (the whole suite at once) a click before that was lost.
  await page.waitForSelector('html[data-courtview="interactive"]');
  await page.click('[data-testid="embed-button"]');
  await page.waitForSelector(`${DIALOG}[open]`);
  return page;
}

/** The `src` of the iframe in the iframe snippet. */
async function snippetSrc(page) {
  const html = await page.inputValue('[data-testid="embed-snippet-iframe"]');
  const src = html.match(/src="([^"]+)"/)[1];
  return src.replaceAll('&amp;', '&');
}

describe('embed dialog', () => {
  const site = useSite();
  let partner;
  let partnerDir;

  before(async () => {
    partnerDir = await mkdtemp(path.join(os.tmpdir(), 'courtview-dialog-partner-'));
    await writeFile(path.join(partnerDir, 'index.html'), '<!doctype html><title>partner</title>');
    await writeFile(path.join(partnerDir, 'favicon.ico'), '');
    partner = await startServer(partnerDir);
  });

  after(async () => {
    await partner?.close();
    if (partnerDir) await rm(partnerDir, { recursive: true, force: true });
  });

  test('is a labelled modal that keeps focus and gives it back', async () => {
    const page = await openDialog(site, `/ru/${SLUG}/`);
    const dialog = page.getByRole('dialog');
    assert.equal(await dialog.count(), 1);
    assert.equal(await dialog.getAttribute('aria-modal'), 'true');
    const labelledBy = await dialog.getAttribute('aria-labelledby');
    assert.equal((await page.textContent(`#${labelledBy}`)).trim(), 'Встроить статью на сайт');
    const inside = () => page.evaluate(() => !!document.activeElement?.closest('dialog'));
    assert.ok(await inside(), 'focus moved into the dialog');
    for (const key of ['Tab', 'Shift+Tab']) {
      for (let i = 0; i < 25; i++) {
        await page.keyboard.press(key);
        assert.ok(await inside(), `focus left the dialog after ${i + 1} × ${key}`);
      }
    }
    // The page behind is inert: even a script cannot focus its language switcher.
    const behind = await page.evaluate(() => {
      const link = document.querySelector('[data-testid="lang-en"]');
      link.focus();
      return document.activeElement === link;
    });
    assert.equal(behind, false, 'the page behind the dialog is inert');
    await page.keyboard.press('Escape');
    await page.waitForSelector(DIALOG, { state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'embed-button');

    // The close button closes it too, and focus returns the same way.
    await page.click('[data-testid="embed-button"]');
    await page.waitForSelector(`${DIALOG}[open]`);
    await page.click('[data-testid="embed-close"]');
    await page.waitForSelector(DIALOG, { state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'embed-button');
    site.assertNoErrors(page);
  });

  test('starts from the reader’s choices and rebuilds both snippets and the preview', async () => {
    const page = await site.open(`/en/${SLUG}/#p-2`, { viewport: { width: 1280, height: 900 } });
    await page.waitForSelector('article mark.entity');
    await page.click('[data-testid="legend-date"]'); // the reader hides dates
    await page.click('[data-testid="embed-button"]');
    await page.waitForSelector(`${DIALOG}[open]`);
    assert.equal(await page.isChecked('[data-testid="embed-lang-en"]'), true);
    assert.equal(await page.isChecked('[data-testid="embed-type-date"]'), false);
    assert.equal(await page.isChecked('[data-testid="embed-type-person"]'), true);
    assert.equal(await page.inputValue('[data-testid="embed-paragraph"]'), '2');
    assert.equal(await page.isChecked('[data-testid="embed-theme-light"]'), true);
    const base = site.base;
    assert.equal(await snippetSrc(page), `${base}/embed/en/${SLUG}/?types=person,org,place,event&p=2`);

    await page.check('[data-testid="embed-lang-kk"]');
    await page.check('[data-testid="embed-theme-dark"]');
    await page.check('[data-testid="embed-type-date"]');
    await page.uncheck('[data-testid="embed-type-place"]');
    await page.selectOption('[data-testid="embed-paragraph"]', '4');
    const want = `${base}/embed/kk/${SLUG}/?types=person,org,event,date&theme=dark&p=4`;
    await until(page, 'the snippets follow the choices', (w) => {
      const t = document.querySelector('[data-testid="embed-snippet-iframe"]').value;
      return t.includes(w.replaceAll('&', '&amp;'));
    }, want);
    const loader = await page.inputValue('[data-testid="embed-snippet-loader"]');
    assert.ok(loader.startsWith(`<script src="${base}/embed.js" defer></script>`), loader);
    assert.match(loader, /<courtview-article article="iaca-2025-dubai" lang="kk" types="person,org,event,date" theme="dark" p="4">/);
    assert.match(loader, new RegExp(`<a href="${base}/kk/${SLUG}/#p-4">[^<]*ХСӘҚ[^<]*</a>`));
    const iframe = await page.inputValue('[data-testid="embed-snippet-iframe"]');
    assert.match(iframe, /title="[^"]*ХСӘҚ[^"]*" lang="kk"/, 'titled in the embed’s language');
    assert.match(iframe, /sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"/);

    // The live preview shows exactly the snippet's page.
    const preview = page.locator('[data-testid="embed-preview"]');
    assert.equal(await preview.getAttribute('src'), want);
    const frame = await (await preview.elementHandle()).contentFrame();
    await frame.waitForSelector('article[lang="kk"]');
    await until(page, 'the preview loaded', () => true);
    assert.equal(await frame.getAttribute('html', 'data-theme'), 'dark');
    site.assertNoErrors(page);
  });

  test('copies a snippet and says so', async () => {
    const page = await openDialog(site, `/kk/${SLUG}/`);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.base });
    await page.click('[data-testid="embed-copy-iframe"]');
    const status = page.locator('[data-testid="embed-copy-status"]');
    await until(page, 'the status says copied', () =>
      document.querySelector('[data-testid="embed-copy-status"]').textContent.includes('көшірілді'),
    );
    assert.equal(await status.getAttribute('role'), 'status');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, await page.inputValue('[data-testid="embed-snippet-iframe"]'));
    // A new choice clears the stale status.
    await page.check('[data-testid="embed-theme-auto"]');
    await until(page, 'the status is cleared', () =>
      document.querySelector('[data-testid="embed-copy-status"]').textContent === '',
    );
    site.assertNoErrors(page);
  });

  test('says so when the browser has no clipboard', async () => {
    const page = await site.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
    });
    await page.goto(`${site.base}/en/${SLUG}/`);
    await page.waitForSelector('article mark.entity');
    await page.click('[data-testid="embed-button"]');
    await page.click('[data-testid="embed-copy-loader"]');
    await until(page, 'the status explains', () =>
      document.querySelector('[data-testid="embed-copy-status"]').textContent.includes('select the code'),
    );
    site.assertNoErrors(page);
  });

  test('the pasted loader snippet makes the same iframe as the iframe snippet', async () => {
    const page = await openDialog(site, `/ru/${SLUG}/`);
    await page.uncheck('[data-testid="embed-type-org"]');
    await page.check('[data-testid="embed-theme-auto"]');
    await page.uncheck('[data-testid="embed-highlight"]');
    const loader = await page.inputValue('[data-testid="embed-snippet-loader"]');
    const src = await snippetSrc(page);
    assert.match(src, /highlight=0/);
    await writeFile(
      path.join(partnerDir, 'pasted.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>pasted</title></head><body>${loader}</body></html>`,
    );
    const host = await site.newPage();
    await host.goto(`${partner.url}/pasted.html`);
    const iframe = host.locator('courtview-article iframe');
    await iframe.waitFor({ state: 'attached' });
    assert.equal(await iframe.evaluate((f) => f.src), src);
    site.assertNoErrors(page);
    site.assertNoErrors(host);
  });
});
