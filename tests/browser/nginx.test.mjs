// The real web server (issue 6): nginx running deploy/nginx.conf, which `cargo xtask test`
// starts on a free port and names in COURTVIEW_SERVER. Checks what the browser tests cannot
// see: headers, caching, precompressed files, MIME types, the status of a missing page, and
// which file a query gets (a Kazakh page's Latin twin for `?script=latn`).
// Skipped when the tests are run by hand without that server.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

import { DIST, LATIN_DIVERGES, LATIN_QUERIES, SERVER, SLUG } from './harness.mjs';
import { CSP } from './csp.test.mjs';

/** A request straight to nginx (fetch would decompress and hide Content-Encoding). */
async function get(urlPath, headers = {}) {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    const req = request(`${SERVER}${urlPath}`, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('nginx with deploy/nginx.conf', { skip: SERVER ? false : 'COURTVIEW_SERVER is not set (cargo xtask test sets it)' }, () => {
  test('security headers on pages, assets and the 404 page', async () => {
    for (const p of [`/kk/${SLUG}/`, '/', '/kk/no-such-article/']) {
      const res = await get(p);
      assert.equal(res.headers['content-security-policy'], CSP, p);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', p);
      assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin', p);
      assert.match(res.headers['permissions-policy'], /camera=\(\)/, p);
    }
  });

  test('pages are HTML that is revalidated; a missing page is 404 with the not-found page', async () => {
    const page = await get(`/ru/${SLUG}/`);
    assert.equal(page.status, 200);
    assert.match(page.headers['content-type'], /^text\/html/);
    assert.equal(page.headers['cache-control'], 'no-cache');
    assert.match(page.body.toString(), /<html lang="ru">/);
    const missing = await get('/ru/no-such-article/');
    assert.equal(missing.status, 404);
    assert.match(missing.body.toString(), /data-testid="not-found"/);
    const noSlash = await get(`/ru/${SLUG}`);
    assert.equal(noSlash.status, 301);
    assert.match(noSlash.headers.location, new RegExp(`/ru/${SLUG}/$`));
  });

  test('addresses nginx refuses get the not-found page too: a NUL byte, 10 and 20 KB', async () => {
    for (const p of ['/%00/', `/kk/${SLUG}/%00`, `/kk/${'a'.repeat(10_000)}/`, `/${'b'.repeat(20_000)}/`]) {
      const res = await get(p);
      const shown = p.length > 40 ? `${p.slice(0, 20)}… (${p.length})` : p;
      assert.equal(res.status, 404, shown);
      assert.match(res.body.toString(), /data-testid="not-found"/, shown);
      assert.equal(res.headers['content-security-policy'], CSP, shown);
    }
  });

  test('hashed assets are cached for a year; wasm is application/wasm', async () => {
    const files = await readdir(DIST);
    const wasm = files.find((f) => f.endsWith('.wasm'));
    const css = files.find((f) => f.endsWith('.css'));
    for (const f of [wasm, css]) {
      const res = await get(`/${f}`);
      assert.equal(res.status, 200, f);
      assert.equal(res.headers['cache-control'], 'max-age=31536000', f);
    }
    assert.equal((await get(`/${wasm}`)).headers['content-type'], 'application/wasm');
  });

  test('brotli and gzip files are sent when the client accepts them', async () => {
    const files = await readdir(DIST);
    const wasm = files.find((f) => f.endsWith('.wasm'));
    const raw = await readFile(path.join(DIST, wasm));
    const br = await get(`/${wasm}`, { 'Accept-Encoding': 'br, gzip' });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.deepEqual(zlib.brotliDecompressSync(br.body), raw);
    const gz = await get(`/${wasm}`, { 'Accept-Encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.deepEqual(zlib.gunzipSync(gz.body), raw);
    const plain = await get(`/${wasm}`);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body.length, raw.length);
    const page = await get(`/kk/${SLUG}/`, { 'Accept-Encoding': 'br' });
    assert.equal(page.headers['content-encoding'], 'br');
  });

  test('data files are cached for a year; feeds, sitemap and robots.txt are revalidated', async () => {
    const data = (await readdir(path.join(DIST, 'data'))).filter((f) => /^[0-9a-f]{16}\.bin$/.test(f));
    assert.ok(data.length >= 3, 'data files');
    const file = await get(`/data/${data[0]}`, { 'Accept-Encoding': 'br' });
    assert.equal(file.status, 200);
    assert.equal(file.headers['cache-control'], 'max-age=31536000');
    assert.equal(file.headers['content-type'], 'application/octet-stream');
    assert.equal(file.headers['content-encoding'], 'br');
    assert.match(file.headers.vary ?? '', /Accept-Encoding/);
    assert.deepEqual(zlib.brotliDecompressSync(file.body), await readFile(path.join(DIST, 'data', data[0])));
    for (const [p, type] of [
      ['/ru/feed.xml', /^application\/atom\+xml/],
      ['/sitemap.xml', /xml/],
      ['/robots.txt', /^text\/plain/],
    ]) {
      const res = await get(p);
      assert.equal(res.status, 200, p);
      assert.match(res.headers['content-type'], type, p);
      assert.equal(res.headers['cache-control'], 'no-cache', p);
    }
  });

  test('a Latin query gets the Latin twin: revalidated HTML, its own ETag, precompressed', async () => {
    const twin = await get(`/kk/${SLUG}/?script=latn`, { 'Accept-Encoding': 'br' });
    const page = await get(`/kk/${SLUG}/`, { 'Accept-Encoding': 'br' });
    assert.equal(twin.status, 200);
    assert.match(twin.headers['content-type'], /^text\/html/);
    assert.equal(twin.headers['cache-control'], 'no-cache');
    assert.equal(twin.headers['content-encoding'], 'br');
    assert.match(twin.headers.vary ?? '', /Accept-Encoding/);
    assert.ok(twin.headers.etag && twin.headers.etag !== page.headers.etag, 'an ETag of its own');
    const file = path.join(DIST, 'kk', SLUG, 'index.latn.html');
    assert.deepEqual(zlib.brotliDecompressSync(twin.body), await readFile(file));
    const gz = await get(`/kk/${SLUG}/?script=latn`, { 'Accept-Encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.deepEqual(zlib.gunzipSync(gz.body), await readFile(file));
    assert.equal(twin.headers['content-security-policy'], CSP);
    // Revalidation against the twin's ETag answers 304 for the twin, not for the other page.
    const again = await get(`/kk/${SLUG}/?script=latn`, { 'If-None-Match': twin.headers.etag, 'Accept-Encoding': 'br' });
    assert.equal(again.status, 304);
    const other = await get(`/kk/${SLUG}/`, { 'If-None-Match': twin.headers.etag, 'Accept-Encoding': 'br' });
    assert.equal(other.status, 200);
  });

  test('nginx chooses the twin as server.mjs does, by the contract; others are as they are', async () => {
    const lang = async (p) => (await get(p)).body.toString().match(/<html lang="([^"]+)"/)?.[1];
    for (const [query, latin] of [...LATIN_QUERIES, ...LATIN_DIVERGES.map((q) => [q, false])]) {
      assert.equal(await lang(`/kk/${SLUG}/?${query}`), latin ? 'kk-Latn' : 'kk', query);
    }
    // Russian and English have no twin; nor does the root, which is the shell.
    for (const p of [`/ru/${SLUG}/`, `/en/`, '/']) {
      const plain = await get(p);
      const asked = await get(`${p}?script=latn`);
      assert.deepEqual(asked.body, plain.body, p);
    }
    // The not-found page: in Latin for a Latin query, with its status.
    const missing = await get('/kk/no-such-article/?script=latn');
    assert.equal(missing.status, 404);
    assert.match(missing.body.toString(), /<html lang="kk-Latn">[\s\S]*data-testid="not-found"/);
    // The redirect to the address with its slash keeps the query.
    const noSlash = await get(`/kk/${SLUG}?script=latn`);
    assert.equal(noSlash.status, 301);
    assert.match(noSlash.headers.location, new RegExp(`/kk/${SLUG}/\\?script=latn$`));
  });

  test('fonts are cached for 30 days', async () => {
    const fonts = await readdir(path.join(DIST, 'fonts'));
    const font = fonts.find((f) => f.endsWith('.woff2'));
    const res = await get(`/fonts/${font}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers['cache-control'], 'max-age=2592000');
  });
});
