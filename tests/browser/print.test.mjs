// Printing an article: Chromium prints the page to PDF, poppler's `pdftotext` reads the text
// back, and the page holds the title, the date, the source, the page's own address (once) and
// every paragraph, but nothing of the header, the language switcher, the breadcrumb, the
// legend, the buttons or the footer. In print media the highlights are plain black underlines.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { LANGS, SLUG, useSite } from './harness.mjs';

/** Debian's poppler-utils (`cargo xtask test` installs it with chromium). */
const PDFTOTEXT = process.env.PDFTOTEXT_PATH ?? '/usr/bin/pdftotext';

/**
 * Text as compared here: lower case (the header's subtitle is upper case on screen), without
 * any white space, since the PDF breaks lines (and long addresses) where the page did, and
 * without hyphens: where a font draws the hyphen and the soft hyphen with one glyph, the PDF's
 * text map may name the soft one, which pdftotext leaves out (seen in the bold title).
 */
const squash = (text) => text.toLocaleLowerCase().replace(/[\s\-\u00ad\u2010\u2011]+/g, '');

/** The text of a PDF, by pdftotext. */
async function pdfText(pdf) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'courtview-print-'));
  try {
    const file = path.join(dir, 'page.pdf');
    await writeFile(file, pdf);
    return execFileSync(PDFTOTEXT, ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** What the page shows on screen, read from its DOM: what must and must not be printed. */
async function screenTexts(page, lang) {
  return page.evaluate((lang) => {
    const text = (sel) => document.querySelector(sel)?.textContent?.trim() ?? '';
    const all = (sel) => [...document.querySelectorAll(sel)].map((el) => el.textContent.trim());
    return {
      title: text('h1.cv-title'),
      date: text('.cv-meta time'),
      source: text('.cv-source'),
      address: text('[data-testid="print-address"]'),
      canonical: document.querySelector('link[rel="canonical"]')?.href ?? '',
      paragraphs: all(`article[lang="${lang}"] [id^="p-"]`),
      chrome: [
        ['the header', text('.cv-brand__sub')],
        ['the breadcrumb', text('.cv-breadcrumb')],
        ['the legend', text('.cv-legend__title')],
        ['the highlight switch', text('[data-testid="highlight-toggle"]')],
        ['the embed button', text('[data-testid="embed-button"]')],
        ...all('.cv-footer p').map((t) => ['the footer', t]),
        ...all('.cv-langs__link')
          .filter((t) => t.length > 3)
          .map((t) => ['the language switcher', t]),
      ],
    };
  }, lang);
}

describe('printing an article', () => {
  const site = useSite();

  for (const lang of LANGS) {
    test(`${lang}: the PDF holds the article and its address, not the site's chrome`, async () => {
      assert.ok(existsSync(PDFTOTEXT), `${PDFTOTEXT} is missing (apt-get install poppler-utils)`);
      const page = await site.open(`/${lang}/${SLUG}/`);
      await page.waitForSelector('html[data-courtview="interactive"]');
      const want = await screenTexts(page, lang);
      assert.ok(want.title.length > 10 && want.date && want.source, 'the page shows its head');
      assert.equal(want.address, want.canonical, 'the printed address is the canonical one');
      assert.ok(want.paragraphs.length >= 8, 'paragraphs');
      for (const [what, t] of want.chrome) assert.ok(t.length > 0, `${what} has text on screen`);

      const printed = squash(await pdfText(await page.pdf({ format: 'A4' })));
      for (const [what, t] of [
        ['the title', want.title],
        ['the date', want.date],
        ['the source', want.source],
        ...want.paragraphs.map((p, i) => [`paragraph ${i + 1}`, p]),
      ]) {
        assert.ok(printed.includes(squash(t)), `${what} is printed: ${t}`);
      }
      assert.equal(
        printed.split(squash(want.address)).length - 1,
        1,
        `the address ${want.address} is printed once`,
      );
      for (const [what, t] of want.chrome) {
        assert.ok(!printed.includes(squash(t)), `${what} is not printed: ${t}`);
      }
      site.assertNoErrors(page);
    });
  }

  test('in print media the highlights are plain black underlines and the chrome is gone', async () => {
    const page = await site.open(`/ru/${SLUG}/`);
    await page.waitForSelector('html[data-courtview="interactive"]');
    // On screen the address is not shown.
    assert.equal(await page.isVisible('[data-testid="print-address"]'), false);
    await page.emulateMedia({ media: 'print' });
    const style = await page.evaluate(() => {
      const mark = getComputedStyle(document.querySelector('article mark.entity'));
      const shown = (sel) => {
        const el = document.querySelector(sel);
        return el ? getComputedStyle(el).display !== 'none' : null;
      };
      return {
        background: mark.backgroundColor,
        line: mark.textDecorationLine,
        lineColour: mark.textDecorationColor,
        colour: mark.color,
        header: shown('.cv-header'),
        legend: shown('.cv-legend'),
        tools: shown('.cv-article-tools'),
        footer: shown('.cv-footer'),
        address: shown('[data-testid="print-address"]'),
      };
    });
    assert.deepEqual(style, {
      background: 'rgba(0, 0, 0, 0)',
      line: 'underline',
      lineColour: 'rgb(0, 0, 0)',
      colour: 'rgb(0, 0, 0)',
      header: false,
      legend: false,
      tools: false,
      footer: false,
      address: true,
    });
    site.assertNoErrors(page);
  });
});
