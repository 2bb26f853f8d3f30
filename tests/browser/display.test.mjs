// Themes and text sizes (issue 16): the display menu in the header sets the theme (light, dark,
// sepia, the system's) and the text size, saves them, and every later page applies them before
// its first paint, by the prepaint script, with or without the app; the embed view takes its
// theme from the partner's `theme=` the same way. No violation of axe in any theme.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { AUDITED, SLUG, audit, screenshot, useSite, withDisplay } from './harness.mjs';

/** The page's background colour and the first paragraph's font size, as painted. */
function painted(page) {
  return page.evaluate(() => ({
    theme: document.documentElement.dataset.theme,
    size: document.documentElement.dataset.size,
    background: getComputedStyle(document.body).backgroundColor,
    fontSize: parseFloat(getComputedStyle(document.getElementById('p-1')).fontSize),
  }));
}

describe('display: themes and text sizes', () => {
  const site = useSite();

  test('the menu sets the theme and size, and later pages have them before the app', async () => {
    const page = await site.open(`/ru/${SLUG}/`, { viewport: { width: 375, height: 800 } });
    await page.waitForSelector('html[data-courtview="interactive"]');
    const before = await painted(page);
    assert.equal(before.theme, 'auto', 'the system’s colours until the reader chooses');
    assert.equal(before.size, 'normal');
    await page.click('[data-testid="display-button"]');
    assert.equal(await page.getAttribute('[data-testid="display-button"]', 'aria-expanded'), 'true');
    assert.ok(await page.isChecked('[data-testid="display-theme-auto"]'));
    await page.check('[data-testid="display-theme-dark"]');
    await page.check('[data-testid="display-size-large"]');
    await screenshot(page, 'display-menu-dark-375');
    const after = await painted(page);
    assert.equal(after.theme, 'dark');
    assert.equal(after.size, 'large');
    assert.notEqual(after.background, before.background, 'the page turned dark');
    assert.ok(after.fontSize > before.fontSize * 1.1, `text ${before.fontSize}px → ${after.fontSize}px`);
    // Escape closes the menu and gives focus back to its button.
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="display-panel"]', { state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'display-button');

    // Another page of the same visit, the app never starting: the choice is there anyway,
    // on the first paint (the prepaint script runs before the stylesheet is used).
    const bare = await page.context().newPage();
    await bare.route('**/*.wasm', (r) => r.abort());
    const first = [];
    await bare.exposeFunction('__paintTheme', (t) => first.push(t));
    await bare.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => window.__paintTheme(document.documentElement.dataset.theme));
    });
    await bare.goto(`${site.base}/kk/`);
    await bare.waitForSelector('[data-testid="article-card"]');
    assert.deepEqual(first, ['dark'], 'dark before the DOM was even complete');
    assert.equal(await bare.getAttribute('html', 'data-size'), 'large');
    assert.equal(await bare.getAttribute('html', 'data-courtview'), 'failed', 'the app did not start');

    // Sepia, and back to the defaults.
    await page.click('[data-testid="display-button"]');
    assert.ok(await page.isChecked('[data-testid="display-theme-dark"]'), 'the menu shows the choice');
    await page.check('[data-testid="display-theme-sepia"]');
    await page.check('[data-testid="display-size-small"]');
    const sepia = await painted(page);
    assert.equal(sepia.theme, 'sepia');
    assert.ok(sepia.fontSize < before.fontSize, 'smaller text');
    await page.reload();
    await page.waitForSelector('html[data-courtview="interactive"]');
    assert.equal((await painted(page)).theme, 'sepia');
    site.assertNoErrors(page);
  });

  test('the embed view takes the partner’s theme before its first paint', async () => {
    const page = await site.newPage();
    await page.route('**/*.wasm', (r) => r.abort());
    await page.goto(`${site.base}/embed/en/${SLUG}/?theme=SEPIA`);
    await page.waitForSelector('article[lang="en"] #p-1');
    assert.equal(await page.getAttribute('html', 'data-theme'), 'sepia');
    const plain = await site.newPage({ colorScheme: 'dark' });
    await plain.route('**/*.wasm', (r) => r.abort());
    await plain.goto(`${site.base}/embed/en/${SLUG}/`);
    assert.equal(await plain.getAttribute('html', 'data-theme'), 'light', 'the embed’s default');
  });

  // Focus rings (axe does not check them): 3:1 against what they are drawn on. The header's
  // band has a ring colour of its own, which the skip link shown over the band takes too; the
  // display menu's panel sits inside the header on the page's surface and keeps the page's.
  for (const theme of ['light', 'dark', 'sepia']) {
    test(`focus rings show on the header, the skip link and the menu's panel, ${theme} theme`, async () => {
      const page = await site.newPage({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
      await withDisplay(page, `theme=${theme}`);
      await page.goto(`${site.base}/ru/${SLUG}/`);
      await page.waitForSelector('html[data-courtview="interactive"]');
      /** The focused element's ring and the background it is drawn on, as a contrast ratio. */
      const ring = (background) =>
        page.evaluate((bgSelector) => {
          const rgb = (c) => c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
          const lum = (c) => {
            const [r, g, b] = rgb(c).map((v) => {
              const x = v / 255;
              return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
            });
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
          };
          const el = document.activeElement;
          const style = getComputedStyle(el);
          const bg = getComputedStyle(document.querySelector(bgSelector)).backgroundColor;
          const [a, b] = [lum(style.outlineColor), lum(bg)];
          return {
            what: el.dataset.testid ?? el.className,
            outline: `${style.outlineStyle} ${style.outlineWidth}`,
            ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
          };
        }, background);
      const seen = [];
      await page.keyboard.press('Tab'); // the skip link, over the header's band
      seen.push(await ring('.cv-header'));
      await page.focus('[data-testid="lang-en"]');
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab'); // a language link, by keyboard
      seen.push(await ring('.cv-header'));
      await page.focus('[data-testid="display-button"]');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-testid="display-panel"]');
      await page.keyboard.press('Tab'); // a radio of the menu's panel
      seen.push(await ring('[data-testid="display-panel"]'));
      await page.keyboard.press('Escape');
      await page.locator('article mark.entity').first().focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab'); // a mention in the text
      seen.push(await ring('body'));
      for (const { what, outline, ratio } of seen) {
        // A mention focused opens its card, and is drawn as the current one (2 px, --accent).
        assert.match(outline, /^solid [23]px$/, `${theme}: ${what} has a ring`);
        assert.ok(ratio >= 3, `${theme}: the ring of ${what} is ${ratio.toFixed(2)}:1 on its background`);
      }
      assert.deepEqual(
        seen.map((s) => s.what),
        ['cv-skip', 'lang-en', `display-theme-${theme}`, 'entity is-current'],
        'the elements focused',
      );
      site.assertNoErrors(page);
    });
  }

  for (const theme of ['light', 'dark', 'sepia']) {
    test(`no axe violation in the ${theme} theme, the menu open`, async (t) => {
      const page = await site.newPage({ ...AUDITED, viewport: { width: 1280, height: 900 } });
      await withDisplay(page, `theme=${theme};size=large`);
      await page.goto(`${site.base}/kk/${SLUG}/`);
      await page.waitForSelector('html[data-courtview="interactive"]');
      await page.click('[data-testid="display-button"]');
      await page.waitForSelector('[data-testid="display-panel"]');
      if (theme === 'sepia') await screenshot(page, 'display-menu-sepia-1280');
      // Issue 16: none at all, of any impact.
      await audit(t, page);
      site.assertNoErrors(page);
    });
  }
});
