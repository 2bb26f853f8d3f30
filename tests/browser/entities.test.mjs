// Entity highlighting in the page: marks per type in every language, the legend, the card
// (keyboard, Escape, previous/next), and the open card surviving a language switch.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { LANGS, SLUG, until, useSite, waitForPath } from './harness.mjs';

/** Entities of the first article that every language version mentions. */
const EXPECTED = {
  person: ['aslambek-mergaliyev', 'nail-akhmetzakirov', 'pamela-harris'],
  org: ['iaca', 'supreme-court', 'difc-courts', 'dubai-courts'],
  place: ['kazakhstan', 'dubai', 'uae'],
  event: ['iaca-2025-conference'],
};

/** A mark's highlight is visible: it has a tint behind it. */
const isTinted = (el) => getComputedStyle(el).backgroundColor !== 'rgba(0, 0, 0, 0)';

describe('entities', () => {
  const site = useSite();

  for (const lang of LANGS) {
    test(`${lang}: people, bodies, places and the date are marked`, async () => {
      const page = await site.open(`/${lang}/${SLUG}/`);
      await page.waitForSelector(`article[lang="${lang}"] mark.entity`);
      for (const [type, ids] of Object.entries(EXPECTED)) {
        for (const id of ids) {
          const n = await page.locator(`article mark.entity[data-type="${type}"][data-entity="${id}"]`).count();
          assert.ok(n > 0, `${lang}: no ${type} mark for ${id}`);
        }
      }
      const date = page.locator('article mark.entity[data-type="date"]').first();
      assert.match(await date.textContent(), /17.19/, `${lang}: the conference dates`);
      // Marks only wrap text: the paragraph reads exactly as without them.
      const texts = await page.$$eval('article [id^="p-"]', (ps) =>
        ps.map((p) => [p.textContent, [...p.childNodes].map((n) => n.textContent).join('')]),
      );
      for (const [whole, parts] of texts) assert.equal(whole, parts);
      site.assertNoErrors(page);
    });
  }

  test('the legend hides a type and the choice is saved', async () => {
    const page = await site.open(`/en/${SLUG}/`);
    const legend = page.locator('[data-testid="entity-legend"]');
    await legend.waitFor();
    const place = page.locator('[data-testid="legend-place"]');
    assert.equal(await place.getAttribute('aria-pressed'), 'true');
    assert.match(await place.textContent(), /\d/, 'the legend shows a count');
    const mark = page.locator('article mark.entity[data-type="place"]').first();
    assert.ok(await mark.evaluate(isTinted));
    await place.click();
    assert.equal(await place.getAttribute('aria-pressed'), 'false');
    await until(page, 'place marks lose their tint', () =>
      [...document.querySelectorAll('article mark[data-type="place"]')].every(
        (m) => getComputedStyle(m).backgroundColor === 'rgba(0, 0, 0, 0)',
      ),
    );
    assert.ok(await page.locator('article mark.entity[data-type="person"]').first().evaluate(isTinted));
    await page.reload();
    await page.waitForSelector('[data-testid="legend-place"][aria-pressed="false"]');
    // Highlighting off altogether, then on again.
    await page.click('[data-testid="highlight-toggle"]');
    await until(page, 'no mark is tinted', () =>
      [...document.querySelectorAll('article mark.entity')].every(
        (m) => getComputedStyle(m).backgroundColor === 'rgba(0, 0, 0, 0)',
      ),
    );
    await page.click('[data-testid="highlight-toggle"]');
    await page.click('[data-testid="legend-place"]');
    await page.waitForSelector('[data-testid="legend-place"][aria-pressed="true"]');
    site.assertNoErrors(page);
  });

  test('a card opens from the keyboard, steps through mentions and closes with Escape', async () => {
    const page = await site.open(`/kk/${SLUG}/`);
    const first = page.locator('article mark.entity[data-entity="kazakhstan"]').first();
    await first.waitFor();
    await first.focus();
    const card = page.locator('[data-testid="entity-card"]');
    await card.waitFor();
    assert.equal(await card.getAttribute('data-entity'), 'kazakhstan');
    assert.match(await card.textContent(), /Қазақстан/);
    const count = await page.locator('article mark.entity[data-entity="kazakhstan"]').count();
    assert.ok(count >= 3, `Kazakhstan is mentioned ${count} times`);
    assert.match(await page.textContent('[data-testid="entity-card-count"]'), new RegExp(`${count}`));
    await page.click('[data-testid="entity-next"]');
    await until(page, 'focus moves to the next mention', () => {
      const marks = [...document.querySelectorAll('article mark[data-entity="kazakhstan"]')];
      return document.activeElement === marks[1];
    });
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.entity), 'kazakhstan');
    site.assertNoErrors(page);
  });

  test('the open card survives a language switch at the same paragraph', async () => {
    const page = await site.open(`/kk/${SLUG}/`, { viewport: { width: 1280, height: 900 } });
    const mark = page.locator('#p-3 mark.entity[data-entity="kazakhstan"]').first();
    await mark.waitFor();
    await mark.click();
    await page.waitForSelector('[data-testid="entity-card"][data-entity="kazakhstan"]');
    await page.click('[data-testid="lang-ru"]');
    await waitForPath(page, `/ru/${SLUG}/`);
    await page.waitForSelector('article[lang="ru"]');
    const card = page.locator('[data-testid="entity-card"]');
    await card.waitFor();
    assert.equal(await card.getAttribute('data-entity'), 'kazakhstan');
    assert.match(await card.textContent(), /Казахстан/);
    const current = await page.$eval('mark.entity.is-current', (m) => [m.dataset.entity, m.closest('[id^="p-"]')?.id]);
    assert.deepEqual(current, ['kazakhstan', 'p-3']);
    site.assertNoErrors(page);
  });

  // A phone: the card is a sheet over the lower part of the screen.
  const PHONE = { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true };

  /** In the page: how far the card's top is below the current mention's bottom, in px. */
  const clearance = () =>
    document.querySelector('[data-testid="entity-card"]').getBoundingClientRect().top -
    document.querySelector('mark.entity.is-current').getBoundingClientRect().bottom;

  test('on a phone the card’s sheet leaves its mention in sight, to the article’s end', async () => {
    const page = await site.open(`/kk/${SLUG}/`, PHONE);
    // A mention in the lower half of the screen, where the sheet opens.
    const marks = page.locator('article mark.entity');
    const lower = await marks.evaluateAll((all) => {
      const at = all.findIndex((m) => m.getBoundingClientRect().top > 0.6 * innerHeight);
      all[at].scrollIntoView({ block: 'end' });
      return at;
    });
    const y = await page.evaluate(() => scrollY);
    await marks.nth(lower).tap();
    await page.locator('[data-testid="entity-card"]').waitFor();
    await until(page, 'the mention shows above the sheet', `(${clearance})() >= 0`);
    const gap = await page.evaluate(clearance);
    assert.ok(gap < 40, `scrolled just enough: the sheet ${gap} px below the mention`);
    assert.ok((await page.evaluate(() => scrollY)) > y, 'the page scrolled');
    // The last mention of the article: the room under the article lets it clear the sheet.
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="entity-card"]').waitFor({ state: 'detached' });
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await marks.last().tap();
    await page.locator('[data-testid="entity-card"]').waitFor();
    await until(page, 'the last mention shows above the sheet', `(${clearance})() >= 0`);
    site.assertNoErrors(page);
  });

  test('on a phone a switch with the card open keeps the reader’s paragraph, not the mention', async () => {
    const page = await site.open(`/kk/${SLUG}/`, PHONE);
    // The mention under the sheet, brought clear of it when tapped: just above its top.
    const mark = page.locator('#p-4 mark.entity').last();
    await mark.evaluate((m) => m.scrollIntoView({ block: 'end' }));
    await mark.tap();
    await page.locator('[data-testid="entity-card"]').waitFor();
    await page.waitForTimeout(200);
    const before = await page.evaluate(() => document.getElementById('p-4').getBoundingClientRect().top);
    await page.click('[data-testid="lang-ru"]');
    await page.waitForSelector('article[lang="ru"]');
    await page.locator('[data-testid="entity-card"]').waitFor();
    await page.waitForTimeout(200);
    const after = await page.evaluate(() => document.getElementById('p-4').getBoundingClientRect().top);
    assert.ok(Math.abs(after - before) <= 2, `p-4 at ${before}, then ${after}`);
    site.assertNoErrors(page);
  });

  // The card beside the text is as narrow as 262 px at 1280 (the margin beside the column),
  // where "← Предыдущее" and "Следующее →" once ran 56 px past its edge.
  test('the card’s previous and next buttons stay inside it at every width', async () => {
    for (const width of [375, 1024, 1280, 1440]) {
      const page = await site.open(`/ru/${SLUG}/`, { viewport: { width, height: 900 } });
      await page.locator('article mark.entity[data-entity="kazakhstan"]').first().focus();
      await page.locator('[data-testid="entity-next"]').waitFor();
      const [card, next] = await page.evaluate(() => [
        document.querySelector('[data-testid="entity-card"]').getBoundingClientRect().right,
        document.querySelector('[data-testid="entity-next"]').getBoundingClientRect().right,
      ]);
      assert.ok(next <= card, `${width} px: the next button ends at ${next}, the card at ${card}`);
      site.assertNoErrors(page);
    }
  });
});

