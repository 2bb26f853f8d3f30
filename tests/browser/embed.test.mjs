// Embedding on partner sites. The viewer (dist/) is served on one origin and partner pages on
// others (other ports), as on the web: the loader builds the iframe, the frame's height follows
// its content (also after a language switch inside it), resize messages from anywhere but the
// viewer are ignored, two embeds on one page keep to themselves, the embed requests nothing
// from any other origin, stores nothing and leaves the host page's URL and history alone, and
// without JavaScript the fallback link stays. The loader builds, for every snippet the app's
// EmbedSpec writes, the iframe EmbedSpec describes (tests/fixtures/embed-loader.json, written
// by tests/embed.rs). Also the embed view's own options, and the loader file itself (size, no
// eval).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { DIST, SLUG, TIMEOUT_MS, until, useSite, waitForPath } from './harness.mjs';
import { startServer } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The example partner page shipped for partners; it names the viewer as this origin. */
const EXAMPLE = path.join(here, '../../static/embed/example.html');
const EXAMPLE_VIEWER = 'http://127.0.0.1:8080';

/**
 * The app's side of the loader's contract: for each case, the loader snippet EmbedSpec writes
 * and the iframe it must become (`null`: none, the fallback link stays), with `base` standing
 * for the viewer. `cargo test --test embed` keeps it current.
 */
const CONTRACT = JSON.parse(readFileSync(path.join(here, '../fixtures/embed-loader.json'), 'utf8'));

/** The loader's budget: 3 KB gzipped. */
const LOADER_BUDGET = 3 * 1024;

/** A partner page around `body`, loading the loader from `viewer` (unless `loader` is false). */
function partnerPage(viewer, body, { csp, loader = true, title = 'Partner court' } = {}) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
${csp ? `<meta http-equiv="Content-Security-Policy" content="${csp}">` : ''}
<title>${title}</title>
${loader ? `<script src="${viewer}/embed.js" defer></script>` : ''}
</head><body><h1>${title}</h1>
${body}
</body></html>`;
}

/** Sleeps for `ms` milliseconds. */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The iframe the loader made inside the `index`-th <courtview-article>, and its Frame. */
async function loaderFrame(page, index = 0) {
  const element = page.locator('courtview-article').nth(index);
  // Lazy frames load near the viewport: bring this one there.
  await element.scrollIntoViewIfNeeded();
  const iframe = element.locator('iframe');
  await iframe.waitFor({ state: 'attached' });
  const handle = await iframe.elementHandle();
  let frame = null;
  const deadline = Date.now() + TIMEOUT_MS;
  while (!(frame = await handle.contentFrame()) || !(await frame.$('article[lang]').catch(() => null))) {
    if (Date.now() > deadline) throw new Error(`embed ${index} never showed its article`);
    await sleep(100);
  }
  return { handle, frame };
}

/**
 * Waits until the iframe is as tall as its content (within 2 px) and the content does not
 * overflow the frame; returns the measures. Fails with the last measures on time-out.
 */
async function settledHeights(handle, frame) {
  await frame.evaluate(() => document.fonts.ready);
  const deadline = Date.now() + TIMEOUT_MS;
  let last;
  while (Date.now() < deadline) {
    const outer = await handle.evaluate((f) => f.getBoundingClientRect().height);
    const inner = await frame.evaluate(() => {
      const root = document.documentElement;
      return {
        content: root.getBoundingClientRect().height,
        scroll: root.scrollHeight,
        client: root.clientHeight,
      };
    });
    last = { outer, ...inner };
    if (Math.abs(outer - inner.content) <= 2 && inner.scroll <= inner.client + 1) return last;
    await sleep(100);
  }
  assert.fail(`the frame's height never matched its content's: ${JSON.stringify(last)}`);
}

/** Same height for a while: no late message changes it. */
async function heightStays(handle, expected, ms = 800) {
  await sleep(ms);
  const now = await handle.evaluate((f) => f.getBoundingClientRect().height);
  assert.ok(Math.abs(now - expected) < 0.5, `the frame's height moved from ${expected} to ${now}`);
}

describe('embedding on a partner page (another origin)', () => {
  const site = useSite();
  /** Partner pages on a second origin; a hostile page on a third; the loader under a prefix. */
  let partner;
  let third;
  let prefixed;
  let dirs = [];

  before(async () => {
    const viewer = site.base;
    const partnerDir = await mkdtemp(path.join(os.tmpdir(), 'courtview-partner-'));
    const thirdDir = await mkdtemp(path.join(os.tmpdir(), 'courtview-third-'));
    const prefixDir = await mkdtemp(path.join(os.tmpdir(), 'courtview-prefix-'));
    dirs = [partnerDir, thirdDir, prefixDir];
    const example = (await readFile(EXAMPLE, 'utf8')).replaceAll(EXAMPLE_VIEWER, viewer);
    assert.ok(example.includes(`${viewer}/embed.js`), 'the example page names the viewer');
    const pages = {
      'index.html': example,
      'two.html': partnerPage(
        viewer,
        `<courtview-article article="${SLUG}" lang="ru" types="person,org"><a href="${viewer}/ru/${SLUG}/">ru</a></courtview-article>
         <p>Between the two.</p>
         <courtview-article article="${SLUG}" lang="en" theme="dark"><a href="${viewer}/en/${SLUG}/">en</a></courtview-article>`,
        { title: 'Two embeds' },
      ),
      // Only what the embed needs: the loader and the frame from the viewer's origin.
      'strict.html': partnerPage(
        viewer,
        `<courtview-article article="${SLUG}" lang="kk"><a href="${viewer}/kk/${SLUG}/">kk</a></courtview-article>`,
        { csp: `default-src 'none'; script-src ${viewer}; frame-src ${viewer}`, title: 'Strict CSP' },
      ),
      // Every snippet of the contract, pasted as it is (each brings its own script tag).
      'contract.html': partnerPage(
        viewer,
        CONTRACT.cases
          .map((c) => `<section>${c.snippet.replaceAll(CONTRACT.base, viewer)}</section>`)
          .join('\n'),
        { loader: false, title: 'Contract' },
      ),
    };
    for (const [name, html] of Object.entries(pages)) await writeFile(path.join(partnerDir, name), html);
    // Browsers ask a top-level page's origin for /favicon.ico; a 404 would be a console error.
    for (const dir of [partnerDir, prefixDir]) await writeFile(path.join(dir, 'favicon.ico'), '');
    partner = await startServer(partnerDir);

    // A page on a third origin that claims to be an embed and asks for a height.
    await writeFile(
      path.join(thirdDir, 'index.html'),
      `<!doctype html><title>not the viewer</title><script>
        parent.postMessage({ type: ${JSON.stringify(CONTRACT.resize_message)}, height: 1234 }, '*');
        setTimeout(() => parent.postMessage({ type: ${JSON.stringify(CONTRACT.resize_message)}, height: 4321 }, '*'), 100);
      </script>`,
    );
    third = await startServer(thirdDir);

    // The loader served under a path prefix, as a partner's /courtview/ deployment would.
    await mkdir(path.join(prefixDir, 'courtview'));
    await writeFile(path.join(prefixDir, 'courtview', 'embed.js'), await readFile(path.join(DIST, 'embed.js')));
    await writeFile(
      path.join(prefixDir, 'index.html'),
      partnerPage(`PREFIX`, `<courtview-article article="${SLUG}" lang="en-GB" theme="dark" p="2" script="latn"><a href="#">fallback</a></courtview-article>`),
    );
    prefixed = await startServer(prefixDir);
    const withPrefix = (await readFile(path.join(prefixDir, 'index.html'), 'utf8')).replace(
      'PREFIX/embed.js',
      `${prefixed.url}/courtview/embed.js`,
    );
    await writeFile(path.join(prefixDir, 'index.html'), withPrefix);
  });

  after(async () => {
    await partner?.close();
    await third?.close();
    await prefixed?.close();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  test('the loader makes a titled, lazily loaded, sandboxed iframe from the viewer', async () => {
    const page = await site.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${partner.url}/`);
    const { handle } = await loaderFrame(page);
    const attrs = await handle.evaluate((f) => ({
      src: f.src,
      title: f.title,
      lang: f.lang,
      loading: f.getAttribute('loading'),
      sandbox: [...f.sandbox].sort(),
    }));
    assert.equal(attrs.src, `${site.base}/embed/ru/${SLUG}/?types=person,org&theme=auto`);
    assert.match(attrs.title, /МАСА/, 'titled in the article’s language, from the fallback link');
    assert.equal(attrs.lang, 'ru');
    assert.equal(attrs.loading, 'lazy');
    assert.deepEqual(attrs.sandbox, [
      'allow-popups',
      'allow-popups-to-escape-sandbox',
      'allow-same-origin',
      'allow-scripts',
    ]);
    // The fallback link is still in the page's DOM, no longer rendered.
    const fallback = page.locator('courtview-article > a');
    assert.equal(await fallback.count(), 1);
    assert.equal(await fallback.isVisible(), false);
    site.assertNoErrors(page);
  });

  test('the loader builds the iframe EmbedSpec describes, for every snippet it writes', async () => {
    const page = await site.newPage({ viewport: { width: 1280, height: 900 } });
    // The frames' own pages are not what this compares: an empty page stands in for each.
    await page.route(`${site.base}/embed/**`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>embed</title>' }),
    );
    await page.goto(`${partner.url}/contract.html`);
    await page.waitForFunction((tag) => customElements.get(tag) !== undefined, CONTRACT.element);
    const built = await page.evaluate(
      (tag) =>
        [...document.querySelectorAll(tag)].map((element) => {
          const f = element.shadowRoot?.querySelector('iframe');
          if (!f) return null;
          const attribute = (name) => f.getAttribute(name);
          return { src: f.src, title: f.title, lang: f.lang, sandbox: attribute('sandbox'), loading: attribute('loading') };
        }),
      CONTRACT.element,
    );
    assert.equal(built.length, CONTRACT.cases.length, 'one element for each snippet');
    CONTRACT.cases.forEach((c, i) => {
      const expected = c.frame && { ...c.frame, src: c.frame.src.replace(CONTRACT.base, site.base) };
      assert.deepEqual(built[i], expected, c.name);
    });
    // Where the loader made no frame, the page still shows the fallback link.
    for (const [i, c] of CONTRACT.cases.entries()) {
      if (c.frame) continue;
      const link = page.locator(CONTRACT.element).nth(i).locator(':scope > a');
      assert.ok(await link.isVisible(), `${c.name}: the fallback link is shown`);
    }
    site.assertNoErrors(page);
  });

  test('the frame is as tall as its content, also after switching language inside it', async () => {
    for (const width of [375, 1280]) {
      const page = await site.newPage({ viewport: { width, height: 800 } });
      await page.goto(`${partner.url}/`);
      const { handle, frame } = await loaderFrame(page);
      const ru = await settledHeights(handle, frame);
      const hostUrl = page.url();
      const hostHistory = await page.evaluate(() => history.length);

      await frame.click('[data-testid="lang-en"]');
      await frame.waitForSelector('article[lang="en"]');
      assert.equal(new URL(frame.url()).pathname, `/embed/en/${SLUG}/`);
      assert.equal(new URL(frame.url()).search, '?types=person,org&theme=auto', 'options kept');
      const en = await settledHeights(handle, frame);
      assert.notEqual(Math.round(en.content), Math.round(ru.content), 'the height followed the new text');

      // The host page's address and history are untouched (the frame replaces its entry).
      assert.equal(page.url(), hostUrl);
      assert.equal(await page.evaluate(() => history.length), hostHistory);
      // A good guest stores nothing and sets no cookie.
      assert.deepEqual(
        await frame.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie]),
        [0, 0, ''],
      );
      site.assertNoErrors(page);
      await page.context().close();
    }
  });

  test('a resize message from another origin is ignored', async () => {
    const page = await site.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${partner.url}/two.html`);
    const { handle, frame } = await loaderFrame(page);
    const { outer } = await settledHeights(handle, frame);

    // From the host page itself.
    await page.evaluate((type) => window.postMessage({ type, height: 5 }, '*'), CONTRACT.resize_message);
    await heightStays(handle, outer);

    // From the embed's own frame, once it shows a page of a third origin: the right source,
    // the wrong origin.
    await frame.goto(`${third.url}/`);
    assert.equal(new URL(frame.url()).origin, third.url);
    await heightStays(handle, outer);
    site.assertNoErrors(page);
  });

  test('two embeds on one page do not interfere', async () => {
    const page = await site.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${partner.url}/two.html`);
    const first = await loaderFrame(page, 0);
    const second = await loaderFrame(page, 1);
    const a = await settledHeights(first.handle, first.frame);
    const b = await settledHeights(second.handle, second.frame);
    assert.notEqual(Math.round(a.outer), Math.round(b.outer), 'each frame has its own height');
    assert.equal(await second.frame.getAttribute('html', 'data-theme'), 'dark');
    assert.equal(await first.frame.getAttribute('html', 'data-theme'), 'light');

    // Switching the first to Kazakh changes neither the second's page nor its height.
    const secondSrc = await second.handle.evaluate((f) => f.src);
    await first.frame.click('[data-testid="lang-kk"]');
    await first.frame.waitForSelector('article[lang="kk"]');
    await settledHeights(first.handle, first.frame);
    await heightStays(second.handle, b.outer);
    assert.equal(await second.handle.evaluate((f) => f.src), secondSrc);
    assert.equal(await second.frame.getAttribute('article', 'lang'), 'en');
    site.assertNoErrors(page);
  });

  test('every request the embed makes goes to the viewer’s origin', async () => {
    const page = await site.newPage({ viewport: { width: 1280, height: 900 } });
    const requests = [];
    page.on('request', (r) => requests.push({ url: r.url(), main: r.frame() === page.mainFrame() }));
    await page.goto(`${partner.url}/`);
    const { handle, frame } = await loaderFrame(page);
    await settledHeights(handle, frame);
    // Use it: a card, a legend switch, another language.
    await frame.locator('mark.entity[data-type="person"]').first().click();
    await frame.waitForSelector('[data-testid="entity-card"]');
    await frame.click('[data-testid="legend-place"]');
    await frame.click('[data-testid="lang-kk"]');
    await frame.waitForSelector('article[lang="kk"]');
    // And the plain iframe further down.
    const plain = page.locator('iframe[src*="/embed/en/"]');
    await plain.scrollIntoViewIfNeeded();
    const plainFrame = await (await plain.elementHandle()).contentFrame();
    await plainFrame.waitForSelector('article[lang="en"] mark.entity');
    await plainFrame.evaluate(() => document.fonts.ready);

    const viewer = new URL(site.base).origin;
    const fromEmbeds = requests.filter((r) => !r.main);
    assert.ok(fromEmbeds.length >= 4, `the embeds made requests: ${fromEmbeds.length}`);
    for (const r of fromEmbeds) assert.equal(new URL(r.url).origin, viewer, r.url);
    // The host page itself fetched only its own page and the loader.
    const fromHost = requests
      .filter((r) => r.main && !r.url.endsWith('/favicon.ico'))
      .map((r) => r.url);
    assert.deepEqual(fromHost, [`${partner.url}/`, `${site.base}/embed.js`]);
    site.assertNoErrors(page);
  });

  test('works on a page whose CSP allows only the viewer’s script and frames', async () => {
    const page = await site.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${partner.url}/strict.html`);
    const { handle, frame } = await loaderFrame(page);
    await settledHeights(handle, frame);
    site.assertNoErrors(page); // a CSP violation would be a console error
  });

  test('the loader finds the viewer from its own URL, under a path prefix too', async () => {
    const page = await site.newPage();
    await page.goto(`${prefixed.url}/`);
    const iframe = page.locator('courtview-article iframe');
    await iframe.waitFor({ state: 'attached' });
    assert.equal(
      await iframe.evaluate((f) => f.src),
      `${prefixed.url}/courtview/embed/en/${SLUG}/?theme=dark&script=latn&p=2`,
    );
    assert.equal(await iframe.evaluate((f) => f.lang), 'en', 'en-GB is read as en');
  });

  test('without JavaScript the fallback link stays', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    await page.goto(`${partner.url}/`);
    const link = page.locator('courtview-article > a');
    assert.ok(await link.isVisible(), 'the link is shown');
    assert.equal(await link.getAttribute('href'), `${site.base}/ru/${SLUG}/`);
    assert.equal(await page.locator('courtview-article iframe').count(), 0);
  });
});

describe('the embed view', () => {
  const site = useSite();

  test('is the article alone: switcher, legend, full-site link; no header or footer', async () => {
    const page = await site.open(`/embed/ru/${SLUG}/`);
    await page.waitForSelector('[data-testid="embed-view"] article[lang="ru"] mark.entity');
    assert.equal(await page.locator('.cv-header, .cv-footer, .cv-breadcrumb').count(), 0);
    assert.equal(await page.locator('[data-testid="embed-button"]').count(), 0);
    assert.equal(await page.locator('[data-testid="entity-legend"]').count(), 1);
    assert.equal(await page.getAttribute('html', 'data-theme'), 'light');
    assert.equal(await page.getAttribute('html', 'lang'), 'ru');
    const full = page.locator('[data-testid="embed-full-link"]');
    assert.equal(await full.getAttribute('href'), `/ru/${SLUG}/`);
    assert.equal(await full.getAttribute('target'), '_blank');
    assert.match(await full.getAttribute('rel'), /\bnoopener\b/);
    for (const lang of ['kk', 'ru', 'en']) {
      assert.equal(
        await page.getAttribute(`[data-testid="lang-${lang}"]`, 'href'),
        `/embed/${lang}/${SLUG}/`,
      );
    }
    site.assertNoErrors(page);
  });

  test('takes its options from the query', async () => {
    const query = '?types=person&theme=dark&highlight=0&p=3';
    const page = await site.open(`/embed/en/${SLUG}/${query}`);
    await page.waitForSelector('article[lang="en"] mark.entity');
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
    assert.equal(await page.getAttribute('[data-testid="highlight-toggle"]', 'aria-pressed'), 'false');
    assert.equal(await page.getAttribute('[data-testid="legend-person"]', 'aria-pressed'), 'true');
    assert.equal(await page.getAttribute('[data-testid="legend-org"]', 'aria-pressed'), 'false');
    assert.ok(await page.locator('#p-3.cv-p--target').count(), 'paragraph 3 is marked');
    assert.equal(await page.getAttribute('[data-testid="embed-full-link"]', 'href'), `/en/${SLUG}/#p-3`);
    assert.equal(
      await page.getAttribute('[data-testid="lang-kk"]', 'href'),
      `/embed/kk/${SLUG}/?types=person&theme=dark&highlight=0&p=3`,
    );
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(bg, 'rgb(21, 23, 26)', 'the dark palette');
    site.assertNoErrors(page);
  });

  test('theme=auto follows the system’s preference', async () => {
    const page = await site.open(`/embed/kk/${SLUG}/?theme=auto`, { colorScheme: 'dark' });
    await page.waitForSelector('article[lang="kk"]');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(bg, 'rgb(21, 23, 26)');
    site.assertNoErrors(page);
  });

  test('unknown and malformed options are ignored, never fatal', async () => {
    const query = '?types=&theme=neon&highlight=maybe&p=-4&script=greek&p=x&x=%zz&=&&types=alien';
    const page = await site.open(`/embed/kk/${SLUG}/${query}`);
    await page.waitForSelector('article[lang="kk"] mark.entity');
    assert.equal(await page.getAttribute('html', 'data-theme'), 'light');
    assert.equal(await page.getAttribute('[data-testid="highlight-toggle"]', 'aria-pressed'), 'true');
    assert.equal(await page.getAttribute('[data-testid="legend-person"]', 'aria-pressed'), 'true');
    assert.equal(await page.locator('.cv-p--target').count(), 0);
    site.assertNoErrors(page);
  });

  test('stores nothing, keeps its history entry, and posts nothing when not framed', async () => {
    const page = await site.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(() => {
      window.__messages = [];
      window.addEventListener('message', (e) => window.__messages.push(e.data));
    });
    await page.goto(`${site.base}/embed/ru/${SLUG}/`);
    // The switch below is the app's: before it runs, the link is a plain one (a new entry).
    await page.waitForSelector('html[data-courtview="interactive"]', { state: 'attached' });
    const history = await page.evaluate(() => history.length);
    await page.click('[data-testid="legend-org"]');
    await page.click('[data-testid="lang-en"]');
    await waitForPath(page, `/embed/en/${SLUG}/`);
    await page.waitForSelector('article[lang="en"]');
    // Still the reader's choice after the switch, but only in memory.
    assert.equal(await page.getAttribute('[data-testid="legend-org"]', 'aria-pressed'), 'false');
    await page.setViewportSize({ width: 600, height: 800 });
    await sleep(500);
    assert.equal(await page.evaluate(() => history.length), history);
    assert.deepEqual(await page.evaluate(() => [localStorage.length, document.cookie]), [0, '']);
    assert.deepEqual(await page.evaluate(() => window.__messages), []);
    site.assertNoErrors(page);
  });

  test('a card opens next to its mention, inside the page', async () => {
    const page = await site.newPage({ viewport: { width: 375, height: 4000 } });
    await page.goto(`${site.base}/embed/en/${SLUG}/`);
    const mark = page.locator('article mark.entity[data-type="person"]').last();
    await mark.click();
    const card = page.locator('[data-testid="entity-card"]');
    await card.waitFor();
    await until(page, 'the card is placed', () => {
      const c = document.querySelector('[data-testid="entity-card"]').getBoundingClientRect();
      return c.top > 0;
    });
    const [m, c, pageHeight] = await page.evaluate(() => [
      document.querySelector('mark.is-current').getBoundingClientRect().toJSON(),
      document.querySelector('[data-testid="entity-card"]').getBoundingClientRect().toJSON(),
      document.documentElement.getBoundingClientRect().height,
    ]);
    const near = Math.abs(c.top - m.bottom) < 20 || Math.abs(c.bottom - m.top) < 20;
    assert.ok(near, `card ${JSON.stringify(c)} is next to mention ${JSON.stringify(m)}`);
    assert.ok(c.bottom <= pageHeight + 1, 'the card stays inside the page');
    site.assertNoErrors(page);
  });

  test('an unknown article is not found, with a way out in a new tab', async () => {
    const page = await site.open(`/embed/ru/no-such-article/`);
    await page.waitForSelector('[data-testid="not-found"]');
    assert.equal(await page.locator('.cv-header, .cv-footer').count(), 0);
    const out = page.locator('[data-testid="not-found"] a');
    assert.equal(await out.getAttribute('href'), '/ru/');
    assert.equal(await out.getAttribute('target'), '_blank');
    site.assertNoErrors(page);
  });
});

describe('the loader file', () => {
  test(`dist/embed.js is at most ${LOADER_BUDGET} bytes gzipped, with no eval`, async () => {
    const source = await readFile(path.join(DIST, 'embed.js'));
    const gzipped = gzipSync(source, { level: 9 }).length;
    assert.ok(gzipped <= LOADER_BUDGET, `embed.js is ${gzipped} bytes gzipped`);
    const code = source.toString('utf8');
    for (const banned of [/\beval\s*\(/, /new\s+Function\s*\(/, /\bimport\s*\(/, /document\.write/]) {
      assert.doesNotMatch(code, banned);
    }
    // No storage, no network of its own: it only makes the iframe.
    for (const banned of ['localStorage', 'sessionStorage', 'document.cookie', 'fetch(', 'XMLHttpRequest', 'sendBeacon']) {
      assert.ok(!code.includes(banned), `embed.js mentions ${banned}`);
    }
    // The titles are escaped, so a partner page in any encoding reads them right.
    assert.match(code, /^[\x00-\x7f]*$/, 'embed.js is ASCII');
  });
});
