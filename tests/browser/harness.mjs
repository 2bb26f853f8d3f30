// Shared set-up for the browser tests: the built site on a local server, Debian's
// Chromium driven by playwright-core, and every console error and page error collected.
//
// Call `useSite()` at the top of a `describe`: it starts the server and the browser in
// `before` and stops them in `after`.

import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { startServer } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The built site; `cargo xtask test` sets COURTVIEW_DIST to the repository's dist/. */
export const DIST = path.resolve(process.env.COURTVIEW_DIST ?? path.join(here, '../../dist'));

/** Where screenshots go for people to look at (git-ignored). */
export const SCREENSHOTS = path.join(here, 'screenshots');

/** Debian's Chromium; playwright's own browser downloads cannot work on these machines. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Chromium flags: no sandbox (CI runs as root), and no background traffic, which this
 * machine's closed network would refuse over and over.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The languages the viewer ships, with text each version of the first article contains. */
export const LANGS = ['kk', 'ru', 'en'];

/** Cargo's target directory, as cargo and `cargo xtask` decide it. */
export const TARGET = process.env.CARGO_TARGET_DIR
  ? path.resolve(here, '../..', process.env.CARGO_TARGET_DIR)
  : path.join(here, '../../target');

/**
 * The stress build (`cargo xtask stress`; `cargo xtask test` builds it): `articles/` holds the
 * generated and hostile articles, `dist/` the app built with them.
 */
export const STRESS = path.resolve(process.env.COURTVIEW_STRESS ?? path.join(TARGET, 'stress'));

/**
 * A server that already serves DIST (nginx with deploy/nginx.conf, which `cargo xtask test`
 * starts), as a URL without trailing slash; unset, the suites start their own small server.
 */
export const SERVER = process.env.COURTVIEW_SERVER?.replace(/\/$/, '') || null;

/**
 * A server (nginx, which `cargo xtask test` starts) that serves the stress build's dist/, as a
 * URL without trailing slash; unset, suites that pass `server: STRESS_SERVER` start their own.
 */
export const STRESS_SERVER = process.env.COURTVIEW_STRESS_SERVER?.replace(/\/$/, '') || null;

/** The first article's slug. */
export const SLUG = 'iaca-2025-dubai';

/**
 * Queries and whether each asks for the Latin twin, by the contract (docs/contracts.md): the
 * last valid `script=` counts, its value in any ASCII case. The one a server cannot know without
 * decoding (`%6C` is `l`) is in LATIN_DIVERGES: nginx and this server send the Cyrillic page,
 * and the app switches after it starts.
 */
export const LATIN_QUERIES = [
  ['script=latn', true],
  ['script=LATN', true],
  ['script=Latn', true],
  ['q=x&script=latn&with=en', true],
  ['script=latn&script=junk', true],
  ['script=latn&script=', true],
  ['script=cyrl&script=latn', true],
  ['script=latn&script=cyrl&script=latn', true],
  ['script=latn&script=cyrlx', true],
  ['script=latn&SCRIPT=cyrl', true],
  ['', false],
  ['script=cyrl', false],
  ['script=CYRL', false],
  ['script=latn&script=cyrl', false],
  ['script=latn&script=Cyrl', false],
  ['script=latnx', false],
  ['xscript=latn', false],
  ['SCRIPT=latn', false],
  ['script=', false],
  ['q=script=latn', false],
];

/** Asks for Latin by the contract, but only a decoder sees it. */
export const LATIN_DIVERGES = ['script=%6Catn'];

/** Any page of the app has rendered: a list, an article, every entity, search, or not found. */
export const RENDERED =
  '[data-testid="article-list"], article[lang], [data-testid="entities-page"], ' +
  '[data-testid="search-page"], [data-testid="not-found"]';

/** How long to wait for a DOM condition before failing. */
export const TIMEOUT_MS = 20_000;

/**
 * Starts the server and Chromium for the enclosing suite.
 *
 * `options.dist` serves another build (the stress build) with the suite's own server instead,
 * or through `options.server` when that is set (the URL of a server that serves it).
 *
 * Returns an object whose `base` (server URL, no trailing slash) and `browser` are set
 * once `before` has run, with helpers:
 * - `open(path, contextOptions)` opens a page in a new context and waits for the app to run
 *   (`<html data-courtview>` set: interactive, or failed);
 * - `newPage(contextOptions)` opens a blank page in a new context;
 * - `assertNoErrors(page)` fails if that page logged a console error or a page error.
 */
export function useSite({ dist = null, server = null } = {}) {
  const site = {
    base: '',
    browser: null,
    server: null,
    contexts: [],

    async newPage(contextOptions = {}) {
      const context = await site.browser.newContext(contextOptions);
      site.contexts.push(context);
      context.setDefaultTimeout(TIMEOUT_MS);
      const page = await context.newPage();
      trackErrors(page);
      return page;
    },

    async open(urlPath, contextOptions = {}) {
      const page = await site.newPage(contextOptions);
      await page.goto(site.base + urlPath);
      await page.waitForSelector(RENDERED);
      // A prerendered page is there before the app is: wait until the app runs (or says it
      // cannot), so that what the test does next meets the app, not the page as written.
      if (contextOptions.javaScriptEnabled !== false) {
        await page.waitForSelector('html[data-courtview]', { state: 'attached' });
      }
      return page;
    },

    assertNoErrors(page) {
      assert.deepEqual(page.__errors, [], `errors on ${page.url()}`);
    },
  };

  before(async () => {
    const root = dist ?? DIST;
    assert.ok(
      existsSync(path.join(root, 'index.html')),
      `${root}/index.html is missing: build it first (${dist ? 'cargo xtask stress' : 'cargo xtask dist'})`,
    );
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing (apt-get install chromium)`);
    if (SERVER && !dist) {
      site.base = SERVER;
    } else if (server) {
      site.base = server;
    } else {
      site.server = await startServer(root);
      site.base = site.server.url;
    }
    site.browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
  });

  after(async () => {
    for (const context of site.contexts) await context.close().catch(() => {});
    await site.browser?.close();
    await site.server?.close();
  });

  return site;
}

/**
 * Whether a console error is the browser noting that the page itself came with status 404:
 * the not-found page's status is meant (nginx answers an unknown address with 404.html).
 */
export function isDocument404(msg, page) {
  return msg.text().includes('status of 404') && msg.location().url === page.url();
}

/**
 * Collects console errors and uncaught page errors on `page.__errors`, ignoring only the
 * browser's note that a not-found page has status 404.
 */
function trackErrors(page) {
  page.__errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !isDocument404(msg, page)) {
      const where = msg.location();
      page.__errors.push(`console.error: ${msg.text()} (${where.url}:${where.lineNumber})`);
    }
  });
  page.on('pageerror', (err) => page.__errors.push(`pageerror: ${err.stack ?? err}`));
}

/**
 * Waits until `fn(arg)` is truthy in the page; on time-out, fails naming `what` (a bare
 * playwright time-out does not say which condition it was waiting for).
 */
export async function until(page, what, fn, arg) {
  try {
    await page.waitForFunction(fn, arg);
  } catch (err) {
    throw new Error(`timed out waiting until ${what} (at ${page.url()})`, { cause: err });
  }
}

/** Resolves when `location.pathname` is `expected` (client-side navigations included). */
export async function waitForPath(page, expected) {
  await until(page, `the path is ${expected}`, (p) => window.location.pathname === p, expected);
  // After a full navigation the address changes when the new page commits, before its body is
  // parsed: a caller that reads the page at once could read it half there (on a busy machine
  // the entity pages' walk stopped early). After an in-place change this returns at once.
  await page.waitForLoadState('domcontentloaded');
}

/** Whether the element matching `selector` overlaps the viewport. */
export async function inViewport(page, selector) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth;
  }, selector);
}

/** Saves a full-page screenshot as screenshots/<name>.png. */
export async function screenshot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * Saves the reader's display choices (`theme=…;size=…`, as the display menu saves them in
 * `courtview.display`) before any page of `page` loads.
 */
export async function withDisplay(page, choices) {
  await page.addInitScript((v) => localStorage.setItem('courtview.display', v), choices);
}

/** axe-core's browser bundle (pinned in package.json), injected into the page audited. */
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * Context options for a page axe audits: reduced motion, so that no transition is caught
 * half-way while axe computes colours; the page's Content-Security-Policy bypassed, because
 * axe is injected as an inline script (the policy, which nginx sends, is tested in
 * csp.test.mjs).
 */
export const AUDITED = { reducedMotion: 'reduce', bypassCSP: true };

/** The impacts that fail an audit: all of them. */
const FAILING = new Set(['minor', 'moderate', 'serious', 'critical']);

/** One axe result as lines: rule, impact, help, and each element with its summary. */
function describeResult(result) {
  const lines = [`${result.id} (${result.impact}): ${result.help} — ${result.helpUrl}`];
  for (const node of result.nodes) {
    lines.push(`    at ${node.target.join(' ')}`);
    lines.push(`      html: ${node.html.length > 160 ? `${node.html.slice(0, 160)}…` : node.html}`);
    for (const summary of (node.failureSummary ?? '').split('\n').filter(Boolean)) {
      lines.push(`      ${summary.trim()}`);
    }
  }
  return lines.join('\n');
}

/**
 * Runs axe-core on `page` (opened with AUDITED) once its fonts have loaded. Fails on any
 * violation, of any impact; reports what axe could not decide through `t.diagnostic`.
 */
export async function audit(t, page) {
  await page.evaluate(() => document.fonts.ready);
  await page.addScriptTag({ path: AXE });
  const { violations, incomplete } = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations', 'incomplete'] }),
  );
  // A violation axe gives no impact still fails.
  const failing = violations.filter((v) => v.impact == null || FAILING.has(v.impact));
  // One diagnostic per line: the TAP reporter escapes newlines inside one.
  const note = (prefix, result) =>
    `${prefix}: ${describeResult(result)}`.split('\n').forEach((line) => t.diagnostic(line));
  for (const r of incomplete.filter((r) => FAILING.has(r.impact))) {
    note('needs review (axe could not decide)', r);
  }
  assert.equal(
    failing.length,
    0,
    `${failing.length} accessibility violation(s) on ${page.url()}:\n` + failing.map(describeResult).join('\n'),
  );
}
