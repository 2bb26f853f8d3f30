// Routes: `/` picks a language (saved choice, else the browser's, else kk), the article
// list, and the not-found page for unknown slugs and languages.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { LANGS, SLUG, useSite, waitForPath } from './harness.mjs';

/** A browser context whose languages are `locale` (navigator.languages and Accept-Language). */
function localeContext(locale, acceptLanguage) {
  return { locale, extraHTTPHeaders: { 'Accept-Language': acceptLanguage } };
}

describe('routing', () => {
  const site = useSite();

  test('/ with a Russian browser lands on /ru/', async () => {
    const page = await site.newPage(localeContext('ru-RU', 'ru-RU,ru;q=0.9'));
    await page.goto(`${site.base}/`);
    await waitForPath(page, '/ru/');
    await page.waitForSelector('[data-testid="article-list"]');
    assert.equal(await page.getAttribute('html', 'lang'), 'ru');
    site.assertNoErrors(page);
  });

  test('/ with an English browser lands on /en/', async () => {
    const page = await site.newPage(localeContext('en-US', 'en-US,en;q=0.9'));
    await page.goto(`${site.base}/`);
    await waitForPath(page, '/en/');
    await page.waitForSelector('[data-testid="article-list"]');
    site.assertNoErrors(page);
  });

  test('/ with no supported browser language lands on /kk/', async () => {
    const page = await site.newPage(localeContext('de-DE', 'de-DE,de;q=0.9'));
    await page.goto(`${site.base}/`);
    await waitForPath(page, '/kk/');
    await page.waitForSelector('[data-testid="article-list"]');
    assert.equal(await page.getAttribute('html', 'lang'), 'kk');
    site.assertNoErrors(page);
  });

  test('/ replaces itself in history (Back does not return to /)', async () => {
    const page = await site.newPage(localeContext('ru-RU', 'ru-RU,ru;q=0.9'));
    // The blank start page is one entry; loading / adds one, and a replace adds none.
    const before = await page.evaluate(() => window.history.length);
    await page.goto(`${site.base}/`);
    await waitForPath(page, '/ru/');
    assert.equal(await page.evaluate(() => window.history.length), before + 1);
    site.assertNoErrors(page);
  });

  test('a saved choice beats the browser language', async () => {
    // Russian browser, but the reader picks English once.
    const page = await site.newPage(localeContext('ru-RU', 'ru-RU,ru;q=0.9'));
    await page.goto(`${site.base}/ru/${SLUG}/`);
    // The app saves the choice: a click before it runs is a plain link, and the English page
    // saves it only once its own app runs, which the visit to / below could outrun.
    await page.waitForSelector('html[data-courtview="interactive"]', { state: 'attached' });
    await page.click('[data-testid="lang-en"]');
    await page.waitForSelector('article[lang="en"]');
    await waitForPath(page, `/en/${SLUG}/`);

    await page.goto(`${site.base}/`);
    await waitForPath(page, '/en/');
    await page.waitForSelector('[data-testid="article-list"]');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    site.assertNoErrors(page);
  });

  for (const urlPath of [`/kk/no-such-article/`, '/xx/']) {
    test(`${urlPath} shows the not-found page with the language switcher`, async () => {
      const page = await site.open(urlPath);
      await page.waitForSelector('[data-testid="not-found"]');
      assert.equal(await page.$('article[lang]'), null);
      for (const lang of LANGS) {
        assert.ok(await page.$(`a[data-testid="lang-${lang}"]`), `lang-${lang} link`);
      }
      site.assertNoErrors(page);
    });
  }

  test('the article list /en/ links to the first article, and the link loads its page', async () => {
    const page = await site.open('/en/');
    await page.waitForSelector('[data-testid="article-list"] [data-testid="article-card"]');
    assert.ok((await page.$$('[data-testid="article-card"]')).length >= 1);
    // The card may be the link itself or hold one.
    const link = page
      .locator(
        `[data-testid="article-card"] a[href$="/en/${SLUG}/"], a[data-testid="article-card"][href$="/en/${SLUG}/"]`,
      )
      .first();
    assert.equal(await link.count(), 1, 'a card links to the article');
    for (const lang of LANGS) {
      assert.ok(await page.$(`a[data-testid="lang-${lang}"]`), `lang-${lang} link`);
    }
    // The article's page is loaded, as written by the site generator with its own data: the
    // list does not hold the data of the articles it lists.
    await link.click();
    await waitForPath(page, `/en/${SLUG}/`);
    await page.waitForSelector('article[lang="en"]');
    await page.waitForSelector('html[data-courtview="interactive"]');
    site.assertNoErrors(page);
  });
});
