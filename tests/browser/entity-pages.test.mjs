// A page for every entity (issue 15): `/<lang>/entities/` lists every entity of the knowledge
// base by type with how many articles name it, and `/<lang>/entities/<id>/` shows its card and
// every article that names it, newest first, 20 a page. The card in an article links there.
//
// - from a highlight's card to the entity's page, to the article again, and a switch of
//   language in place on the entity's page;
// - the page of every entity, its counts equal to what each entity's pages list;
// - without JavaScript: every entity page reached by links, and the articles from them;
// - in the embed view the card's link opens the full site in a new tab;
// - at archive scale (the stress build): an entity named by many articles paginates, newest
//   first, each with its number of mentions, and the sitemap lists every entity page.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { LANGS, SLUG, STRESS, STRESS_SERVER, screenshot, useSite, waitForPath } from './harness.mjs';

/** The entity ids, names and counts the page of every entity lists, in order. */
function listed(page) {
  return page.$$eval('[data-testid="entity-link"]', (items) =>
    items.map((li) => ({
      id: li.dataset.entity,
      name: li.querySelector('a').textContent,
      count: Number.parseInt(li.querySelector('.cv-entities__count').textContent, 10),
    })),
  );
}

/** The slugs of the articles a list page shows. */
function cardSlugs(page) {
  return page.$$eval('[data-testid="article-card"] h2 a', (links) =>
    links.map((a) => new URL(a.href).pathname.split('/').filter(Boolean).pop()),
  );
}

/** Every article an entity's pages list, following "next" to the last page. */
async function allPages(page) {
  const slugs = [];
  for (;;) {
    slugs.push(...(await cardSlugs(page)));
    const next = page.locator('[data-testid="pagination"] a[rel="next"]');
    if ((await next.count()) === 0) return slugs;
    const href = await next.getAttribute('href');
    await next.click();
    await waitForPath(page, new URL(href, page.url()).pathname);
  }
}

describe('entity pages', () => {
  const site = useSite();

  test('a card leads to its entity’s page, which leads back and switches in place', async () => {
    const page = await site.open(`/kk/${SLUG}/`);
    await page.waitForSelector('html[data-courtview="interactive"]');
    await page.locator('article mark.entity[data-entity="kazakhstan"]').first().click();
    const link = page.locator('[data-testid="entity-card"] [data-testid="entity-card-page"]');
    assert.match(await link.getAttribute('href'), /\/kk\/entities\/kazakhstan\/$/);
    assert.equal(await link.getAttribute('target'), null, 'the same tab on the full site');
    await link.click();
    await waitForPath(page, '/kk/entities/kazakhstan/');
    await page.waitForSelector('html[data-courtview="interactive"]');
    assert.equal(await page.textContent('h1'), 'Қазақстан');
    assert.equal(await page.getAttribute('[data-testid="entity-page"]', 'data-entity'), 'kazakhstan');
    assert.deepEqual(await cardSlugs(page), [SLUG]);
    const marks = await site.open(`/kk/${SLUG}/`).then(async (p) => {
      const n = await p.locator('article mark.entity[data-entity="kazakhstan"]').count();
      await p.close();
      return n;
    });
    assert.match(await page.textContent('[data-testid="mention-count"]'), new RegExp(`\\b${marks}\\b`));
    await screenshot(page, 'entity-page-kk-375');
    // The language switch stays on the entity's page, in place.
    await page.evaluate(() => { window.__noReload = 1; });
    await page.click('[data-testid="lang-ru"]');
    await waitForPath(page, '/ru/entities/kazakhstan/');
    await page.waitForSelector('html[lang="ru"]');
    assert.equal(await page.evaluate(() => window.__noReload), 1, 'no reload');
    assert.equal(await page.textContent('h1'), 'Казахстан');
    // And the article again, from its card on the entity's page.
    await page.click(`[data-testid="article-card"] h2 a[href$="/ru/${SLUG}/"]`);
    await waitForPath(page, `/ru/${SLUG}/`);
    await page.waitForSelector('article[lang="ru"] #p-1');
    site.assertNoErrors(page);
  });

  test('the page of every entity counts what each entity’s page lists', async () => {
    const page = await site.open('/en/entities/', { viewport: { width: 1280, height: 900 } });
    await page.waitForSelector('html[data-courtview="interactive"]');
    assert.equal(await page.textContent('h1'), 'Names in the news');
    const entities = await listed(page);
    assert.ok(entities.length >= 10, `${entities.length} entities listed`);
    // Grouped by type under headings, in the legend's order.
    const groups = await page.$$eval('.cv-entities__heading', (hs) => hs.map((h) => h.textContent));
    assert.deepEqual(groups.slice(0, 3), ['People', 'Organisations', 'Places']);
    await screenshot(page, 'entities-en-1280');
    for (const { id, count } of entities) {
      const one = await site.open(`/en/entities/${id}/`);
      assert.equal((await allPages(one)).length, count, `${id}: ${count} articles`);
      await one.close();
    }
    // Reached from the footer of any page.
    const list = await site.open('/ru/');
    await list.click('.cv-footer__link');
    await waitForPath(list, '/ru/entities/');
    assert.equal(await list.textContent('h1'), 'Имена и названия в новостях');
    site.assertNoErrors(page);
  });

  test('without JavaScript every entity and its articles are reached by links', async () => {
    for (const lang of LANGS) {
      const page = await site.newPage({ javaScriptEnabled: false });
      await page.goto(`${site.base}/${lang}/entities/`);
      const entities = await listed(page);
      assert.ok(entities.length >= 10, `${lang}: entities listed`);
      const named = entities.find((e) => e.count > 0);
      await page.click(`[data-testid="entity-link"][data-entity="${named.id}"] a`);
      await waitForPath(page, `/${lang}/entities/${named.id}/`);
      assert.equal(await page.textContent('h1'), named.name);
      await page.click('[data-testid="article-card"] h2 a');
      await waitForPath(page, `/${lang}/${SLUG}/`);
      await page.close();
    }
  });

  test('an unknown entity is not found, in its language', async () => {
    const page = await site.newPage();
    await page.goto(`${site.base}/ru/entities/no-such-entity/`);
    await page.waitForSelector('[data-testid="not-found"]');
    assert.equal(await page.getAttribute('html', 'lang'), 'ru');
  });

  test('in the embed view the card opens the entity’s page in a new tab', async () => {
    const page = await site.open(`/embed/ru/${SLUG}/`);
    await page.waitForSelector('html[data-courtview="interactive"]');
    await page.locator('article mark.entity[data-entity="supreme-court"]').first().click();
    const link = page.locator('[data-testid="entity-card-page"]');
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.match(await link.getAttribute('href'), /\/ru\/entities\/supreme-court\/$/);
    site.assertNoErrors(page);
  });
});

describe('entity pages at archive scale', () => {
  const site = useSite({ dist: path.join(STRESS, 'dist'), server: STRESS_SERVER });

  test('an entity many articles name paginates, newest first, with mentions', async () => {
    const index = await site.open('/ru/entities/');
    const most = (await listed(index)).sort((a, b) => b.count - a.count)[0];
    assert.ok(most.count > 20, `${most.id} is named by ${most.count} articles: more than a page`);
    const page = await site.open(`/ru/entities/${most.id}/`);
    assert.equal(await page.locator('[data-testid="article-card"]').count(), 20);
    assert.equal(await page.locator('[data-testid="mention-count"]').count(), 20);
    const dates = [];
    const slugs = [];
    for (;;) {
      slugs.push(...(await cardSlugs(page)));
      dates.push(...(await page.$$eval('[data-testid="article-card"] time', (ts) => ts.map((t) => t.dateTime))));
      const next = page.locator('[data-testid="pagination"] a[rel="next"]');
      if ((await next.count()) === 0) break;
      const href = await next.getAttribute('href');
      await next.click();
      await waitForPath(page, new URL(href, page.url()).pathname);
    }
    assert.equal(slugs.length, most.count);
    assert.equal(new Set(slugs).size, slugs.length, 'each article once');
    assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');
    await screenshot(page, 'entity-page-archive-ru-375');
    // Every entity page is in the sitemap, with its alternates.
    const sitemap = readFileSync(path.join(STRESS, 'dist', 'sitemap.xml'), 'utf8');
    for (const lang of LANGS) {
      assert.ok(sitemap.includes(`/${lang}/entities/</loc>`), `${lang}: the page of every entity`);
      assert.ok(sitemap.includes(`/${lang}/entities/${most.id}/</loc>`), `${lang}: ${most.id}`);
    }
    site.assertNoErrors(page);
  });
});
