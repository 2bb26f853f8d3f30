// Every page kind in every language, at phone and desktop widths: no console or page
// errors, no horizontal overflow on a 375px phone, and full-page screenshots in
// screenshots/ (git-ignored) for people to look at. Also the embed dialog, and the example
// partner page (static/embed/example.html) served from another origin.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { LANGS, SCREENSHOTS, SLUG, screenshot, until, useSite } from './harness.mjs';
import { startServer } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The page kinds, each with its path in a language and what shows it has rendered. */
const PAGES = [
  { kind: 'list', path: (lang) => `/${lang}/`, ready: '[data-testid="article-card"]' },
  { kind: 'article', path: (lang) => `/${lang}/${SLUG}/`, ready: 'article[lang] #p-1' },
  { kind: 'embed', path: (lang) => `/embed/${lang}/${SLUG}/`, ready: 'article[lang] #p-1' },
  {
    kind: 'embed-dark',
    path: (lang) => `/embed/${lang}/${SLUG}/?theme=dark`,
    ready: 'article[lang] #p-1',
  },
  {
    kind: 'not-found',
    path: (lang) => `/${lang}/no-such-article/`,
    ready: '[data-testid="not-found"]',
  },
];

/** Phone and desktop widths. */
const WIDTHS = [
  { width: 375, height: 667 },
  { width: 1280, height: 800 },
];

describe('layout', () => {
  const site = useSite();

  // The sticky header must stay one row on phones, or it covers more of the text than the
  // room paragraphs keep above themselves when scrolled to (their scroll-margin-top). The
  // widths are common phones' and the breakpoints' neighbours; with the fonts blocked, the
  // system fallbacks of a first visit (`font-display: optional`) are measured too.
  for (const fonts of ['web fonts', 'fallback fonts']) {
    test(`article header: one row on phones and wide screens, below the scroll margin, with ${fonts}`, async () => {
      for (const width of [320, 375, 412, 416, 430, 480, 481, 767, 768, 800, 959, 960, 1280]) {
        for (const lang of LANGS) {
          const page = await site.newPage({ viewport: { width, height: 800 } });
          if (fonts === 'fallback fonts') await page.route('**/*.woff2', (r) => r.abort());
          await page.goto(`${site.base}/${lang}/${SLUG}/`);
          await page.waitForSelector('article[lang] #p-1');
          await page.evaluate(() => document.fonts.ready);
          const m = await page.evaluate(() => {
            const tops = [...document.querySelectorAll('.cv-brand, .cv-langs__link, .cv-display__button')].map(
              (el) => Math.round(el.getBoundingClientRect().top),
            );
            // Items of one row are centred on it; a second row starts 44 px or more lower.
            return {
              rows: Math.max(...tops) - Math.min(...tops) < 20 ? 1 : 2,
              header: document.querySelector('.cv-header').getBoundingClientRect().height,
              margin: parseFloat(getComputedStyle(document.getElementById('p-1')).scrollMarginTop),
            };
          });
          // From 48rem to 60rem the brand's subtitle shows and the row is the column's width:
          // two rows there, and the scroll margin is larger to match.
          if (width < 768 || width >= 960) {
            assert.equal(m.rows, 1, `/${lang}/ at ${width}px (${fonts}): the header wraps to ${m.rows} rows`);
          }
          assert.ok(
            m.header <= m.margin,
            `/${lang}/ at ${width}px: the header (${m.header}px) is taller than the scroll margin (${m.margin}px)`,
          );
          await page.context().close();
        }
      }
    });
  }

  for (const { kind, path, ready } of PAGES) {
    for (const lang of LANGS) {
      test(`${kind} /${lang}/: no errors, no overflow at 375px, screenshots`, async () => {
        for (const viewport of WIDTHS) {
          const page = await site.open(path(lang), { viewport });
          await page.waitForSelector(ready);
          await until(page, `<html lang="${lang}">`, (l) => document.documentElement.lang === l, lang);
          // Let pending font loads settle before measuring: with `font-display: optional` a
          // font that arrives in time is used, a late one is not, and either way this is the
          // layout the reader keeps.
          await page.evaluate(() => document.fonts.ready);
          if (viewport.width === 375) {
            const width = await page.evaluate(() => document.documentElement.scrollWidth);
            assert.ok(width <= 375, `${path(lang)} is ${width}px wide at 375px`);
          }
          await screenshot(page, `${kind}-${lang}-${viewport.width}`);
          site.assertNoErrors(page);
          await page.context().close();
        }
      });
    }
  }

  for (const viewport of WIDTHS) {
    test(`embed dialog at ${viewport.width}px: no overflow, screenshot`, async () => {
      const page = await site.open(`/ru/${SLUG}/`, { viewport });
      await page.waitForSelector('article mark.entity');
      await page.evaluate(() => document.fonts.ready);
      await screenshot(page, `article-tools-ru-${viewport.width}`);
      await page.click('[data-testid="embed-button"]');
      await page.waitForSelector('[data-testid="embed-dialog"][open]');
      const preview = await (await page.$('[data-testid="embed-preview"]')).contentFrame();
      await preview.waitForSelector('article[lang="ru"] mark.entity');
      await preview.evaluate(() => document.fonts.ready);
      const [scroll, client] = await page.evaluate(() => {
        const d = document.querySelector('[data-testid="embed-dialog"]');
        return [d.scrollWidth, d.clientWidth];
      });
      assert.ok(scroll <= client, `the dialog is ${scroll}px wide inside ${client}px`);
      // The dialog scrolls on its own; a viewport-sized shot shows what the reader sees.
      await page.screenshot({ path: path.join(SCREENSHOTS, `embed-dialog-ru-${viewport.width}.png`) });
      site.assertNoErrors(page);
      await page.context().close();
    });
  }

  // An open card lies over the text where there is no margin for it: the column until 80rem,
  // side by side at any width. Scrolled to the end, no line of the text may stay under it; side
  // by side, the footer's text starts where the two columns do.
  for (const { address, width } of [
    { address: `/en/${SLUG}/`, width: 1024 },
    { address: `/ru/${SLUG}/?with=kk`, width: 1280 },
    { address: `/kk/${SLUG}/?with=en`, width: 1024 },
  ]) {
    test(`${address} at ${width}px: the card leaves the last lines readable, the footer aligned`, async () => {
      const page = await site.open(address, { viewport: { width, height: 740 } });
      await until(page, 'the app is awake', () => document.documentElement.dataset.courtview === 'interactive');
      await page.waitForSelector('article mark.entity');
      const beside = address.includes('with=');
      if (beside) await page.waitForSelector('.cv-pair__with mark.entity');
      await page.locator('article mark.entity').last().click();
      await page.waitForSelector('[data-testid="entity-card"]');
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const m = await page.evaluate(() => {
        const card = document.querySelector('[data-testid="entity-card"]').getBoundingClientRect();
        const covered = [...document.querySelectorAll('article.cv-prose p')]
          .filter((p) => {
            const r = p.getBoundingClientRect();
            return r.bottom > card.top && r.top < card.bottom && r.right > card.left && r.left < card.right;
          })
          .map((p) => p.id);
        const left = (sel) => document.querySelector(sel).getBoundingClientRect().left;
        return { covered, main: left('.cv-main'), footer: left('.cv-footer__inner') };
      });
      assert.deepEqual(m.covered, [], 'paragraphs under the card at the end of the page');
      if (beside) assert.ok(Math.abs(m.main - m.footer) < 1, `footer at ${m.footer}px, the columns at ${m.main}px`);
      await page.screenshot({ path: path.join(SCREENSHOTS, `card-at-end-${beside ? 'with-' : ''}${width}.png`) });
      site.assertNoErrors(page);
      await page.context().close();
    });
  }

  describe('the example partner page', () => {
    let partner;
    let dir;
    before(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'courtview-example-'));
      const example = await readFile(path.join(here, '../../static/embed/example.html'), 'utf8');
      await writeFile(path.join(dir, 'index.html'), example.replaceAll('http://127.0.0.1:8080', site.base));
      await writeFile(path.join(dir, 'favicon.ico'), '');
      partner = await startServer(dir);
    });
    after(async () => {
      await partner?.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    for (const viewport of WIDTHS) {
      test(`at ${viewport.width}px: both embeds load, no overflow, screenshot`, async () => {
        const page = await site.newPage({ viewport });
        await page.goto(`${partner.url}/`);
        // Scroll through, so that the lazily loaded frames load.
        for (const frame of await page.locator('iframe, courtview-article').all()) {
          await frame.scrollIntoViewIfNeeded();
        }
        const embeds = () => page.frames().filter((f) => f.url().includes('/embed/'));
        for (let i = 0; i < 100 && embeds().length < 2; i++) await page.waitForTimeout(100);
        assert.equal(embeds().length, 2, 'two embeds');
        for (const f of embeds()) {
          await f.waitForSelector('article[lang] mark.entity');
          await f.evaluate(() => document.fonts.ready);
        }
        await page.waitForTimeout(300); // the last height message
        if (viewport.width === 375) {
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(width <= 375, `the example page is ${width}px wide at 375px`);
        }
        // Chromium leaves a scrolling iframe blank in full-page shots: the plain iframe gets a
        // viewport-sized shot of its own.
        await page.locator('iframe[src*="/embed/en/"]').scrollIntoViewIfNeeded();
        await page.screenshot({
          path: path.join(SCREENSHOTS, `example-partner-plain-iframe-${viewport.width}.png`),
        });
        await page.evaluate(() => window.scrollTo(0, 0));
        await screenshot(page, `example-partner-${viewport.width}`);
        site.assertNoErrors(page);
        await page.context().close();
      });
    }
  });
});
