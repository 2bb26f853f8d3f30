// Kazakh in the 2021 Latin alphabet (issue 16): `?script=latn` shows every Kazakh text of a
// page in Latin letters, marked lang="kk-Latn", with the same paragraphs and highlights; the
// switch Кирилл / Latyn changes it in place and keeps the reader's paragraph; the choice
// survives a reload and travels with the site's links; the embed takes it too; Russian and
// English are unchanged. The server sends a Kazakh page's Latin twin for a Latin query, so
// the page reads in Latin without JavaScript and the app hydrates it without switching; a
// server that sends the Cyrillic page instead still gets Latin once the app starts.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { DIST, LATIN_DIVERGES, LATIN_QUERIES, SLUG, inViewport, until, useSite } from './harness.mjs';

/** Text of the Kazakh article, and what the transliterator makes of it. */
const KK_TEXT = 'Форумға әлемнің 80-нен астам елінен';
const LATN_TEXT = 'Forumğa älemnıñ 80-nen astam elınen';

/** The first article has this many paragraphs in every language (p-1 … p-8). */
const PARAGRAPHS = 8;

/** Whether a string has a Cyrillic character. */
const CYRILLIC = /[\u0400-\u04FF]/;

/** Waits until the app is running and has rendered the page in Latin. */
async function latinReady(page) {
  await until(page, 'the app is awake', () => document.documentElement.dataset.courtview === 'interactive');
  await until(page, '<html lang="kk-Latn">', () => document.documentElement.lang === 'kk-Latn');
}

/** The marks of the article: entity ids and types, in order. */
function marks(page) {
  return page.$$eval('article.cv-prose mark.entity', (els) =>
    els.map((el) => `${el.dataset.entity}/${el.dataset.type}`),
  );
}

/** Waits two frames: the app may restore a position a frame after rendering. */
function frames(page) {
  return page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Latin twins of every kind with JavaScript off: each page's own Latin, and what it holds. */
const TWINS = [
  { path: `/kk/${SLUG}/`, kind: 'article' },
  { path: '/kk/', kind: 'list' },
  { path: '/kk/entities/kazakhstan/', kind: 'entity' },
  { path: `/embed/kk/${SLUG}/`, kind: 'embed' },
];

/** The text of `selector`, with the Cyrillic a Latin page keeps (other languages' own names). */
async function latinText(page, selector) {
  const text = await page.textContent(selector);
  return text.replace(/Русский|Рус|Кирилл|Кир/g, '');
}

describe('Kazakh in the Latin alphabet', () => {
  const site = useSite();

  for (const { path: p, kind } of TWINS) {
    test(`${p}?script=latn with JavaScript off: the Latin twin`, async () => {
      const page = await site.newPage({ javaScriptEnabled: false });
      await page.goto(`${site.base}${p}?script=latn`);
      assert.equal(await page.getAttribute('html', 'lang'), 'kk-Latn');
      const title = await page.title();
      assert.ok(!CYRILLIC.test(title), `the document title in Latin: ${title}`);
      const h1 = await page.textContent('h1');
      assert.ok(h1.trim() && !CYRILLIC.test(h1), `the heading in Latin: ${h1}`);
      const shell = kind === 'embed' ? '[data-testid="embed-view"]' : 'body';
      const text = await latinText(page, shell);
      assert.ok(!CYRILLIC.test(text), `no Cyrillic: …${text.slice(text.search(CYRILLIC) - 30, text.search(CYRILLIC) + 30)}…`);
      if (kind === 'article' || kind === 'embed') {
        assert.equal(await page.getAttribute('article.cv-prose', 'lang'), 'kk-Latn');
        assert.ok((await page.textContent('article.cv-prose')).includes(LATN_TEXT));
        assert.ok((await page.$$('article.cv-prose mark.entity[data-entity][data-type]')).length > 10);
        assert.match(await page.textContent('time'), /^\d{4} jylğy \d{1,2} [a-zäğıñöşūü]+$/);
      } else if (kind === 'list') {
        assert.match(await page.textContent('[data-testid="article-card"] time'), /jylğy/);
      }
      if (kind !== 'embed') {
        assert.equal(await page.getAttribute('[data-testid="script-latn"]', 'aria-current'), 'true');
        assert.equal(await page.getAttribute('[data-testid="script-cyrl"]', 'href'), p);
      }
      // Every link within the site keeps the script, but the one to Cyrillic.
      const hrefs = await page.$$eval('a[href^="/"]', (els) =>
        els.filter((el) => el.dataset.testid !== 'script-cyrl').map((el) => el.getAttribute('href')),
      );
      assert.ok(hrefs.length > 3, 'links');
      for (const href of hrefs) assert.match(href, /[?&]script=latn(&|#|$)/, `${href} keeps the script`);
    });
  }

  test('a Latin twin hydrates in Latin with no switch: its nodes are the ones the server sent', async () => {
    const page = await site.newPage();
    // Each document loaded in this tab counts itself where a reload keeps the count (an init
    // script runs again on a reload, so a flag it set would be set again).
    await page.addInitScript(() => {
      if (!location.protocol.startsWith('http')) return;
      sessionStorage.setItem('loads', String(Number(sessionStorage.getItem('loads')) + 1));
      document.addEventListener('DOMContentLoaded', () => {
        window.__nodes = {
          text: document.getElementById('p-1').firstChild,
          heading: document.querySelector('h1').firstChild,
          article: document.querySelector('article.cv-prose'),
        };
      });
    });
    await page.goto(`${site.base}/kk/${SLUG}/?script=latn`);
    await latinReady(page);
    await frames(page);
    await frames(page);
    const same = await page.evaluate(() => ({
      text: window.__nodes.text === document.getElementById('p-1').firstChild,
      heading: window.__nodes.heading === document.querySelector('h1').firstChild,
      article: window.__nodes.article === document.querySelector('article.cv-prose'),
      data: document.getElementById('p-1').firstChild.data,
      loads: sessionStorage.getItem('loads'),
    }));
    assert.deepEqual({ ...same, data: undefined }, { text: true, heading: true, article: true, loads: '1', data: undefined });
    assert.ok(!CYRILLIC.test(same.data), `still Latin: ${same.data}`);
    site.assertNoErrors(page);
  });

  test('a server that sends the Cyrillic page for ?script=latn: the app switches after it starts', async () => {
    const page = await site.newPage();
    const cyrillic = await readFile(path.join(DIST, 'kk', SLUG, 'index.html'));
    // As `trunk serve` or a host without the twin rule does: the page of the path alone.
    await page.route(`${site.base}/kk/${SLUG}/?script=latn`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: cyrillic }),
    );
    await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => {
      window.__servedLang = document.documentElement.lang;
    }));
    await page.goto(`${site.base}/kk/${SLUG}/?script=latn`);
    await latinReady(page);
    assert.equal(await page.evaluate(() => window.__servedLang), 'kk');
    assert.ok((await page.textContent('article.cv-prose')).includes(LATN_TEXT));
    assert.equal(await page.getAttribute('[data-testid="script-latn"]', 'aria-current'), 'true');
    site.assertNoErrors(page);
  });

  test('queries choose the script as the contract says, with and without JavaScript', async () => {
    const off = await site.newPage({ javaScriptEnabled: false });
    for (const [query, latin] of LATIN_QUERIES) {
      await off.goto(`${site.base}/kk/${SLUG}/?${query}`);
      assert.equal(await off.getAttribute('html', 'lang'), latin ? 'kk-Latn' : 'kk', `?${query}`);
    }
    // With the app, the address decides, whichever page was sent: a value only a decoder
    // reads as Latin included (the server sends the Cyrillic page; the app switches).
    for (const [query, latin] of [
      ['script=LATN', true],
      ['script=latn&script=junk', true],
      ['script=latn&script=cyrl', false],
      ['script=cyrl', false],
      ...LATIN_DIVERGES.map((q) => [q, true]),
    ]) {
      const page = await site.open(`/kk/${SLUG}/?${query}`);
      await until(page, 'the app is awake', () => document.documentElement.dataset.courtview === 'interactive');
      await frames(page);
      const lang = latin ? 'kk-Latn' : 'kk';
      await until(page, `<html lang="${lang}"> for ?${query}`, (l) => document.documentElement.lang === l, lang);
      assert.equal(await page.getAttribute('article.cv-prose', 'lang'), lang, `?${query}`);
      site.assertNoErrors(page);
    }
  });

  test('the article in Latin: text, title, marks, paragraph ids, interface, date', async () => {
    const cyrl = await site.open(`/kk/${SLUG}/`);
    await until(cyrl, 'the app is awake', () => document.documentElement.dataset.courtview === 'interactive');
    const cyrlMarks = await marks(cyrl);
    assert.ok(cyrlMarks.length > 0, 'the Kazakh article has marks');

    const page = await site.open(`/kk/${SLUG}/?script=latn`);
    await latinReady(page);
    const article = page.locator('article.cv-prose');
    assert.equal(await article.getAttribute('lang'), 'kk-Latn');
    const text = await article.textContent();
    assert.ok(text.includes(LATN_TEXT), `the article reads "${LATN_TEXT}"`);
    assert.ok(!CYRILLIC.test(text), `no Cyrillic left in the article: ${text.match(CYRILLIC)}`);
    // The same paragraphs and the same marks, with their ids and types.
    const ids = await page.$$eval('article.cv-prose [id^="p-"]', (els) => els.map((el) => el.id));
    assert.deepEqual(ids, Array.from({ length: PARAGRAPHS }, (_, i) => `p-${i + 1}`));
    assert.deepEqual(await marks(page), cyrlMarks);

    // The title, the date and reading time, the interface around the article.
    const title = await page.textContent('h1.cv-title');
    assert.ok(title.trim() && !CYRILLIC.test(title), `title in Latin: ${title}`);
    assert.equal(await page.getAttribute('.cv-article-head', 'lang'), 'kk-Latn');
    const date = await page.textContent('.cv-article-head time');
    assert.match(date, /^\d{4} jylğy \d{1,2} [a-zäğıñöşūü]+$/, `the date in Latin: ${date}`);
    assert.ok(!CYRILLIC.test(await page.title()), `the document title in Latin: ${await page.title()}`);
    for (const selector of ['main', 'footer.cv-footer', '.cv-brand', '.cv-skip']) {
      const shown = await page.locator(selector).first().textContent();
      assert.ok(!CYRILLIC.test(shown), `${selector} has no Cyrillic: …${shown.slice(shown.search(CYRILLIC) - 20, shown.search(CYRILLIC) + 20)}…`);
    }
    const labels = await page.$$eval('[aria-label]', (els) => els.map((el) => el.getAttribute('aria-label')));
    for (const label of labels) assert.ok(!CYRILLIC.test(label), `aria-label in Latin: ${label}`);

    // The language switcher names Kazakh in Latin and keeps the script in its links.
    assert.equal(await page.textContent('[data-testid="lang-kk"] .cv-langs__name'), 'Qazaqşa');
    assert.equal(await page.getAttribute('[data-testid="lang-kk"]', 'lang'), 'kk-Latn');
    assert.equal(await page.getAttribute('[data-testid="lang-ru"]', 'href'), `/ru/${SLUG}/?script=latn`);
    // The switch marks Latin, and only Кирилл keeps its own letters.
    assert.equal(await page.getAttribute('[data-testid="script-latn"]', 'aria-current'), 'true');
    assert.equal(await page.getAttribute('[data-testid="script-cyrl"]', 'aria-current'), null);
    assert.equal(await page.getAttribute('[data-testid="script-cyrl"]', 'href'), `/kk/${SLUG}/`);
    // The breadcrumb back to the list stays in Latin.
    assert.equal(await page.getAttribute('.cv-breadcrumb a', 'href'), '/kk/?script=latn');
    site.assertNoErrors(page);
  });

  test('an entity card and the legend in Latin', async () => {
    const page = await site.open(`/kk/${SLUG}/?script=latn`);
    await latinReady(page);
    const legend = await page.textContent('[data-testid="entity-legend"]');
    assert.ok(!CYRILLIC.test(legend), `legend in Latin: ${legend}`);
    await page.locator('article mark.entity[data-entity="kazakhstan"]').first().click();
    const card = page.locator('[data-testid="entity-card"]');
    await card.waitFor();
    const cardText = await card.textContent();
    assert.ok(cardText.includes('Qazaqstan'), `the card names Qazaqstan: ${cardText}`);
    assert.ok(!CYRILLIC.test(cardText), `card in Latin: ${cardText}`);
    const entityPage = await page.getAttribute('[data-testid="entity-card-page"]', 'href');
    assert.equal(entityPage, '/kk/entities/kazakhstan/?script=latn');
    site.assertNoErrors(page);
  });

  test('Кирилл ↔ Latyn switches in place, keeps paragraph 5, and a reload keeps Latin', async () => {
    const page = await site.open(`/kk/${SLUG}/`, { viewport: { width: 375, height: 667 } });
    await until(page, 'the app is awake', () => document.documentElement.dataset.courtview === 'interactive');
    assert.ok(await inViewport(page, '[data-testid="script-latn"]'), 'the switch is in the phone header');
    await page.evaluate(() => document.getElementById('p-5').scrollIntoView({ block: 'start' }));
    await frames(page);
    const topBefore = await page.evaluate(() => document.getElementById('p-5').getBoundingClientRect().top);
    await page.evaluate(() => {
      window.__noReload = 1;
    });

    await page.click('[data-testid="script-latn"]');
    await latinReady(page);
    assert.equal(new URL(page.url()).search, '?script=latn');
    assert.equal(await page.evaluate(() => window.__noReload), 1, 'no page reload');
    assert.ok((await page.textContent('article.cv-prose')).includes(LATN_TEXT));
    await frames(page);
    const topLatin = await page.evaluate(() => document.getElementById('p-5').getBoundingClientRect().top);
    assert.ok(Math.abs(topLatin - topBefore) < 2, `p-5 top moved from ${topBefore} to ${topLatin}`);

    await page.click('[data-testid="script-cyrl"]');
    await until(page, '<html lang="kk">', () => document.documentElement.lang === 'kk');
    assert.equal(new URL(page.url()).search, '');
    assert.ok((await page.textContent('article[lang="kk"]')).includes(KK_TEXT));
    await frames(page);
    const topCyrl = await page.evaluate(() => document.getElementById('p-5').getBoundingClientRect().top);
    assert.ok(Math.abs(topCyrl - topBefore) < 2, `p-5 top moved from ${topBefore} to ${topCyrl}`);
    assert.equal(await page.evaluate(() => window.__noReload), 1, 'still no page reload');

    await page.click('[data-testid="script-latn"]');
    await latinReady(page);
    await page.reload();
    await latinReady(page);
    assert.equal(new URL(page.url()).search, '?script=latn');
    assert.ok((await page.textContent('article.cv-prose')).includes(LATN_TEXT));
    await frames(page);
    assert.ok(await inViewport(page, '#p-5'), 'paragraph 5 in view after the reload');
    site.assertNoErrors(page);
  });

  test('a list page and its cards in Latin, their links keeping it', async () => {
    const page = await site.open('/kk/?script=latn');
    await latinReady(page);
    const card = page.locator('[data-testid="article-card"]').first();
    await card.waitFor();
    assert.equal(await card.locator('article').getAttribute('lang'), 'kk-Latn');
    const text = await card.textContent();
    assert.ok(!CYRILLIC.test(text), `card in Latin: ${text}`);
    assert.match(await card.locator('time').textContent(), /jylğy/);
    assert.equal(await card.locator('h2 a').getAttribute('href'), `/kk/${SLUG}/?script=latn`);
    const list = await page.textContent('[data-testid="article-list"]');
    assert.ok(!CYRILLIC.test(list), 'the whole list in Latin');
    const hrefs = await page.$$eval('main a[href]', (els) => els.map((el) => el.getAttribute('href')));
    for (const href of hrefs) assert.ok(href.endsWith('?script=latn'), `${href} keeps the script`);

    // Following the card's link opens the article in Latin.
    await card.locator('h2 a').click();
    await page.waitForURL(`**/kk/${SLUG}/?script=latn`);
    await latinReady(page);
    assert.ok((await page.textContent('article.cv-prose')).includes(LATN_TEXT));
    site.assertNoErrors(page);
  });

  test('the entity pages in Latin', async () => {
    const page = await site.open('/kk/entities/?script=latn');
    await latinReady(page);
    const text = await page.textContent('main');
    assert.ok(text.includes('Qazaqstan') && !CYRILLIC.test(text), 'every entity in Latin');
    site.assertNoErrors(page);
  });

  test('the embed in Latin with ?script=latn', async () => {
    const page = await site.open(`/embed/kk/${SLUG}/?script=latn&p=3`);
    await latinReady(page);
    const article = page.locator('article.cv-prose');
    assert.equal(await article.getAttribute('lang'), 'kk-Latn');
    const text = await page.textContent('[data-testid="embed-view"]');
    assert.ok(text.includes(LATN_TEXT), 'the embedded article in Latin');
    const outside = text.replace(/Русский|Рус/g, '');
    assert.ok(!CYRILLIC.test(outside), `no Cyrillic in the embed: ${outside.match(CYRILLIC)}`);
    assert.ok((await page.$$('article.cv-prose mark.entity[data-entity][data-type]')).length > 0);
    assert.equal(await page.getAttribute('#p-3', 'class'), 'cv-p--target');
    // No switch in the embed: the option alone decides; links keep it.
    assert.equal(await page.$('[data-testid="script-switch"]'), null);
    assert.equal(
      await page.getAttribute('[data-testid="embed-full-link"]', 'href'),
      `/kk/${SLUG}/?script=latn#p-3`,
    );
    assert.equal(
      await page.getAttribute('[data-testid="lang-ru"]', 'href'),
      `/embed/ru/${SLUG}/?script=latn&p=3`,
    );
    site.assertNoErrors(page);
  });

  for (const lang of ['ru', 'en']) {
    test(`/${lang}/ with ?script=latn is unchanged, and keeps the script for Kazakh`, async () => {
      // The server sends the page itself: Russian and English have no Latin twin.
      const sent = await Promise.all(
        ['', '?script=latn'].map(async (q) => (await fetch(`${site.base}/${lang}/${SLUG}/${q}`)).text()),
      );
      assert.equal(sent[1], sent[0], 'the same page for either query');

      const plain = await site.open(`/${lang}/${SLUG}/`);
      await until(plain, 'the app is awake', () => document.documentElement.dataset.courtview === 'interactive');
      const plainText = await plain.textContent('article.cv-prose');

      const page = await site.open(`/${lang}/${SLUG}/?script=latn`);
      await until(page, 'the app is awake', () => document.documentElement.dataset.courtview === 'interactive');
      await frames(page);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      assert.equal(await page.getAttribute('article.cv-prose', 'lang'), lang);
      assert.equal(await page.textContent('article.cv-prose'), plainText);
      assert.equal(await page.textContent('h1.cv-title'), await plain.textContent('h1.cv-title'));
      assert.equal(await page.$('[data-testid="script-switch"]'), null, 'no switch without Kazakh');
      assert.equal(await page.textContent('[data-testid="lang-kk"] .cv-langs__name'), 'Qazaqşa');
      assert.equal(await page.getAttribute('[data-testid="lang-kk"]', 'href'), `/kk/${SLUG}/?script=latn`);

      // The language switch goes to Kazakh in Latin, in place.
      await page.click('[data-testid="lang-kk"]');
      await latinReady(page);
      assert.equal(new URL(page.url()).search, '?script=latn');
      assert.ok((await page.textContent('article.cv-prose')).includes(LATN_TEXT));
      site.assertNoErrors(page);
    });
  }
});
