// Big articles through the real app (issue 6): the stress build (`cargo xtask stress`, which
// `cargo xtask test` runs) carries a 1 MB article and an article naming known entities 5,000
// times, in kk, ru and en, generated into target/stress/articles/ and built into the app.
// Each must give a clear page with all of its text, its highlights, a card that opens, a
// language switch that works, and no error.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { LANGS, STRESS, until, useSite } from './harness.mjs';

/** The paragraphs of a generated article's source, as the reader sees their text. */
function sourceParagraphs(slug, lang) {
  const file = path.join(STRESS, 'articles', slug, `${lang}.md`);
  const text = readFileSync(file, 'utf8');
  const body = text.slice(text.indexOf('\n---\n', 3) + 5);
  return body.split(/\n{2,}/).map((p) => p.trim()).filter((p) => p.length > 0);
}

/** The article's paragraphs' text in the page. */
function pageParagraphs(page, lang) {
  return page.$$eval(`article[lang="${lang}"] [id^="p-"]`, (ps) => ps.map((p) => p.textContent));
}

/** Opens the card of mark `index` (from 0) and checks it names the mark's entity. */
async function opensCard(page, index) {
  const mark = page.locator('article mark.entity').nth(index);
  await mark.scrollIntoViewIfNeeded();
  await mark.click();
  const card = page.locator('[data-testid="entity-card"]');
  await card.waitFor();
  assert.ok((await card.textContent()).trim().length > 0, 'the card says something');
  await page.click('[data-testid="entity-card-close"]');
  await card.waitFor({ state: 'detached' });
}

/** Switches to `to` and waits for the article in that language, all of it. */
async function switchTo(page, to, paragraphs) {
  await page.click(`[data-testid="lang-${to}"]`);
  await page.waitForSelector(`article[lang="${to}"] #p-${paragraphs}`);
  assert.equal(await page.getAttribute('html', 'lang'), to);
}

describe('stress articles in the app', () => {
  const site = useSite({ dist: path.join(STRESS, 'dist') });

  for (const lang of LANGS) {
    test(`${lang}: the 1 MB article, all of it, with highlights`, async (t) => {
      const source = sourceParagraphs('stress-1mb', lang);
      const bytes = Buffer.byteLength(source.join('\n\n'));
      assert.ok(bytes >= 1_000_000, `the source is ${bytes} bytes`);
      const started = Date.now();
      const page = await site.open(`/${lang}/stress-1mb/`);
      await page.waitForSelector(`article[lang="${lang}"] #p-${source.length}`);
      await page.waitForSelector('html[data-courtview="interactive"]');
      t.diagnostic(`${lang}: ${bytes} bytes shown in ${Date.now() - started} ms`);
      const shown = await pageParagraphs(page, lang);
      assert.equal(shown.length, source.length, 'every paragraph');
      for (const i of [0, Math.floor(source.length / 2), source.length - 1]) {
        assert.equal(shown[i], source[i], `paragraph ${i + 1} reads as its source`);
      }
      const total = (list) => list.reduce((n, p) => n + p.length, 0);
      assert.equal(total(shown), total(source), 'as many characters as the source');
      assert.ok((await page.textContent('h1')).includes('1 MB'), 'the title');
      assert.equal(await page.locator('article mark.entity').count(), source.length, 'one mark per paragraph');
      await opensCard(page, source.length - 1);
      const to = lang === 'en' ? 'kk' : 'en';
      await switchTo(page, to, source.length);
      assert.equal((await pageParagraphs(page, to)).length, source.length);
      assert.equal(await page.isVisible('#cv-offline'), false);
      site.assertNoErrors(page);
      await page.context().close();
    });

    test(`${lang}: the article naming known entities 5,000 times`, async (t) => {
      const source = sourceParagraphs('stress-5000-mentions', lang);
      const started = Date.now();
      const page = await site.open(`/${lang}/stress-5000-mentions/`);
      await page.waitForSelector(`article[lang="${lang}"] #p-${source.length}`);
      await page.waitForSelector('html[data-courtview="interactive"]');
      t.diagnostic(`${lang}: shown in ${Date.now() - started} ms`);
      const shown = await pageParagraphs(page, lang);
      assert.deepEqual(shown, source, 'the text as written');
      const marks = page.locator('article mark.entity');
      assert.equal(await marks.count(), 5_000, '5,000 highlighted mentions');
      const types = await page.$$eval('article mark.entity', (ms) => [...new Set(ms.map((m) => m.dataset.type))].sort());
      assert.deepEqual(types, ['person', 'place']);
      await opensCard(page, 4_999);
      // The legend still works on 5,000 marks: hiding people untints them.
      await page.click('[data-testid="legend-person"]');
      await until(page, 'person marks lose their tint', () =>
        [...document.querySelectorAll('article mark[data-type="person"]')].every(
          (m) => getComputedStyle(m).backgroundColor === 'rgba(0, 0, 0, 0)',
        ),
      );
      await page.click('[data-testid="legend-person"]');
      const to = lang === 'ru' ? 'kk' : 'ru';
      await switchTo(page, to, source.length);
      assert.equal(await marks.count(), 5_000, 'and in the other language');
      assert.equal(await page.isVisible('#cv-offline'), false);
      site.assertNoErrors(page);
      await page.context().close();
    });
  }

  test('the embed view of the 5,000-mentions article', async () => {
    const page = await site.open('/embed/en/stress-5000-mentions/?types=person&p=250');
    await page.waitForSelector('article[lang="en"] #p-500');
    assert.equal(await page.locator('article mark.entity').count(), 5_000);
    await switchTo(page, 'kk', 500);
    site.assertNoErrors(page);
  });
});
