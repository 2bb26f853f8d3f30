// Every page kind in every language, at phone and desktop widths: no console or page
// errors, no horizontal overflow on a 375px phone, and full-page screenshots in
// screenshots/ (git-ignored) for people to look at.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { LANGS, SLUG, screenshot, until, useSite } from './harness.mjs';

/** The page kinds, each with its path in a language and what shows it has rendered. */
const PAGES = [
  { kind: 'list', path: (lang) => `/${lang}/`, ready: '[data-testid="article-card"]' },
  { kind: 'article', path: (lang) => `/${lang}/${SLUG}/`, ready: 'article[lang] #p-1' },
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

  for (const { kind, path, ready } of PAGES) {
    for (const lang of LANGS) {
      test(`${kind} /${lang}/: no errors, no overflow at 375px, screenshots`, async () => {
        for (const viewport of WIDTHS) {
          const page = await site.open(path(lang), { viewport });
          await page.waitForSelector(ready);
          await until(page, `<html lang="${lang}">`, (l) => document.documentElement.lang === l, lang);
          // Web fonts change line breaks and widths; measure and shoot the final layout.
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
});
