// Search (issue 15): a field in the header of every page, a plain form that leads to
// `/<lang>/search/?q=` with or without JavaScript; there, results as the reader types, each a
// link with `data-testid="search-result"` to the paragraph that matched best, its words marked.
// The search code and the index are loaded by the search page alone, in a worker.
//
// - the header's form from an article, any form of a word, the address following the field;
// - the word being typed, nothing found, a result opening the article at its paragraph;
// - the language switch keeping the query; Kazakh typed in Latin, results in Latin and back in
//   Cyrillic in place; without JavaScript, the form and the page's
//   other ways to find news; a broken index said in the page; no other page loading search;
// - at archive scale (the stress build): a Russian query finding an article that exists in
//   Kazakh only, through the knowledge base; results a page at a time; a later search
//   fetching only its new files.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { SLUG, STRESS, STRESS_SERVER, screenshot, until, useSite, waitForPath } from './harness.mjs';

/** Waits for the search page's answer (a status other than the hint or "searching"). */
async function answered(page, what) {
  await until(
    page,
    `the search answered ${what}`,
    () => {
      const status = document.querySelector('[data-testid="search-status"]');
      return status && document.querySelector('[data-testid="search-results"], [data-testid="search-status"]') &&
        /(:\s*\d|\d+ |ничего|ештеңе|Nothing|unavailable|недоступен|қолжетімсіз)/.test(status.textContent);
    },
  );
}

/** Each result: its link, language and marked words. */
function results(page) {
  return page.$$eval('.cv-result', (items) =>
    items.map((li) => ({
      href: li.querySelector('[data-testid="search-result"]').getAttribute('href'),
      lang: li.getAttribute('lang'),
      title: li.querySelector('[data-testid="search-result"]').textContent,
      marks: [...li.querySelectorAll('mark')].map((m) => m.textContent),
      snippet: li.querySelector('.cv-result__snippet').textContent,
    })),
  );
}

/** The `q` of the page's address. */
function q(page) {
  return new URL(page.url()).searchParams.get('q');
}

describe('search', () => {
  const site = useSite();

  test('the header’s form leads to the search page, which finds any form of a word', async () => {
    const page = await site.open(`/kk/${SLUG}/`);
    await page.waitForSelector('html[data-courtview="interactive"]');
    await page.fill('[data-testid="header-search-input"]', 'соттарының');
    await page.press('[data-testid="header-search-input"]', 'Enter');
    await waitForPath(page, '/kk/search/');
    await answered(page, 'for соттарының');
    assert.equal(q(page), 'соттарының');
    assert.equal(await page.inputValue('[data-testid="search-input"]'), 'соттарының');
    const found = await results(page);
    assert.equal(found.length, 1);
    assert.match(found[0].href, new RegExp(`^/kk/${SLUG}/#p-\\d+$`));
    assert.equal(found[0].lang, 'kk');
    // A word of another form than the query's, marked where it stands in the snippet.
    assert.ok(found[0].marks.length > 0, 'words marked');
    for (const mark of found[0].marks) {
      assert.match(mark.toLowerCase(), /^сот/, `${mark} is a form of сот`);
      assert.ok(found[0].snippet.includes(mark));
    }
    assert.match(await page.textContent('[data-testid="search-status"]'), /«соттарының».*1 мақала/);
    await screenshot(page, 'search-kk-1280');
    site.assertNoErrors(page);
  });

  test('results follow the typing; nothing found is said; a result opens its paragraph', async () => {
    const page = await site.open('/ru/search/', { viewport: { width: 375, height: 740 } });
    await page.waitForSelector('html[data-courtview="interactive"]');
    await until(page, 'the empty field has focus', () => document.activeElement?.id === 'cv-search-q');
    // The word being typed: a beginning finds the words it begins.
    await page.keyboard.type('Верховн', { delay: 20 });
    await answered(page, 'for Верховн');
    let found = await results(page);
    assert.equal(found.length, 1);
    assert.ok(found[0].marks.some((m) => m.startsWith('Верховн')), found[0].marks.join());
    await until(page, 'the address follows the field', () => new URL(location.href).searchParams.get('q') === 'Верховн');
    // A word the article does not hold, and a look-alike that is another word: nothing.
    await page.fill('[data-testid="search-input"]', 'судно ');
    await until(page, 'nothing found', () =>
      document.querySelector('[data-testid="search-status"]').textContent.includes('ничего не найдено'));
    assert.equal(await page.locator('[data-testid="search-result"]').count(), 0);
    await screenshot(page, 'search-nothing-ru-375');
    // Back to a word in a form the article has: the result opens the article at its paragraph.
    await page.fill('[data-testid="search-input"]', 'судах ');
    await until(page, 'a result', () => document.querySelectorAll('[data-testid="search-result"]').length === 1);
    const href = await page.getAttribute('[data-testid="search-result"]', 'href');
    const paragraph = href.split('#')[1];
    await page.click('[data-testid="search-result"]');
    await waitForPath(page, `/ru/${SLUG}/`);
    await page.waitForSelector('html[data-courtview="interactive"]');
    assert.equal(new URL(page.url()).hash, `#${paragraph}`);
    await until(page, `${paragraph} in view`, (id) => {
      const r = document.getElementById(id).getBoundingClientRect();
      return r.top < window.innerHeight && r.bottom > 0;
    }, paragraph);
    // Back: the search page shows the same search again.
    await page.goBack();
    await waitForPath(page, '/ru/search/');
    await answered(page, 'again after Back');
    assert.equal(await page.inputValue('[data-testid="search-input"]'), 'судах ');
    site.assertNoErrors(page);
  });

  test('the language switch keeps the query; all languages put the page’s first', async () => {
    const page = await site.open('/kk/search/?q=Mergaliyev');
    await answered(page, 'for Mergaliyev in Kazakh');
    // The Latin spelling finds the Kazakh text's Мерғалиев through the knowledge base.
    let found = await results(page);
    assert.equal(found.length, 1);
    assert.ok(found[0].marks.some((m) => m.startsWith('Мерғалиев')), found[0].marks.join());
    // The search page has no data to switch in place: the link loads the English one, query kept.
    await page.click('[data-testid="lang-en"]');
    await waitForPath(page, '/en/search/');
    await page.waitForSelector('html[lang="en"][data-courtview="interactive"]');
    assert.equal(q(page), 'Mergaliyev');
    assert.equal(await page.inputValue('[data-testid="search-input"]'), 'Mergaliyev');
    await until(page, 'English results', () => document.querySelector('.cv-result')?.getAttribute('lang') === 'en');
    // Every language: the same article once, in the page's language.
    await page.check('[data-testid="search-all"]');
    await until(page, 'the address says all', () => new URL(location.href).searchParams.get('all') === '1');
    await answered(page, 'in every language');
    found = await results(page);
    assert.deepEqual(found.map((f) => [f.href.split('#')[0], f.lang]), [[`/en/${SLUG}/`, 'en']]);
    assert.equal(await page.textContent('h1'), 'Search');
    site.assertNoErrors(page);
  });

  test('in Latin script, Kazakh typed in Latin finds the article and shows it in Latin', async () => {
    const page = await site.open('/kk/search/?q=jo%C4%9Far%C4%9Fy%20sot&script=latn');
    await answered(page, 'for joğarğy sot in Latin');
    const found = await results(page);
    assert.ok(found.length >= 1, 'a result');
    assert.equal(found[0].lang, 'kk-Latn');
    assert.ok(found[0].href.includes('script=latn'), found[0].href);
    // The title and the snippet come in Latin, the marks on the same words.
    assert.ok(!/[\u0400-\u04FF]/.test(found[0].title + found[0].snippet), found[0].title);
    assert.ok(found[0].marks.some((m) => /^(joğarğy|sot)/i.test(m)), found[0].marks.join());
    // Back to Cyrillic in place: the same search, answered in Cyrillic.
    await page.click('[data-testid="script-cyrl"]');
    await until(page, 'Cyrillic results', () => document.querySelector('.cv-result')?.getAttribute('lang') === 'kk');
    const cyrillic = await results(page);
    assert.ok(cyrillic[0].marks.some((m) => /^(жоғарғы|сот)/i.test(m)), cyrillic[0].marks.join());
    site.assertNoErrors(page);
  });

  test('without JavaScript the header’s form still leads somewhere useful', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    await page.goto(`${site.base}/en/`);
    await page.fill('[data-testid="header-search-input"]', 'court');
    await page.press('[data-testid="header-search-input"]', 'Enter');
    await waitForPath(page, '/en/search/');
    assert.equal(q(page), 'court');
    const note = page.locator('[data-testid="search-noscript"]');
    assert.ok(await note.isVisible(), 'the page says search needs JavaScript');
    assert.match(await note.textContent(), /needs JavaScript/);
    const ways = await note.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(ways, ['/en/', '/en/entities/']);
    await note.locator('a').nth(1).click();
    await waitForPath(page, '/en/entities/');
    assert.equal(await page.textContent('h1'), 'Names in the news');
  });

  test('a broken index is said in the page, naming the file', async () => {
    const context = await site.browser.newContext();
    site.contexts.push(context);
    await context.route('**/search/index.json', (r) => r.fulfill({ status: 404, body: 'gone' }));
    const page = await context.newPage();
    await page.goto(`${site.base}/en/search/?q=court`);
    await until(page, 'the failure is said', () =>
      document.querySelector('[data-testid="search-status"]')?.textContent.includes('unavailable'));
    assert.match(await page.textContent('[data-testid="search-status"]'), /search\/index\.json: HTTP 404/);
    assert.equal(await page.locator('[data-testid="search-result"]').count(), 0);
  });

  test('no page but the search page loads the search code or the index', async () => {
    const context = await site.browser.newContext();
    site.contexts.push(context);
    const requested = [];
    context.on('request', (r) => requested.push(new URL(r.url()).pathname));
    const page = await context.newPage();
    await page.goto(`${site.base}/kk/${SLUG}/`);
    await page.waitForSelector('html[data-courtview="interactive"]');
    await page.evaluate(() => new Promise((done) => {
      const ready = () => performance.getEntriesByName('courtview:data-ready').length > 0;
      const poll = () => (ready() ? done() : setTimeout(poll, 50));
      poll();
    }));
    assert.deepEqual(requested.filter((p) => p.includes('search')), []);
    await page.goto(`${site.base}/kk/search/?q=сот`);
    await answered(page, 'for сот');
    assert.ok(requested.some((p) => /\/search-worker-[0-9a-f]{16}\.js$/.test(p)), 'the worker');
    assert.ok(requested.some((p) => /\/search-worker-[0-9a-f]{16}_bg\.wasm$/.test(p)), 'its wasm');
    assert.ok(requested.includes('/search/index.json'), 'the index');
  });
});

describe('search at archive scale', () => {
  const site = useSite({ dist: path.join(STRESS, 'dist'), server: STRESS_SERVER });

  test('a Russian query finds an article that exists in Kazakh only', async () => {
    const page = await site.open('/ru/search/?q=Объединённые+Арабские+Эмираты&all=1');
    await answered(page, 'for the Emirates in every language');
    // The page's language first: the other languages' articles come after every Russian one.
    for (;;) {
      const more = page.locator('[data-testid="search-more"]');
      if ((await more.count()) === 0) break;
      const shown = await page.locator('[data-testid="search-result"]').count();
      await more.click();
      await until(page, 'more results', (n) => document.querySelectorAll('[data-testid="search-result"]').length > n, shown);
    }
    const found = await results(page);
    const kkOnly = found.find((f) => f.href.startsWith('/kk/stress-kk-only/'));
    assert.ok(kkOnly, found.map((f) => f.href).join('\n'));
    assert.equal(kkOnly.lang, 'kk');
    assert.deepEqual(kkOnly.marks, ['Біріккен', 'Араб', 'Әмірліктері']);
    // The page's language first: every Russian result before any other.
    const langs = found.map((f) => f.lang);
    assert.deepEqual(langs, [...langs].sort((a, b) => (b === 'ru') - (a === 'ru')));
    assert.match(
      await page.locator('.cv-result[lang="kk"] .cv-result__meta').first().textContent(),
      /Қазақша/,
    );
    // Russian alone: not the Kazakh-only article.
    await page.uncheck('[data-testid="search-all"]');
    await until(page, 'Russian results only', () =>
      [...document.querySelectorAll('.cv-result')].every((li) => li.lang === 'ru'));
    site.assertNoErrors(page);
  });

  test('results come a page at a time; a later search fetches only its new files', async () => {
    const page = await site.newPage({ viewport: { width: 375, height: 740 } });
    const fetched = [];
    page.context().on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(`${site.base}/kk/search/?q=сот`);
    await answered(page, 'for сот');
    assert.equal(await page.locator('[data-testid="search-result"]').count(), 10);
    const status = await page.textContent('[data-testid="search-status"]');
    const total = Number.parseInt(status.match(/(\d+) мақала/)[1], 10);
    assert.ok(total > 20, status);
    await screenshot(page, 'search-archive-kk-375');
    await page.click('[data-testid="search-more"]');
    await until(page, 'twenty results', () => document.querySelectorAll('[data-testid="search-result"]').length === 20);
    const hrefs = await page.$$eval('[data-testid="search-result"]', (as) => as.map((a) => a.getAttribute('href')));
    assert.equal(new Set(hrefs.map((h) => h.split('#')[0])).size, 20, 'each article once');
    // A second word: its shards and its results' doc files, never a file fetched before.
    const before = fetched.length;
    await page.fill('[data-testid="search-input"]', 'сот шешімі');
    await page.press('[data-testid="search-input"]', 'Enter');
    await until(page, 'the new search answered', () =>
      document.querySelector('[data-testid="search-status"]').textContent.includes('«сот шешімі»'));
    const later = fetched.slice(before).filter((p) => p.startsWith('/search/'));
    assert.ok(later.length > 0 && later.length <= 14, later.join('\n'));
    assert.deepEqual(later.filter((p) => fetched.slice(0, before).includes(p)), [], 'nothing twice');
    assert.ok(!fetched.slice(before).some((p) => p.includes('search-worker')), 'the worker stays');
    site.assertNoErrors(page);
  });
});
