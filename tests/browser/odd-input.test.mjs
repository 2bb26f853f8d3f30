// Odd input in the running app (issue 6): any address, any query, any garbage in saved
// preferences gives a clear page, never a panic, and the app keeps working.
//
// For every case the page must be the article or the not-found page, in one of the app's
// languages (`<html lang>`), with a heading and the language switcher; the app must have
// started (`<html data-courtview="interactive">`); the panic notice (#cv-offline) stays hidden;
// no page error and no console error but the browser's note that a not-found page has status
// 404 (the harness ignores that one); and switching language still works.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { LANGS, SLUG, until, useSite } from './harness.mjs';

/** 10 000 characters of a slug-shaped segment and of a query. */
const LONG_SEGMENT = 'a'.repeat(10_000);
const LONG_QUERY = `q=${'x'.repeat(10_000)}`;

/**
 * Addresses and what they must show: `article` or `not-found`, and in which language
 * (`null`: the visitor's, which is English in these browser contexts).
 */
const ADDRESSES = [
  // Unknown languages.
  ['/xx/', 'not-found', null],
  [`/xx/${SLUG}/`, 'not-found', null],
  ['/de/a/b/c/', 'not-found', null],
  ['/KK/', 'not-found', null],
  // Percent-encoded junk, invalid UTF-8 and NUL included.
  ['/%C3%28/', 'not-found', null],
  ['/kk/%C3%28/', 'not-found', 'kk'],
  [`/ru/${SLUG}%C3%28/`, 'not-found', 'ru'],
  ['/%00/', 'not-found', null],
  ['/kk/%00/', 'not-found', 'kk'],
  ['/%FF%FE%FD/', 'not-found', null],
  ['/%E2%80%AE%E2%80%8B/', 'not-found', null],
  ['/en/%3Cscript%3Ealert(1)%3C%2Fscript%3E/', 'not-found', 'en'],
  ['/%2e%2e/%2e%2e/etc/passwd', 'not-found', null],
  ['/%25/', 'not-found', null],
  // 10 KB paths: a slug-shaped segment (an article that does not exist) and junk.
  [`/kk/${LONG_SEGMENT}/`, 'not-found', 'kk'],
  [`/${'%C3%28'.repeat(1_500)}/`, 'not-found', null],
  // A 10 KB query on the article and the embed view.
  [`/kk/${SLUG}/?${LONG_QUERY}`, 'article', 'kk'],
  [`/embed/ru/${SLUG}/?${LONG_QUERY}`, 'article', 'ru'],
  // Odd query options on the article and the embed view.
  ...[
    'p=',
    'p=x',
    'p=-1',
    'p=0',
    'p=99999999999999999999999',
    'p=%00',
    'p=%C3%28',
    'p=1&p=x&p=3',
    'theme=neon',
    'theme=%00%FF',
    'theme=dark&theme=',
    'types=%C3%28,,,person,person,',
    'types=',
    'highlight=%FF',
    'highlight=0&highlight=2',
    'script=xx',
    'script=latn',
    'with=xx',
    'with=%00%FF',
    'with=en&with=',
    'with=kk',
    'with=RU&with=%C3%28&p=2',
    '=&&&==&',
    '%C3%28=%C3%28',
    'p=3#p-99999',
    'p=3#%C3%28',
  ].flatMap((query) => [
    [`/en/${SLUG}/?${query}`, 'article', 'en'],
    // Kazakh in Latin script is kk-Latn (latn.test.mjs).
    [`/embed/kk/${SLUG}/?${query}`, 'article', query === 'script=latn' ? 'kk-Latn' : 'kk'],
  ]),
  [`/ru/${SLUG}/#p-0`, 'article', 'ru'],
  [`/ru/${SLUG}/#%00%C3%28`, 'article', 'ru'],
];

/** The page is clear: the article or the not-found page, in `lang`, heading, switcher. */
async function assertClearPage(page, kind, lang) {
  const selector = kind === 'article' ? 'article[lang]' : '[data-testid="not-found"]';
  await page.waitForSelector(selector);
  await page.waitForSelector('html[data-courtview="interactive"]');
  // Latin is shown right after the app has taken the (Cyrillic) page over.
  if (lang) await until(page, `<html lang="${lang}">`, (l) => document.documentElement.lang === l, lang);
  const htmlLang = await page.getAttribute('html', 'lang');
  if (lang) assert.equal(htmlLang, lang, 'the page speaks the language the address names');
  else assert.ok(LANGS.includes(htmlLang), `<html lang="${htmlLang}"> is one of ${LANGS}`);
  const heading = (await page.textContent('h1'))?.trim() ?? '';
  assert.ok(heading.length > 0, 'the page has a heading');
  for (const l of LANGS) {
    assert.ok(await page.$(`[data-testid="lang-${l}"]`), `the switcher offers ${l}`);
  }
  assert.equal(await page.isVisible('#cv-offline'), false, 'the panic notice stays hidden');
  assert.notEqual(await page.getAttribute('html', 'data-courtview'), 'failed', 'no panic');
  return htmlLang;
}

/** Switches to another language with the switcher and checks the page follows. */
async function assertSwitches(page, kind, from) {
  const to = from === 'ru' ? 'en' : 'ru';
  await page.click(`[data-testid="lang-${to}"]`);
  await until(page, `<html lang="${to}">`, (l) => document.documentElement.lang === l, to);
  await assertClearPage(page, kind, to);
}

describe('odd addresses and queries', () => {
  const site = useSite();

  for (const [address, kind, lang] of ADDRESSES) {
    const name = address.length > 80 ? `${address.slice(0, 60)}… (${address.length} chars)` : address;
    test(`${name} → ${kind}`, async () => {
      const page = await site.newPage();
      await page.goto(site.base + address);
      const shown = await assertClearPage(page, kind, lang);
      await assertSwitches(page, kind, shown);
      site.assertNoErrors(page);
      await page.context().close();
    });
  }
});

/** Every localStorage key the app reads (src/ui/dom.rs). */
const KEYS = ['courtview.lang', 'courtview.highlight'];

/** Garbage for each key. */
const GARBAGE = [
  '{',
  '{"lang":"ru"}',
  'null',
  'undefined',
  '[]',
  '123',
  '-1e309',
  'true',
  '"ru"',
  'xx',
  'KK',
  ' ru ',
  'ru-RU',
  'kk\u0000',
  '\uD800',
  '\u202Eur',
  '<script>alert(1)</script>',
  'highlight=0;hidden=' + 'person,'.repeat(20_000),
  'highlight=;hidden=;;;==;highlight=x',
  'x'.repeat(1_000_000),
];

/**
 * Sets `values` in the site's localStorage before the app loads: from a blank page of the same
 * origin that is not the app (its own icon, so the browser asks for no /favicon.ico).
 */
async function seedStorage(site, page, values) {
  await page.route('**/__seed', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><link rel="icon" href="data:,">' }),
  );
  await page.goto(`${site.base}/__seed`);
  await page.evaluate((entries) => {
    localStorage.clear();
    for (const [key, value] of entries) localStorage.setItem(key, value);
  }, Object.entries(values));
}

describe('garbage in saved preferences', () => {
  const site = useSite();

  for (const [i, value] of GARBAGE.entries()) {
    const shown = value.length > 40 ? `${JSON.stringify(value.slice(0, 30))}… (${value.length} chars)` : JSON.stringify(value);
    test(`every key set to ${shown}`, async () => {
      const page = await site.newPage();
      await seedStorage(site, page, Object.fromEntries(KEYS.map((k) => [k, value])));
      // `/` reads the saved language and goes on to a list; the article reads the saved
      // highlighting; the not-found page of an unknown language speaks the saved one.
      await page.goto(`${site.base}/`);
      await until(page, 'the list in some language', () =>
        /^\/(kk|ru|en)\/$/.test(location.pathname) && document.querySelector('[data-testid="article-list"]'));
      assert.equal(await page.isVisible('#cv-offline'), false);
      for (const [address, kind] of [[`/kk/${SLUG}/`, 'article'], ['/xx/', 'not-found']]) {
        await page.goto(site.base + address);
        const lang = await assertClearPage(page, kind, kind === 'article' ? 'kk' : null);
        if (kind === 'article') {
          assert.ok((await page.$$('article mark.entity')).length > 0 || value.startsWith('highlight=0'),
            'highlights as the (ignored or valid) saved choice says');
        }
        // Alternate between the two pages' switchers so both are exercised.
        if (i % 2 === 0 || kind === 'article') await assertSwitches(page, kind, lang);
      }
      site.assertNoErrors(page);
      await page.context().close();
    });
  }

  test('storage that throws on every access (blocked by the browser)', async () => {
    const page = await site.newPage();
    await page.addInitScript(() => {
      const refuse = () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      };
      Object.defineProperty(window, 'localStorage', { get: refuse, configurable: true });
    });
    for (const [address, kind, lang] of [['/', 'list', null], [`/ru/${SLUG}/`, 'article', 'ru'], ['/xx/', 'not-found', null]]) {
      await page.goto(site.base + address);
      if (kind === 'list') {
        await page.waitForSelector('[data-testid="article-list"]');
        continue;
      }
      const shown = await assertClearPage(page, kind, lang);
      await assertSwitches(page, kind, shown);
    }
    site.assertNoErrors(page);
  });

  test('storage whose methods throw (quota, a broken implementation)', async () => {
    const page = await site.newPage();
    await page.addInitScript(() => {
      const refuse = () => {
        throw new DOMException('quota', 'QuotaExceededError');
      };
      Storage.prototype.getItem = refuse;
      Storage.prototype.setItem = refuse;
    });
    await page.goto(`${site.base}/en/${SLUG}/`);
    const shown = await assertClearPage(page, 'article', 'en');
    await assertSwitches(page, 'article', shown);
    // A highlighting choice is saved on change: the failing write must not break the page.
    const toggle = await page.$('[data-testid^="legend-"]');
    if (toggle) await toggle.click();
    await assertClearPage(page, 'article', 'ru');
    site.assertNoErrors(page);
  });
});
