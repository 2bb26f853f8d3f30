// Prerendered pages (issue 5): every page `cargo xtask dist` writes is readable with
// JavaScript off, with its head tags and working language links; with JavaScript on, the app
// hydrates it without changing the DOM and without logging anything; afterwards the page is
// interactive. The Latin twins of the Kazakh pages (`?script=latn`, issue 16) are among them.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';

import { DIST, LANGS, SLUG, useSite, waitForPath } from './harness.mjs';

/** The query that asks for Kazakh in Latin, and so for a Kazakh page's Latin twin. */
const LATN = '?script=latn';

/** The kinds of prerendered page, by path in a language. */
const KINDS = [
  { kind: 'list', at: (lang) => `/${lang}/` },
  { kind: 'article', at: (lang) => `/${lang}/${SLUG}/` },
  { kind: 'entities', at: (lang) => `/${lang}/entities/` },
  { kind: 'entity', at: (lang) => `/${lang}/entities/kazakhstan/` },
  { kind: 'search', at: (lang) => `/${lang}/search/` },
];

/**
 * Prerendered pages of every kind: the list, the first article, the entity pages, search; in
 * each language, and the Kazakh ones also as their Latin twins (`query` '?script=latn',
 * `<html lang="kk-Latn">`).
 */
const PAGES = [
  ...LANGS.flatMap((lang) => KINDS.map(({ kind, at }) => ({ path: at(lang), query: '', lang, tag: lang, kind }))),
  ...KINDS.map(({ kind, at }) => ({ path: at('kk'), query: LATN, lang: 'kk', tag: 'kk-Latn', kind })),
];

/** `text` as a regular expression that matches it literally. */
const literally = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The #app subtree as plain data: elements with their sorted attributes, and text. Comments
 * (Yew's hydration markers, which hydration removes) are left out.
 */
function snapshotApp() {
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.data;
    if (node.nodeType !== Node.ELEMENT_NODE) return null;
    const attrs = [...node.attributes].map((a) => `${a.name}=${a.value}`).sort();
    const children = [...node.childNodes].map(walk).filter((c) => c !== null);
    // Adjacent text nodes may be split or merged; what the reader sees is their join.
    const merged = [];
    for (const c of children) {
      if (typeof c === 'string' && typeof merged.at(-1) === 'string') merged[merged.length - 1] += c;
      else merged.push(c);
    }
    return { tag: node.tagName.toLowerCase(), attrs, children: merged };
  };
  const app = document.getElementById('app');
  return app ? [...app.childNodes].map(walk).filter((c) => c !== null) : null;
}

describe('prerendered pages', () => {
  const site = useSite();

  test('dist/ holds every page, the Latin twin beside each Kazakh one, and 404.html', () => {
    for (const { path: p, query } of PAGES) {
      const file = query ? 'index.latn.html' : 'index.html';
      assert.ok(existsSync(path.join(DIST, p, file)), `${p}${file}`);
    }
    for (const { path: p, lang } of PAGES) {
      assert.equal(existsSync(path.join(DIST, p, 'index.latn.html')), lang === 'kk', `${p}index.latn.html`);
    }
    for (const lang of LANGS) {
      assert.ok(existsSync(path.join(DIST, 'embed', lang, SLUG, 'index.html')));
      assert.equal(existsSync(path.join(DIST, 'embed', lang, SLUG, 'index.latn.html')), lang === 'kk');
    }
    assert.ok(existsSync(path.join(DIST, '404.html')));
    assert.ok(existsSync(path.join(DIST, '404.latn.html')));
  });

  for (const { path: p, query, lang, tag, kind } of PAGES) {
    test(`${p}${query} with JavaScript off: readable, head tags, plain language links`, async () => {
      const page = await site.newPage({ javaScriptEnabled: false });
      await page.goto(site.base + p + query);
      assert.equal(await page.getAttribute('html', 'lang'), tag);
      const h1 = (await page.textContent('h1'))?.trim() ?? '';
      assert.ok(h1.length > 3, 'a heading');
      const title = await page.title();
      assert.ok(title.includes(h1), `title "${title}" names the page`);
      assert.match(await page.getAttribute('link[rel=canonical]', 'href'), new RegExp(`${literally(p + query)}$`));
      const alternates = await page.$$eval('link[rel=alternate][hreflang]', (ls) =>
        ls.map((l) => l.getAttribute('hreflang')).sort(),
      );
      assert.deepEqual(alternates, ['en', 'kk', 'kk-Latn', 'ru', 'x-default']);
      const latin = await page.getAttribute('link[rel=alternate][hreflang="kk-Latn"]', 'href');
      assert.ok(latin.endsWith(`${p.replace(`/${lang}/`, '/kk/')}${LATN}`), latin);
      assert.ok(await page.getAttribute('meta[property="og:title"]', 'content'));
      assert.ok((await page.getAttribute('meta[name=description]', 'content')).length > 20);
      if (kind === 'article') {
        assert.ok((await page.$$('article p[id^="p-"]')).length >= 8, 'paragraphs');
        assert.ok((await page.$$('article mark.entity')).length > 10, 'highlights in the markup');
      } else if (kind === 'entities') {
        assert.ok((await page.$$('[data-testid="entity-link"] a')).length >= 10, 'entity links');
      } else if (kind === 'search') {
        assert.equal(await page.getAttribute('form[role=search]', 'action'), p, 'a form to itself');
        assert.ok(await page.isVisible('[data-testid="search-noscript"]'), 'other ways to find news');
      } else {
        assert.ok((await page.$$('[data-testid="article-card"]')).length >= 1, 'article cards');
      }
      // The language links are plain links to the other prerendered pages.
      const other = LANGS.find((l) => l !== lang);
      await page.click(`[data-testid="lang-${other}"]`);
      await waitForPath(page, p.replace(`/${lang}/`, `/${other}/`));
      assert.equal(await page.getAttribute('html', 'lang'), other);
      // From the Latin twin the link keeps the script. The Russian page it leads to is the
      // one page there is (no twin: it reads the same in either script), so without
      // JavaScript its own link back to Kazakh is to the Cyrillic page.
      assert.equal(new URL(page.url()).search, query);
    });
  }

  test('404.html with JavaScript off says the page was not found', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    await page.goto(`${site.base}/404.html`);
    assert.ok(await page.$('[data-testid="not-found"]'));
    assert.equal(await page.getAttribute('meta[name=robots]', 'content'), 'noindex');
    await page.goto(`${site.base}/404.latn.html`);
    assert.equal(await page.getAttribute('html', 'lang'), 'kk-Latn');
    assert.doesNotMatch(await page.textContent('[data-testid="not-found"]'), /[\u0400-\u04FF]/);
    // The notice shown should the app not start speaks all three languages, Kazakh in Latin.
    const kazakh = await page.textContent('#cv-offline [lang="kk-Latn"]');
    assert.doesNotMatch(kazakh, /[\u0400-\u04FF]/, kazakh);
    assert.equal(await page.$('#cv-offline [lang="kk"]'), null);
  });

  const EMBEDS = [
    ...LANGS.map((lang) => ({ path: `/embed/${lang}/${SLUG}/`, query: '' })),
    { path: `/embed/kk/${SLUG}/`, query: LATN },
  ];

  for (const { path: p, query } of EMBEDS) {
    test(`${p}${query} with JavaScript off: the article, marked, with a canonical link to the full page`, async () => {
      const page = await site.newPage({ javaScriptEnabled: false });
      await page.goto(site.base + p + query);
      assert.ok((await page.$$('article p[id^="p-"]')).length >= 8, 'paragraphs');
      assert.ok((await page.$$('article mark.entity')).length > 10, 'highlights');
      const canonical = `${p.replace('/embed', '')}${query}`;
      assert.match(await page.getAttribute('link[rel=canonical]', 'href'), new RegExp(`${literally(canonical)}$`));
    });
  }

  // The search page alone changes once the app runs (its note for readers without JavaScript
  // goes, the advice comes): its hydration is checked by the nodes it keeps.
  for (const { path: p, query } of [...PAGES.filter((x) => x.kind !== 'search'), ...EMBEDS]) {
    test(`${p}${query}: hydration keeps the DOM and logs nothing`, async () => {
      const page = await site.newPage();
      const messages = [];
      page.on('console', (msg) => messages.push(`${msg.type()}: ${msg.text()}`));
      // The snapshot before any script runs: the parser has built the prerendered DOM.
      await page.addInitScript(`(${snapshotApp.toString()}, document.addEventListener('DOMContentLoaded', () => {
        window.__before = (${snapshotApp.toString()})();
      }))`);
      await page.goto(site.base + p + query);
      await page.waitForSelector('html[data-courtview="interactive"]');
      const before = await page.evaluate(() => window.__before);
      const after = await page.evaluate(snapshotApp);
      assert.ok(before && before.length > 0, 'the page was prerendered');
      assert.deepEqual(after, before, 'hydration changed the DOM');
      assert.deepEqual(messages, [], 'the console');
      site.assertNoErrors(page);
    });
  }

  test('the search page is hydrated in place: its field is the prerendered one', async () => {
    const page = await site.newPage();
    const messages = [];
    page.on('console', (msg) => messages.push(`${msg.type()}: ${msg.text()}`));
    await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => {
      window.__field = document.getElementById('cv-search-q');
      window.__heading = document.querySelector('h1');
    }));
    await page.goto(`${site.base}/ru/search/?q=суд`);
    await page.waitForSelector('html[data-courtview="interactive"]');
    await page.waitForSelector('[data-testid="search-noscript"]', { state: 'detached' });
    assert.ok(await page.evaluate(() => window.__field && window.__field === document.getElementById('cv-search-q')));
    assert.ok(await page.evaluate(() => window.__heading === document.querySelector('h1')));
    assert.equal(await page.inputValue('#cv-search-q'), 'суд');
    assert.deepEqual(messages, [], 'the console');
    site.assertNoErrors(page);
  });

  // Yew 0.23 hydrates a page in one task; its patched scheduler (vendor/yew/PATCHED.md) yields
  // between components. At 4x the article's hydration takes well over 100 ms of 10 ms slices,
  // so a loop of tasks of our own gets turns in between (11 to 88 seen); in one task it gets
  // at most one (seen with Yew unpatched).
  test('hydration yields to the browser between its start and the interactive mark', async () => {
    const page = await site.newPage();
    await page.addInitScript(() => {
      const ticks = (window.__ticks = []);
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        ticks.push(performance.now());
        // Until the app is interactive (no documentElement yet at the first ticks).
        if (!document.documentElement?.hasAttribute('data-courtview')) channel.port2.postMessage(0);
      };
      channel.port2.postMessage(0);
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(`${site.base}/kk/${SLUG}/`);
    await page.waitForSelector('html[data-courtview="interactive"]', { state: 'attached' });
    const seen = await page.evaluate(() => {
      const [start] = performance.getEntriesByName('courtview:hydrating');
      const [end] = performance.getEntriesByName('courtview:interactive');
      return {
        start: start?.startTime,
        end: end?.startTime,
        between: window.__ticks.filter((t) => t > start?.startTime && t < end?.startTime).length,
      };
    });
    assert.ok(seen.start > 0 && seen.end > seen.start, `marks: ${JSON.stringify(seen)}`);
    assert.ok(seen.between >= 5, `tasks that ran while the page hydrated: ${JSON.stringify(seen)}`);
    site.assertNoErrors(page);
  });

  test('after hydration the legend, the cards and the language switch work', async () => {
    const page = await site.newPage();
    await page.goto(`${site.base}/kk/${SLUG}/`);
    await page.waitForSelector('html[data-courtview="interactive"]');
    const legend = page.locator('[data-testid="legend-person"]');
    await legend.click();
    assert.equal(await legend.getAttribute('aria-pressed'), 'false');
    await legend.click();
    await page.focus('mark.entity[data-entity="kazakhstan"]');
    await page.waitForSelector('[data-testid="entity-card"]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="entity-card"]', { state: 'detached' });
    await page.evaluate(() => (window.__sameDocument = true));
    await page.click('[data-testid="lang-ru"]');
    await waitForPath(page, `/ru/${SLUG}/`);
    await page.waitForSelector('article[lang="ru"]');
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'switched without a reload');
    site.assertNoErrors(page);
  });
});
