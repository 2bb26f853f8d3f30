// Paragraph links and sharing (issue 16): each paragraph of an article ends with a link to
// itself, which copies the paragraph's address (the article's canonical address and `#p-<n>`)
// and says so to screen readers; without the app it is a plain link to `#p-<n>`. The article's
// share button opens the system's share sheet where the browser has one, else copies the link.
// No third-party script or request either way.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { SLUG, screenshot, useSite } from './harness.mjs';

/** Chromium lets the page write and the test read the clipboard. */
const CLIPBOARD = { permissions: ['clipboard-read', 'clipboard-write'] };

describe('paragraph links and sharing', () => {
  const site = useSite();

  test('a paragraph’s link copies its address and announces it; the text is unchanged', async () => {
    const page = await site.open(`/ru/${SLUG}/`, { ...CLIPBOARD, viewport: { width: 375, height: 800 } });
    await page.waitForSelector('html[data-courtview="interactive"]');
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    const paragraphs = await page.locator('article p[id^="p-"]').count();
    assert.equal(await page.locator('article p[id^="p-"] > [data-testid="paragraph-link"]').count(), paragraphs);
    const link = page.locator('#p-3 > [data-testid="paragraph-link"]');
    assert.equal(await link.getAttribute('href'), '#p-3');
    assert.equal(await link.getAttribute('aria-label'), 'Скопировать ссылку на абзац 3');
    assert.equal(await link.textContent(), '', 'the paragraph’s text is the article’s');
    await link.click();
    await page.waitForFunction(() => document.querySelector('[data-testid="link-status"]').textContent !== '');
    const canonical = await page.getAttribute('link[rel=canonical]', 'href');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${canonical}#p-3`);
    assert.equal(await page.textContent('[data-testid="link-status"]'), 'Ссылка скопирована в буфер обмена.');
    assert.equal(await page.getAttribute('[data-testid="link-status"]', 'role'), 'status');
    await screenshot(page, 'paragraph-link-copied-ru-375');
    assert.equal(new URL(page.url()).pathname, `/ru/${SLUG}/`, 'the reader stays where they are');
    assert.deepEqual(requests.filter((u) => !u.startsWith(site.base)), [], 'nothing from elsewhere');
    // The message goes after a few seconds.
    await page.waitForFunction(() => document.querySelector('[data-testid="link-status"]').textContent === '', null, { timeout: 8000 });
    site.assertNoErrors(page);
  });

  test('without JavaScript a paragraph’s link is a plain link to it', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    await page.goto(`${site.base}/kk/${SLUG}/`);
    await page.click('#p-4 > [data-testid="paragraph-link"]');
    assert.equal(new URL(page.url()).hash, '#p-4');
  });

  test('share: the system’s sheet where there is one, else the link is copied', async () => {
    const page = await site.newPage(CLIPBOARD);
    await page.addInitScript(() => {
      window.__shared = [];
      navigator.share = (data) => {
        window.__shared.push(data);
        return Promise.resolve();
      };
    });
    await page.goto(`${site.base}/en/${SLUG}/`);
    await page.waitForSelector('html[data-courtview="interactive"]');
    await page.click('[data-testid="share-button"]');
    await page.waitForFunction(() => window.__shared.length === 1);
    const canonical = await page.getAttribute('link[rel=canonical]', 'href');
    const [shared] = await page.evaluate(() => window.__shared);
    assert.deepEqual(shared, { title: await page.textContent('h1'), url: canonical });
    assert.equal(await page.textContent('[data-testid="link-status"]'), '', 'the sheet said it all');

    const plain = await site.newPage(CLIPBOARD);
    await plain.addInitScript(() => {
      delete Navigator.prototype.share;
    });
    await plain.goto(`${site.base}/kk/${SLUG}/`);
    await plain.waitForSelector('html[data-courtview="interactive"]');
    await plain.click('[data-testid="share-button"]');
    await plain.waitForFunction(() => document.querySelector('[data-testid="link-status"]').textContent !== '');
    assert.equal(await plain.evaluate(() => navigator.clipboard.readText()), await plain.getAttribute('link[rel=canonical]', 'href'));
    assert.equal(await plain.textContent('[data-testid="link-status"]'), 'Сілтеме алмасу буферіне көшірілді.');
    site.assertNoErrors(page);
    site.assertNoErrors(plain);
  });
});
