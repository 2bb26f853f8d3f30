// Accessibility: axe-core (pinned in package.json) on every kind of page, with the entity
// card open too, with the embed dialog open, the embed view in its light and dark themes, and
// Kazakh in the Latin alphabet.
// Any violation, whatever its impact (issue 16: none at all), fails the test (colour contrast
// included) and is printed with its rule, the elements and axe's summary of the fix. Checks
// axe could not decide ("incomplete") are printed as test diagnostics, without failing.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { AUDITED, LANGS, SLUG, audit, useSite, withDisplay } from './harness.mjs';

/** A desktop viewport, as the card opens beside the text there. */
const CONTEXT = { ...AUDITED, viewport: { width: 1280, height: 900 } };

describe('accessibility (axe-core)', () => {
  const site = useSite();

  for (const lang of LANGS) {
    test(`article /${lang}/${SLUG}/`, async (t) => {
      const page = await site.open(`/${lang}/${SLUG}/`, CONTEXT);
      await page.waitForSelector(`article[lang="${lang}"] mark.entity`);
      await audit(t, page);
      site.assertNoErrors(page);
    });
  }

  // Kazakh in the Latin alphabet (issue 16): the article with a card open, and a list.
  test(`article /kk/${SLUG}/?script=latn with an entity card open`, async (t) => {
    const page = await site.open(`/kk/${SLUG}/?script=latn`, CONTEXT);
    await page.waitForSelector('html[lang="kk-Latn"] article[lang="kk-Latn"] mark.entity');
    await page.locator('article mark.entity').first().click();
    await page.waitForSelector('[data-testid="entity-card"]');
    await audit(t, page);
    site.assertNoErrors(page);
  });

  // Two languages side by side (issue 16), with a card open, on a wide screen and a phone.
  for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 740 }]) {
    test(`article /ru/${SLUG}/?with=kk at ${viewport.width}px with a card open`, async (t) => {
      const page = await site.open(`/ru/${SLUG}/?with=kk`, { ...CONTEXT, viewport });
      await page.waitForSelector('article[lang="ru"] .cv-pair__with[lang="kk"] mark.entity');
      await page.locator('.cv-pair__with mark.entity').first().click();
      await page.waitForSelector('[data-testid="entity-card"]');
      await audit(t, page);
      site.assertNoErrors(page);
    });
  }

  test('article list /kk/?script=latn', async (t) => {
    const page = await site.open('/kk/?script=latn', CONTEXT);
    await page.waitForSelector('html[lang="kk-Latn"] [data-testid="article-card"] article[lang="kk-Latn"]');
    await audit(t, page);
    site.assertNoErrors(page);
  });

  test('article list /kk/', async (t) => {
    const page = await site.open('/kk/', CONTEXT);
    await page.waitForSelector('[data-testid="article-card"]');
    await audit(t, page);
    site.assertNoErrors(page);
  });

  for (const path of ['/kk/entities/', '/ru/entities/kazakhstan/']) {
    test(`entity page ${path}`, async (t) => {
      const page = await site.open(path, CONTEXT);
      await page.waitForSelector('[data-testid="entities-page"], [data-testid="entity-page"]');
      await audit(t, page);
      site.assertNoErrors(page);
    });
  }

  for (const path of ['/kk/search/?q=сот', '/ru/search/?q=судно']) {
    test(`search page ${path}`, async (t) => {
      const page = await site.open(path, CONTEXT);
      await page.waitForSelector('[data-testid="search-results"], [data-testid="search-status"]:not(:empty)');
      await page.waitForFunction(() => !/…$/.test(document.querySelector('[data-testid="search-status"]').textContent));
      await audit(t, page);
      site.assertNoErrors(page);
    });
  }

  test('not-found page /kk/no-such-article/', async (t) => {
    const page = await site.open('/kk/no-such-article/', CONTEXT);
    await page.waitForSelector('[data-testid="not-found"]');
    await audit(t, page);
    site.assertNoErrors(page);
  });

  for (const viewport of [CONTEXT.viewport, { width: 375, height: 667 }]) {
    test(`article /kk/${SLUG}/ with an entity card open, ${viewport.width}px`, async (t) => {
      const page = await site.open(`/kk/${SLUG}/`, { ...CONTEXT, viewport });
      const mark = page.locator('article mark.entity').first();
      await mark.waitFor();
      await mark.click();
      await page.waitForSelector('[data-testid="entity-card"]');
      await audit(t, page);
      site.assertNoErrors(page);
    });
  }

  for (const viewport of [CONTEXT.viewport, { width: 375, height: 667 }]) {
    test(`article /ru/${SLUG}/ with the embed dialog open, ${viewport.width}px`, async (t) => {
      const page = await site.open(`/ru/${SLUG}/`, { ...CONTEXT, viewport });
      await page.waitForSelector('article mark.entity');
      await page.click('[data-testid="embed-button"]');
      await page.waitForSelector('[data-testid="embed-dialog"][open]');
      await audit(t, page);
      site.assertNoErrors(page);
    });
  }

  // Every page kind in the reader's dark and sepia themes (display.test.mjs audits the article
  // in each theme with the display menu open), and the views issue 16 names in them: side by
  // side with a card open at both widths, Latin script, the largest text size, a search with
  // its results; also the system's dark choice (`auto`) on the full site. One row each: the
  // theme and text size are the reader's saved choice (`courtview.display`), set before the
  // page loads; `ready` is what shows the page has rendered, `click` a mention whose card is
  // opened before the audit.
  const WIDE = CONTEXT.viewport;
  const PHONE = { width: 375, height: 740 };
  const SEARCH_DONE = '[data-testid="search-result"]';
  const THEMED = [];
  for (const theme of ['dark', 'sepia']) {
    THEMED.push(
      { theme, path: '/kk/', ready: '[data-testid="article-card"]' },
      { theme, path: '/ru/entities/', ready: '[data-testid="entities-page"]' },
      { theme, path: '/en/entities/kazakhstan/', ready: '[data-testid="entity-page"]' },
      { theme, path: '/kk/no-such-article/', ready: '[data-testid="not-found"]' },
      { theme, path: '/en/search/?q=court', ready: SEARCH_DONE },
      { theme, path: '/kk/search/?q=сот', ready: SEARCH_DONE },
      { theme, path: '/kk/search/?q=сот&script=latn', ready: `html[lang="kk-Latn"] ${SEARCH_DONE}` },
      { theme, path: `/kk/${SLUG}/?script=latn`, ready: 'article[lang="kk-Latn"] mark.entity', click: 'article mark.entity' },
      { theme, path: '/kk/?script=latn', ready: '[data-testid="article-card"] article[lang="kk-Latn"]' },
      { theme, path: '/kk/entities/kazakhstan/?script=latn', ready: 'html[lang="kk-Latn"] [data-testid="entity-page"]' },
      { theme, path: `/kk/${SLUG}/`, viewport: PHONE, ready: 'article mark.entity', click: 'article mark.entity' },
    );
    for (const viewport of [WIDE, PHONE]) {
      THEMED.push({
        theme,
        viewport,
        path: `/ru/${SLUG}/?with=kk`,
        ready: '.cv-pair__with[lang="kk"] mark.entity',
        click: '.cv-pair__with mark.entity',
      });
    }
    // The largest text in the narrowest column: side by side on a phone.
    THEMED.push({ theme, size: 'large', viewport: PHONE, path: `/kk/${SLUG}/?with=en&script=latn`, ready: '.cv-pair__with[lang="en"] mark.entity' });
  }
  THEMED.push(
    { theme: 'light', size: 'large', viewport: PHONE, path: `/ru/${SLUG}/?with=kk`, ready: '.cv-pair__with[lang="kk"] mark.entity', click: '.cv-pair__own mark.entity' },
    // No choice saved, on a system that prefers dark: the dark palette through the media query.
    { theme: null, colorScheme: 'dark', path: `/en/${SLUG}/?with=ru`, ready: '.cv-pair__with[lang="ru"] mark.entity', click: 'article mark.entity' },
    { theme: null, colorScheme: 'dark', path: '/en/search/?q=court', ready: SEARCH_DONE },
  );
  for (const { theme, size = 'normal', viewport = WIDE, colorScheme = 'light', path, ready, click } of THEMED) {
    const name = `${path} in the ${theme ?? `system's ${colorScheme}`} theme, ${size} text, ${viewport.width}px${click ? ', a card open' : ''}`;
    test(name, async (t) => {
      const page = await site.newPage({ ...CONTEXT, viewport, colorScheme });
      if (theme) {
        await withDisplay(page, `theme=${theme};size=${size}`);
      }
      await page.goto(site.base + path);
      await page.waitForSelector('html[data-courtview="interactive"]');
      await page.waitForSelector(ready);
      assert.equal(await page.getAttribute('html', 'data-theme'), theme ?? 'auto');
      assert.equal(await page.getAttribute('html', 'data-size'), size);
      if (click) {
        await page.locator(click).first().click();
        await page.waitForSelector('[data-testid="entity-card"]');
      }
      await audit(t, page);
      site.assertNoErrors(page);
    });
  }

  // The embed dialog in the reader's dark and sepia themes (its preview is the embed view,
  // audited in its themes below: axe does not enter the preview's frame).
  for (const theme of ['dark', 'sepia']) {
    test(`article /ru/${SLUG}/ with the embed dialog open in the ${theme} theme`, async (t) => {
      const page = await site.newPage(CONTEXT);
      await withDisplay(page, `theme=${theme};size=normal`);
      await page.goto(`${site.base}/ru/${SLUG}/`);
      await page.waitForSelector('html[data-courtview="interactive"]');
      assert.equal(await page.getAttribute('html', 'data-theme'), theme);
      await page.click('[data-testid="embed-button"]');
      await page.waitForSelector('[data-testid="embed-dialog"][open]');
      await audit(t, page);
      site.assertNoErrors(page);
    });
  }

  // The embed view in its themes (and `auto` on a dark system): entity tints, legend, card
  // and the compact switcher must keep their contrast on the dark palette too.
  const EMBEDS = [
    { name: 'light', query: '', colorScheme: 'light' },
    { name: 'dark', query: '?theme=dark', colorScheme: 'light' },
    { name: 'auto on a dark system', query: '?theme=auto', colorScheme: 'dark' },
    { name: 'sepia', query: '?theme=sepia', colorScheme: 'light' },
  ];
  for (const { name, query, colorScheme } of EMBEDS) {
    for (const lang of LANGS) {
      test(`embed /embed/${lang}/${SLUG}/${query} (${name})`, async (t) => {
        const page = await site.open(`/embed/${lang}/${SLUG}/${query}`, { ...CONTEXT, colorScheme });
        await page.waitForSelector(`article[lang="${lang}"] mark.entity`);
        await audit(t, page);
        site.assertNoErrors(page);
      });
    }
    test(`embed /embed/en/${SLUG}/${query} (${name}) with a card open and a type hidden`, async (t) => {
      const page = await site.open(`/embed/en/${SLUG}/${query}`, { ...CONTEXT, colorScheme });
      await page.click('[data-testid="legend-place"]');
      await page.locator('article mark.entity[data-type="org"]').first().click();
      await page.waitForSelector('[data-testid="entity-card"]');
      await audit(t, page);
      site.assertNoErrors(page);
    });
  }

  // The embed view's other options in its dark and sepia themes: a second language beside it,
  // Latin script, both, with a card open.
  const EMBED_OPTIONS = [
    { query: `?theme=dark&with=kk`, lang: 'ru', ready: '.cv-pair__with[lang="kk"] mark.entity', click: '.cv-pair__with mark.entity' },
    { query: `?theme=dark&script=latn`, lang: 'kk', ready: 'article[lang="kk-Latn"] mark.entity', click: 'article mark.entity' },
    { query: `?theme=sepia&with=en&script=latn`, lang: 'kk', ready: '.cv-pair__with[lang="en"] mark.entity' },
    { query: `?theme=auto&with=ru&script=latn`, lang: 'kk', colorScheme: 'dark', ready: '.cv-pair__with[lang="ru"] mark.entity', click: '.cv-pair__own mark.entity' },
  ];
  for (const { query, lang, colorScheme = 'light', ready, click } of EMBED_OPTIONS) {
    for (const viewport of [WIDE, PHONE]) {
      test(`embed /embed/${lang}/${SLUG}/${query} (${colorScheme} system) at ${viewport.width}px${click ? ' with a card open' : ''}`, async (t) => {
        const page = await site.open(`/embed/${lang}/${SLUG}/${query}`, { ...CONTEXT, viewport, colorScheme });
        await page.waitForSelector('html[data-courtview="interactive"]');
        await page.waitForSelector(ready);
        if (click) {
          await page.locator(click).first().click();
          await page.waitForSelector('[data-testid="entity-card"]');
        }
        await audit(t, page);
        site.assertNoErrors(page);
      });
    }
  }

  test(`article /en/${SLUG}/ with a type hidden in the legend`, async (t) => {
    // Switched-off legend buttons are often dimmed: their contrast is checked here.
    const page = await site.open(`/en/${SLUG}/`, CONTEXT);
    await page.click('[data-testid="legend-place"]');
    await page.waitForSelector('[data-testid="legend-place"][aria-pressed="false"]');
    await audit(t, page);
    site.assertNoErrors(page);
  });
});
