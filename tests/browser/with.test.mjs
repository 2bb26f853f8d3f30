// Two languages side by side (issue 16): `?with=<lang>` shows a second language beside the
// article, paragraph n beside paragraph n, each pair starting at the same height on wide
// screens and the translation under its paragraph on phones; `lang` on each column; the
// highlights and an open card in both; the choice from the display menu, kept by a reload and
// by the language switch (the two columns trade places), and in the embed view; odd values
// and a translation that cannot be had degrade to the one column.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { SLUG, until, useSite } from './harness.mjs';

/** The first article has this many paragraphs in every language. */
const PARAGRAPHS = 8;

const WIDE = { viewport: { width: 1280, height: 900 } };
const PHONE = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true };

/** Waits until the app runs and shows the second column in `lang`. */
async function besideReady(page, lang) {
  await until(page, 'the app is awake', () => document.documentElement.dataset.courtview === 'interactive');
  await until(page, `a column in ${lang}`, (l) => document.querySelector(`article .cv-pair__with[lang="${l}"] p`), lang);
}

/** Each pair's two paragraphs: ids, languages and tops. */
function pairs(page) {
  return page.$$eval('article.cv-prose--with .cv-pair', (rows) =>
    rows.map((row) => {
      const own = row.querySelector('.cv-pair__own p');
      const other = row.querySelector('.cv-pair__with p');
      return {
        own: own?.id,
        other: other?.id,
        lang: row.querySelector('.cv-pair__with').lang,
        ownTop: own?.getBoundingClientRect().top,
        otherTop: other?.getBoundingClientRect().top,
        ownLeft: own?.getBoundingClientRect().left,
        otherLeft: other?.getBoundingClientRect().left,
      };
    }),
  );
}

describe('two languages side by side', () => {
  const site = useSite();

  test('wide: paragraph n beside paragraph n, at the same height, lang on each column', async () => {
    const page = await site.open(`/ru/${SLUG}/?with=en`, WIDE);
    await besideReady(page, 'en');
    assert.equal(await page.getAttribute('article.cv-prose', 'lang'), 'ru');
    const rows = (await pairs(page)).filter((r) => r.own);
    assert.equal(rows.length, PARAGRAPHS);
    rows.forEach((r, i) => {
      assert.equal(r.own, `p-${i + 1}`);
      assert.equal(r.other, `en-p-${i + 1}`, 'the second column has its own ids');
      assert.equal(r.lang, 'en');
      assert.ok(Math.abs(r.ownTop - r.otherTop) < 1, `pair ${i + 1} starts at one height: ${r.ownTop} / ${r.otherTop}`);
      assert.ok(r.otherLeft > r.ownLeft + 200, `pair ${i + 1}: the translation is to the right`);
    });
    // The Russian text and the English text.
    assert.match(await page.textContent('#p-1'), /[а-я]/);
    assert.match(await page.textContent('#en-p-1'), /[a-z]/);
    assert.doesNotMatch(await page.textContent('#en-p-1'), /[а-я]/);
    // Ids stay unique.
    const dupes = await page.$$eval('[id]', (els) => {
      const seen = new Set();
      return els.map((e) => e.id).filter((id) => seen.has(id) || !seen.add(id));
    });
    assert.deepEqual(dupes, []);
    // Highlights in both, and types hidden in the legend hidden in both.
    assert.ok((await page.locator('.cv-pair__own mark.entity').count()) > 0);
    assert.ok((await page.locator('.cv-pair__with mark.entity').count()) > 0);
    site.assertNoErrors(page);
  });

  test('a card marks the mention in both columns; the second column opens cards too', async () => {
    const page = await site.open(`/ru/${SLUG}/?with=kk`, WIDE);
    await besideReady(page, 'kk');
    const first = page.locator('.cv-pair__own mark.entity').first();
    const entity = await first.getAttribute('data-entity');
    await first.click();
    await page.waitForSelector('[data-testid="entity-card"]');
    await until(page, 'both columns mark the entity', (id) =>
      document.querySelector(`.cv-pair__own mark.is-current[data-entity="${id}"]`) &&
      document.querySelector(`.cv-pair__with mark.is-current[data-entity="${id}"]`), entity);
    // A mention in the second column opens its card.
    const other = page.locator('.cv-pair__with mark.entity:not(.is-current)').first();
    const otherEntity = await other.getAttribute('data-entity');
    await other.click();
    await until(page, 'the card follows the second column', (id) =>
      document.querySelector(`.cv-pair__own mark.is-current[data-entity="${id}"]`) &&
      document.querySelector(`.cv-pair__with mark.is-current[data-entity="${id}"]`), otherEntity);
    site.assertNoErrors(page);
  });

  test('phones: the translation follows its paragraph, set apart', async () => {
    const page = await site.open(`/kk/${SLUG}/?with=ru`, PHONE);
    await besideReady(page, 'ru');
    const rows = (await pairs(page)).filter((r) => r.own);
    assert.equal(rows.length, PARAGRAPHS);
    let last = -Infinity;
    for (const r of rows) {
      assert.ok(r.ownTop > last && r.otherTop > r.ownTop, `${r.own}, then ${r.other}, in reading order`);
      last = r.otherTop;
    }
    const look = await page.$eval('.cv-pair__with', (el) => getComputedStyle(el).borderLeftStyle);
    assert.equal(look, 'solid', 'the translation is set apart by a rule');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.ok(!overflow, 'no sideways scrolling');
    site.assertNoErrors(page);
  });

  test('the display menu chooses it; a reload and the language switch keep it', async () => {
    const page = await site.open(`/ru/${SLUG}/`, WIDE);
    await until(page, 'the app is awake', () => document.documentElement.dataset.courtview === 'interactive');
    await page.click('[data-testid="display-button"]');
    // Not the page's own language.
    assert.equal(await page.locator('[data-testid="display-with-ru"]').count(), 0);
    await page.check('[data-testid="display-with-en"]');
    await besideReady(page, 'en');
    assert.equal(new URL(page.url()).search, '?with=en');
    // The language links carry it; going to English puts Russian beside it.
    assert.equal(await page.getAttribute('[data-testid="lang-kk"]', 'href'), `/kk/${SLUG}/?with=en`);
    assert.equal(await page.getAttribute('[data-testid="lang-en"]', 'href'), `/en/${SLUG}/?with=ru`);
    await page.click('[data-testid="lang-en"]');
    await besideReady(page, 'ru');
    assert.equal(new URL(page.url()).pathname, `/en/${SLUG}/`);
    assert.equal(await page.getAttribute('article.cv-prose', 'lang'), 'en');
    await page.reload();
    await besideReady(page, 'ru');
    // Off again.
    await page.click('[data-testid="display-button"]');
    await page.check('[data-testid="display-with-none"]');
    await until(page, 'one column', () => !document.querySelector('.cv-pair'));
    assert.equal(new URL(page.url()).search, '');
    site.assertNoErrors(page);
  });

  test('the embed view takes with=, and the embed dialog offers it', async () => {
    const page = await site.open(`/embed/ru/${SLUG}/?with=en&theme=dark`, WIDE);
    await besideReady(page, 'en');
    assert.equal(await page.getAttribute('[data-testid="lang-kk"]', 'href'), `/embed/kk/${SLUG}/?theme=dark&with=en`);
    site.assertNoErrors(page);

    const article = await site.open(`/ru/${SLUG}/?with=kk`, WIDE);
    await besideReady(article, 'kk');
    await article.click('[data-testid="embed-button"]');
    await article.waitForSelector('[data-testid="embed-dialog"]');
    assert.ok(await article.isChecked('[data-testid="embed-with-kk"]'), 'the dialog starts from the page');
    await article.check('[data-testid="embed-with-en"]');
    await until(article, 'the snippets say with=en', () =>
      document.querySelector('[data-testid="embed-snippet-iframe"]').value.includes('with=en') &&
      document.querySelector('[data-testid="embed-snippet-loader"]').value.includes('with="en"'));
    await article.check('[data-testid="embed-with-none"]');
    await until(article, 'the snippets say nothing', () =>
      !document.querySelector('[data-testid="embed-snippet-iframe"]').value.includes('with='));
    site.assertNoErrors(article);
  });

  test('its own language or junk: one column, quietly; a translation that cannot come: said', async () => {
    for (const query of ['?with=ru', '?with=xx', '?with=', '?with=%FF%00', `?with=${'e'.repeat(5000)}`]) {
      const page = await site.open(`/ru/${SLUG}/${query}`, WIDE);
      await until(page, 'the app is awake', () => document.documentElement.dataset.courtview === 'interactive');
      assert.equal(await page.locator('.cv-pair').count(), 0, query);
      assert.equal(await page.locator('[data-testid="with-notice"]').count(), 0, query);
      assert.equal(await page.locator('article.cv-prose [id^="p-"]').count(), PARAGRAPHS, query);
      site.assertNoErrors(page);
    }
    // The English data file does not come: the Russian article stays, and says so.
    const html = await (await fetch(`${site.base}/ru/${SLUG}/`)).text();
    const words = html.match(/data-cv-data="([^"]*)"/)[1].split(' ');
    const english = words[words.indexOf(`/en/${SLUG}/`) + 1];
    assert.ok(english?.endsWith('.bin'), `the page names the English data: ${words}`);
    const page = await site.newPage(WIDE);
    await page.route(`**${english}`, (route) => route.abort());
    await page.goto(`${site.base}/ru/${SLUG}/?with=en`);
    await until(page, 'the notice', () => document.querySelector('[data-testid="with-notice"]'));
    assert.equal(await page.locator('.cv-pair').count(), 0);
    assert.equal(await page.locator('article.cv-prose [id^="p-"]').count(), PARAGRAPHS);
  });
});
