// The hostile Markdown corpus (tests/fixtures/hostile/, issue 6) in headless Chromium, twice.
//
// 1. In the running app. The stress build (`cargo xtask stress`, run by `cargo xtask test`)
//    carries every case as an article, `hostile-<case>` (target/stress/articles/), so the
//    WebAssembly app itself renders it: /en/hostile-<case>/, then the switcher to kk and ru.
//    Each time: nothing executes (the traps below), the article's live DOM keeps to the
//    allow-lists, the document holds no script but the app's own, and the article has
//    exactly the elements of the native render of the same case and language (what
//    `courtview render` prints), so the app and the CLI agree.
// 2. The native renders alone. Each case's HTML as the app's own DocumentView component
//    renders it natively (the same component the browser hydrates; the native test
//    tests/hostile.rs writes the kk, ru and en renders to target/hostile/), placed
// in a page shaped like the app's (`<main class="cv-main">`) with the built stylesheet from
// dist/, and parsed by Chromium's real HTML parser. The page has no Content-Security-Policy,
// so nothing is held back by one. For every case:
// - nothing executes: alert, confirm, prompt, print and window.open are traps, as are
//   window.onerror and page errors, and every element gets mouse, focus and click events;
// - the live DOM keeps to the allow-lists: only the elements DocumentView renders, only their
//   attributes, no on* attribute, no <script> anywhere; every link and image URL, as the
//   browser resolved it, is http, https or mailto; every link to another origin has
//   rel="noopener noreferrer";
// - the browser built exactly the elements the HTML names (no parser surprises).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { CHROMIUM, CHROMIUM_ARGS, DIST, STRESS, TIMEOUT_MS } from './harness.mjs';
import { startServer } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(here, '../..');
const CORPUS = path.join(REPO, 'tests/fixtures/hostile');
const TARGET = process.env.CARGO_TARGET_DIR
  ? path.resolve(REPO, process.env.CARGO_TARGET_DIR)
  : path.join(REPO, 'target');
/** Where `cargo test --test hostile` writes each case's renders. */
const RENDERED = process.env.COURTVIEW_HOSTILE ?? path.join(TARGET, 'hostile');

/**
 * Elements DocumentView renders, with their attributes: the file the native strict reader
 * (tests/support/src/html_allow.rs) reads too.
 */
const ALLOWED = JSON.parse(readFileSync(path.join(REPO, 'tests/fixtures/html-allow.json'), 'utf8')).elements;

const cases = readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort();

/** The case's rendered HTML, refusing a missing or stale render. */
function rendered(name) {
  const stem = name.replace(/\.md$/, '');
  const html = path.join(RENDERED, `${stem}.html`);
  const source = path.join(RENDERED, name);
  const fix = 'run `cargo test --test hostile` (cargo xtask test does) to render the corpus';
  assert.ok(existsSync(html), `${html} is missing: ${fix}`);
  assert.ok(
    existsSync(source) && readFileSync(source).equals(readFileSync(path.join(CORPUS, name))),
    `${html} was rendered from another version of ${name}: ${fix}`,
  );
  return readFileSync(html, 'utf8');
}

/** The built stylesheet(s), as the app's pages link them. */
function stylesheets() {
  const index = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  // Trunk minifies the release build's index.html: attributes in any order, quotes optional.
  const hrefs = [...index.matchAll(/<link\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => /\srel=["']?stylesheet["'\s>]/.test(tag))
    .map((tag) => tag.match(/\shref=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/))
    .filter(Boolean)
    .map((m) => m[1] ?? m[2] ?? m[3]);
  assert.ok(hrefs.length > 0, `no stylesheet linked in ${DIST}/index.html`);
  return hrefs.map((h) => `<link rel="stylesheet" href="${h}">`).join('');
}

/** Set before any page script: calls that would show code ran leave a note instead. */
function installTraps() {
  window.__pwned = [];
  const trap = (what) => (...args) => {
    window.__pwned.push(`${what}(${args.map(String).join(', ')})`);
  };
  for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) window[name] = trap(name);
  window.onerror = (message) => window.__pwned.push(`onerror: ${message}`);
  // No click may navigate: a javascript: link would run here, and the allow-lists already
  // say what hrefs exist.
  document.addEventListener('click', (e) => e.preventDefault(), true);
  document.addEventListener('submit', (e) => e.preventDefault(), true);
}

/** Runs in the page: pokes every element, then checks the DOM against the allow-lists. */
function inspect({ allowed, selector = 'main > article', scope = 'html' }) {
  const problems = [];
  const articles = document.querySelectorAll(selector);
  // In the app, `scope` is what it renders (#app): its <head> holds Trunk's own <base> and
  // <script>, which the caller counts instead.
  for (const el of document.querySelector(scope).querySelectorAll('script, iframe, object, embed, base, form')) {
    // The one form the app itself renders: the header's search, to the site's own search page.
    const ownSearch =
      el.matches('header.cv-header form.cv-header-search[role="search"]') &&
      /^\/(kk|ru|en)\/search\/$/.test(new URL(el.action).pathname) &&
      new URL(el.action).origin === location.origin;
    if (!ownSearch) problems.push(`a <${el.localName}> in the document`);
  }
  let elements = 0;
  for (const article of articles) {
    for (const el of [article, ...article.querySelectorAll('*')]) {
      elements += 1;
      const tag = el.localName;
      if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') {
        problems.push(`<${tag}> in namespace ${el.namespaceURI}`);
      }
      if (!(tag in allowed)) {
        problems.push(`element <${tag}>`);
        continue;
      }
      for (const { name, value } of el.attributes) {
        if (name.startsWith('on')) problems.push(`<${tag} ${name}="${value}">: event handler`);
        else if (!allowed[tag].includes(name)) problems.push(`<${tag} ${name}="${value}">`);
      }
      if (tag === 'a' || tag === 'img') {
        const url = new URL(tag === 'a' ? el.href : el.src);
        if (!['http:', 'https:', 'mailto:'].includes(url.protocol)) {
          problems.push(`<${tag}> resolves to ${url.href}`);
        }
        const web = url.protocol === 'http:' || url.protocol === 'https:';
        if (tag === 'a' && web && url.origin !== location.origin) {
          const rel = (el.getAttribute('rel') ?? '').split(/\s+/);
          if (!rel.includes('noopener') || !rel.includes('noreferrer')) {
            problems.push(`<a href="${el.getAttribute('href')}"> leaves for ${url.origin} without noopener noreferrer`);
          }
        }
      }
      for (const type of ['mouseover', 'mouseenter', 'mousedown', 'mouseup', 'click', 'focus', 'blur']) {
        el.dispatchEvent(new Event(type, { bubbles: true }));
      }
      if (typeof el.focus === 'function') el.focus();
    }
  }
  // A paragraph's own link (a.cv-plink) is the article page's, not the body's: `courtview
  // render` has none.
  const tags = [...articles].map((a) =>
    [...a.querySelectorAll('*')].filter((el) => !el.matches('a.cv-plink')).map((el) => el.localName).join(' '),
  );
  return { problems, elements, articles: articles.length, tags };
}

/** The tags inside each <article> of a native render, in document order (kk, ru, en). */
function nativeTags(html) {
  return html
    .split(/<article\b/)
    .slice(1)
    .map((part) => [...part.slice(part.indexOf('>') + 1).matchAll(/<([a-z][a-z0-9]*)/g)].map((m) => m[1]).join(' '));
}

describe('hostile Markdown in the app (the stress build)', () => {
  const STRESS_DIST = path.join(STRESS, 'dist');
  let server;
  let browser;
  let context;
  let page;
  let appScripts;
  const errors = [];
  const missingImages = new Set();
  before(async () => {
    assert.ok(
      existsSync(path.join(STRESS_DIST, 'index.html')),
      `${STRESS_DIST}/index.html is missing: run cargo xtask stress (cargo xtask test does)`,
    );
    // The app's own scripts, as Trunk wrote them; a case must add none.
    appScripts = (readFileSync(path.join(STRESS_DIST, 'index.html'), 'utf8').match(/<script\b/g) ?? []).length;
    server = await startServer(STRESS_DIST);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    context = await browser.newContext();
    context.setDefaultTimeout(TIMEOUT_MS);
    await context.addInitScript(installTraps);
    // Nothing leaves the machine: a request elsewhere is refused (and would show in the DOM
    // checks as a URL that should not be there).
    await context.route('**/*', (route) =>
      new URL(route.request().url()).origin === server.url ? route.continue() : route.abort(),
    );
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    // A case's relative image (`![x](a.png)`) is requested from the server, which has no such
    // file: the browser logs that 404, and only that is not an error of the app's.
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      const url = m.location().url;
      // Decided when the test looks: the response may be reported after the message.
      const message = `console.error: ${m.text()} (${url})`;
      errors.push(m.text().startsWith('Failed to load resource') ? { url, message } : message);
    });
    page.on('response', (r) => {
      if (r.request().resourceType() === 'image' && r.status() === 404) missingImages.add(r.url());
    });
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      d.dismiss().catch(() => {});
    });
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  for (const name of cases) {
    const stem = name.replace(/\.md$/, '');
    const slug = `hostile-${stem.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean).join('-')}`;
    test(`${name} as /en/${slug}/, then kk and ru`, async () => {
      const native = nativeTags(rendered(name));
      errors.length = 0;
      await page.goto(`${server.url}/en/${slug}/`);
      await page.waitForSelector('html[data-courtview="interactive"]');
      for (const [i, lang] of [[2, 'en'], [0, 'kk'], [1, 'ru']]) {
        if (lang !== 'en') await page.click(`[data-testid="lang-${lang}"]`);
        await page.waitForSelector(`main article[lang="${lang}"]`);
        const { problems, articles, tags } = await page.evaluate(inspect, {
          allowed: ALLOWED,
          selector: 'main article[lang]',
          scope: '#app',
        });
        await page.waitForTimeout(50);
        assert.deepEqual(await page.evaluate(() => window.__pwned), [], `${lang}: nothing executed`);
        const unexpected = errors
          .filter((e) => typeof e === 'string' || !missingImages.has(e.url))
          .map((e) => e.message ?? e);
        assert.deepEqual(unexpected, [], `${lang}: no page error, console error or dialog`);
        assert.equal(articles, 1, `${lang}: one article`);
        assert.deepEqual(problems, [], `${lang}: the DOM keeps to the allow-lists`);
        assert.equal(await page.locator('script').count(), appScripts, `${lang}: only the app's own scripts`);
        assert.equal(tags[0], native[i], `${lang}: the same elements as the native render`);
        assert.equal(await page.isVisible('#cv-offline'), false);
      }
    });
  }
});

describe('hostile Markdown, native renders, in Chromium', () => {
  let server;
  let browser;
  let context;
  let page;
  let links;
  const errors = [];
  before(async () => {
    assert.ok(cases.length >= 60, `only ${cases.length} cases in ${CORPUS}`);
    links = stylesheets();
    server = await startServer(DIST);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    context = await browser.newContext();
    context.setDefaultTimeout(TIMEOUT_MS);
    await context.addInitScript(installTraps);
    // Pages under /__hostile/ are the cases; the rest is dist/. Nothing leaves the machine.
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== server.url) return route.abort();
      const name = url.pathname.match(/^\/__hostile\/(.+\.md)$/)?.[1];
      if (!name) return route.continue();
      const body =
        '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
        `<title>${name}</title>${links}</head>` +
        `<body><div id="app"><main id="main" class="cv-main">${rendered(name)}</main></div></body></html>`;
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
    });
    // One page for every case, for speed: each case is a fresh navigation.
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      d.dismiss().catch(() => {});
    });
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  for (const name of cases) {
    test(name, async () => {
      const html = rendered(name);
      errors.length = 0;
      await page.goto(`${server.url}/__hostile/${name}`, { waitUntil: 'load' });
      const { problems, elements, articles } = await page.evaluate(inspect, { allowed: ALLOWED });
      // Let anything scheduled by an event or a failed load run before looking.
      await page.waitForTimeout(50);
      const pwned = await page.evaluate(() => window.__pwned);
      assert.deepEqual(pwned, [], 'nothing executed');
      assert.deepEqual(errors, [], 'no page error, no dialog');
      assert.equal(articles, 3, 'the kk, ru and en renders');
      assert.deepEqual(problems, [], 'the DOM keeps to the allow-lists');
      const named = (html.match(/<[a-z][a-z0-9]*/g) ?? []).length;
      assert.equal(elements, named, 'the browser built exactly the elements the HTML names');
    });
  }
});
