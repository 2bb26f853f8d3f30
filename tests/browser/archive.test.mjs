// The archive (issue 12), in the stress build (`cargo xtask stress`, which `cargo xtask test`
// runs): besides the stress and hostile articles it holds a generated archive
// (target/stress/articles/archive-*), so its lists run to several pages. Each page is
// prerendered with its data in a file of its own; the app carries no article.
//
// - the lists: 20 a page, newest first, previous/next and page numbers, a page per year and
//   per tag, each reached by links; without JavaScript every article is reached by links;
// - a generated article opened from its list page, then switched to Russian in place, with no
//   request once the page has settled, and the reader's paragraph kept;
// - a switch whose data cannot be fetched loads the other language's page instead;
// - the Atom feeds, sitemap.xml and robots.txt, read by the browser's XML parser and checked
//   against the pages.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

import { LANGS, STRESS, STRESS_SERVER, screenshot, until, useSite, waitForPath } from './harness.mjs';

const DIST = path.join(STRESS, 'dist');

/** The repository's own articles, which every build carries. */
const SHIPPED = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../static/articles');

/** The article folders in `dir`. */
function folders(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
}

/** The slugs of every article of the stress build: its own and the shipped ones. */
function stressSlugs() {
  return [...folders(path.join(STRESS, 'articles')), ...folders(SHIPPED)];
}

/** The slugs of the archive's generated articles. */
function archiveSlugs() {
  return stressSlugs().filter((s) => s.startsWith('archive-'));
}

/** An article's front matter field. */
function field(slug, lang, key) {
  const own = path.join(STRESS, 'articles', slug, `${lang}.md`);
  const file = slug.startsWith('iaca-') ? path.join(SHIPPED, slug, `${lang}.md`) : own;
  const text = readFileSync(file, 'utf8');
  const line = text.split('\n').find((l) => l.startsWith(`${key}:`));
  return line?.slice(key.length + 1).trim();
}

/** The article slugs a list page links to, in order. */
function cardSlugs(page) {
  return page.$$eval('[data-testid="article-card"] h2 a', (links) =>
    links.map((a) => new URL(a.href).pathname.split('/').filter(Boolean).pop()),
  );
}

/** Waits until the page's other languages' data has come (or failed): the switch is local. */
async function dataReady(page) {
  await until(page, 'the other languages’ data is fetched', () =>
    performance.getEntriesByName('courtview:data-ready').length > 0,
  );
}

/** Parses `xml` with the browser's XML parser; fails on a parser error. */
async function parseXml(page, xml) {
  const error = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const err = doc.querySelector('parsererror');
    return err ? err.textContent : null;
  }, xml);
  assert.equal(error, null, 'well-formed XML');
}

describe('the archive: lists, data files, feeds', () => {
  // Through nginx with deploy/nginx.conf when `cargo xtask test` runs it, else a small server.
  const site = useSite({ dist: DIST, server: STRESS_SERVER });

  test('lists: 20 a page, newest first, pages and years reached by links', async () => {
    const page = await site.open('/kk/');
    await page.waitForSelector('html[data-courtview="interactive"]');
    const total = stressSlugs().length;
    const pages = Math.ceil(total / 20);
    assert.ok(pages >= 3, `${total} articles make ${pages} pages`);
    assert.equal((await cardSlugs(page)).length, 20);
    const nav = page.locator('[data-testid="pagination"]');
    assert.equal(await nav.locator('[aria-current="page"]').textContent(), '1');
    await screenshot(page, 'archive-list-kk-375');
    // Next, next, …, to the last page, every article seen once, newest first.
    const seen = [...(await cardSlugs(page))];
    for (let n = 2; n <= pages; n++) {
      await page.click('[data-testid="pagination"] a[rel="next"]');
      await waitForPath(page, `/kk/page/${n}/`);
      await page.waitForSelector('html[data-courtview="interactive"]');
      assert.equal(await page.locator('[data-testid="pagination"] [aria-current="page"]').textContent(), String(n));
      seen.push(...(await cardSlugs(page)));
    }
    assert.equal(await page.locator('[data-testid="pagination"] a[rel="next"]').count(), 0);
    assert.equal(seen.length, total, 'every article once');
    assert.deepEqual([...new Set(seen)].sort(), stressSlugs().sort());
    const dates = [];
    for (const slug of seen) dates.push(field(slug, 'kk', 'date') ?? '0000-00-00');
    assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');
    // A year's page lists that year's articles only.
    const year = field(archiveSlugs()[0], 'kk', 'date').slice(0, 4);
    await page.click(`.cv-years a[href$="/kk/${year}/"]`);
    await waitForPath(page, `/kk/${year}/`);
    await page.waitForSelector('html[data-courtview="interactive"]');
    for (const slug of await cardSlugs(page)) {
      assert.equal((field(slug, 'kk', 'date') ?? '').slice(0, 4), year, slug);
    }
    site.assertNoErrors(page);
  });

  test('a generated article opened from its list, a tag, and a switch in place', async () => {
    const page = await site.open('/kk/');
    const slug = (await cardSlugs(page)).find((s) => s.startsWith('archive-'))
      ?? archiveSlugs()[0];
    if (!(await cardSlugs(page)).includes(slug)) await page.goto(`${site.base}/kk/${slug}/`);
    else await page.click(`[data-testid="article-card"] h2 a[href$="/kk/${slug}/"]`);
    await waitForPath(page, `/kk/${slug}/`);
    await page.waitForSelector('article[lang="kk"] #p-1');
    await page.waitForSelector('html[data-courtview="interactive"]');
    assert.equal(await page.textContent('h1'), field(slug, 'kk', 'title'));
    await dataReady(page);
    // Settled: the switch needs no network (the browser may ask for the icon again).
    const requests = [];
    page.on('request', (r) => {
      if (!r.url().includes('/favicon-')) requests.push(r.url());
    });
    const before = await page.evaluate(() => document.getElementById('p-2').getBoundingClientRect().top);
    await page.evaluate(() => { window.__noReload = 1; });
    await page.click('[data-testid="lang-ru"]');
    await page.waitForSelector('article[lang="ru"] #p-1');
    await waitForPath(page, `/ru/${slug}/`);
    assert.equal(await page.getAttribute('html', 'lang'), 'ru');
    assert.equal(await page.evaluate(() => window.__noReload), 1, 'no reload');
    assert.equal(await page.textContent('h1'), field(slug, 'ru', 'title'));
    const after = await page.evaluate(() => document.getElementById('p-2').getBoundingClientRect().top);
    assert.ok(Math.abs(after - before) < 80, `paragraph 2 moved from ${before} to ${after}`);
    assert.deepEqual(requests, [], 'no request for the switch');
    // A tag of the article leads to its list, which lists it.
    const tag = page.locator('.cv-tag__link').first();
    await tag.click();
    await until(page, 'a tag page', () => window.location.pathname.startsWith('/ru/tags/'));
    await page.waitForSelector('html[data-courtview="interactive"]');
    const tagged = [];
    for (;;) {
      tagged.push(...(await cardSlugs(page)));
      const next = page.locator('[data-testid="pagination"] a[rel="next"]');
      if ((await next.count()) === 0) break;
      const at = page.url();
      await next.click();
      await until(page, 'the next tag page', (u) => window.location.href !== u, at);
      await page.waitForSelector('html[data-courtview="interactive"]');
    }
    assert.ok(tagged.includes(slug), `${slug} is on its tag's list`);
    site.assertNoErrors(page);
  });

  test('a switch whose data cannot come loads the other language’s page', async () => {
    const slug = archiveSlugs()[1];
    const page = await site.newPage();
    // The other languages' data files never arrive (offline, or a newer deploy).
    const own = new Set();
    await page.route('**/data/*.bin', (route) => {
      if (own.size === 0) {
        own.add(route.request().url());
        return route.continue();
      }
      return own.has(route.request().url()) ? route.continue() : route.abort();
    });
    await page.goto(`${site.base}/kk/${slug}/`);
    await page.waitForSelector('html[data-courtview="interactive"]');
    await dataReady(page);
    await page.click('[data-testid="lang-en"]');
    await waitForPath(page, `/en/${slug}/`);
    await page.waitForSelector('article[lang="en"] #p-1');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.textContent('h1'), field(slug, 'en', 'title'));
    // The aborted fetches are the network's doing; the page logged no error of its own.
    const own_errors = page.__errors.filter((e) => !e.includes('Failed to load resource'));
    assert.deepEqual(own_errors, []);
  });

  test('every list page stays small: under 40 KB gzipped, at most 20 articles', () => {
    const lists = [];
    const walk = (dir) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) walk(full);
        else if (e.name === 'index.html') lists.push(full);
      }
    };
    for (const lang of LANGS) walk(path.join(DIST, lang));
    let largest = 0;
    for (const file of lists) {
      const html = readFileSync(file);
      if (!html.includes('data-testid="article-list"')) continue;
      largest = Math.max(largest, zlib.gzipSync(html, { level: 9 }).length);
      assert.ok((html.toString().match(/data-testid="article-card"/g) ?? []).length <= 20, file);
    }
    assert.ok(largest > 0 && largest < 40_000, `the largest list page is ${largest} bytes gzipped`);
  });

  test('without JavaScript, every article is reached by following links', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    for (const lang of LANGS) {
      const found = new Set();
      let url = `${site.base}/${lang}/`;
      for (let guard = 0; url && guard < 100; guard++) {
        await page.goto(url);
        for (const slug of await cardSlugs(page)) found.add(slug);
        url = await page.$eval('[data-testid="pagination"] a[rel="next"]', (a) => a.href).catch(() => null);
      }
      assert.deepEqual([...found].sort(), stressSlugs().sort(), lang);
    }
  });

  test('Atom feeds, sitemap and robots.txt agree with the pages', async () => {
    const page = await site.newPage();
    await page.goto(`${site.base}/kk/`);
    for (const lang of LANGS) {
      const feed = await (await page.request.get(`${site.base}/${lang}/feed.xml`)).text();
      await parseXml(page, feed);
      const entries = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        const ns = 'http://www.w3.org/2005/Atom';
        const root = doc.documentElement;
        return {
          root: `${root.namespaceURI} ${root.localName}`,
          others: [...root.children]
            .filter((e) => e.localName === 'link' && e.getAttribute('type') === 'application/atom+xml' && e.getAttribute('hreflang'))
            .map((e) => e.getAttribute('hreflang')),
          entries: [...doc.getElementsByTagNameNS(ns, 'entry')].map((e) => ({
            title: e.getElementsByTagNameNS(ns, 'title')[0].textContent,
            href: e.getElementsByTagNameNS(ns, 'link')[0].getAttribute('href'),
            updated: e.getElementsByTagNameNS(ns, 'updated')[0].textContent,
          })),
        };
      }, feed);
      assert.equal(entries.root, 'http://www.w3.org/2005/Atom feed');
      assert.deepEqual(entries.others.sort(), LANGS.filter((l) => l !== lang).sort());
      assert.equal(entries.entries.length, Math.min(50, stressSlugs().length));
      // The feed's first entries are the list's first cards, and each names its page's title.
      const list = await site.open(`/${lang}/`);
      const first = await cardSlugs(list);
      const fed = entries.entries.map((e) => new URL(e.href).pathname.split('/').filter(Boolean).pop());
      assert.deepEqual(fed.slice(0, 20), first);
      const sample = entries.entries[0];
      await list.goto(site.base + new URL(sample.href).pathname);
      assert.equal(await list.textContent('h1'), sample.title);
    }
    const sitemap = await (await page.request.get(`${site.base}/sitemap.xml`)).text();
    await parseXml(page, sitemap);
    const urls = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const ns = 'http://www.sitemaps.org/schemas/sitemap/0.9';
      return [...doc.getElementsByTagNameNS(ns, 'url')].map((u) => ({
        loc: u.getElementsByTagNameNS(ns, 'loc')[0].textContent,
        alternates: [...u.getElementsByTagNameNS('http://www.w3.org/1999/xhtml', 'link')].map((l) => l.getAttribute('hreflang')),
      }));
    }, sitemap);
    const paths = new Set(urls.map((u) => new URL(u.loc).pathname));
    for (const lang of LANGS) {
      assert.ok(paths.has(`/${lang}/`), `/${lang}/ in the sitemap`);
      for (const slug of archiveSlugs().slice(0, 5)) assert.ok(paths.has(`/${lang}/${slug}/`), `${lang}/${slug}`);
    }
    assert.ok(![...paths].some((p) => p.startsWith('/embed/')), 'no embed view in the sitemap');
    const article = urls.find((u) => new URL(u.loc).pathname === `/ru/${archiveSlugs()[0]}/`);
    assert.deepEqual(article.alternates.sort(), [...LANGS, 'kk-Latn'].sort());
    // The Kazakh pages' Latin twins are named too, and only theirs.
    const latin = urls.filter((u) => new URL(u.loc).search === '?script=latn');
    const kazakh = urls.filter((u) => new URL(u.loc).pathname.startsWith('/kk/') && !new URL(u.loc).search);
    assert.equal(latin.length, kazakh.length);
    assert.ok(latin.every((u) => new URL(u.loc).pathname.startsWith('/kk/')));
    // Every page the sitemap names is there, a twin as its Latin page.
    for (const { loc } of [...urls.slice(0, 30), ...latin.slice(0, 10)]) {
      const { pathname, search } = new URL(loc);
      const res = await page.request.get(site.base + pathname + search);
      assert.equal(res.status(), 200, loc);
      const lang = (await res.text()).match(/<html lang="([^"]+)"/)[1];
      assert.equal(lang, search ? 'kk-Latn' : pathname.split('/')[1], loc);
    }
    const robots = await (await page.request.get(`${site.base}/robots.txt`)).text();
    assert.match(robots, /^Sitemap: http.*\/sitemap\.xml$/m);
  });
});
