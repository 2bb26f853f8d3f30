// The test server itself: content types, directory index, the Latin twin for a Latin query
// (as deploy/nginx.conf chooses it), SPA fallback, 404s, no escape from the root. Runs
// against a small site made here, so it needs no build.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { LATIN_DIVERGES, LATIN_QUERIES } from './harness.mjs';
import { LATIN_QUERY, startServer } from './server.mjs';

describe('static server', () => {
  let dir;
  let server;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'courtview-server-'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>root</title>');
    await writeFile(path.join(dir, 'app-1a2b.js'), 'export {}');
    await writeFile(path.join(dir, 'app-1a2b_bg.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d]));
    await writeFile(path.join(dir, 'style.css'), 'body{}');
    await writeFile(path.join(dir, 'font.woff2'), 'wOF2');
    await mkdir(path.join(dir, 'kk'));
    await writeFile(path.join(dir, 'kk', 'index.html'), '<!doctype html><title>kk</title>');
    await writeFile(path.join(dir, 'kk', 'index.latn.html'), '<!doctype html><title>kk-Latn</title>');
    await mkdir(path.join(dir, 'en'));
    await writeFile(path.join(dir, 'en', 'index.html'), '<!doctype html><title>en</title>');
    server = await startServer(dir);
  });

  after(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const get = (p, init) => fetch(`${server.url}${p}`, init);

  test('listens on 127.0.0.1 with an ephemeral port', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(server.port > 0);
  });

  test('serves files with their content types', async () => {
    const cases = [
      ['/', 'text/html; charset=utf-8', 'root'],
      ['/index.html', 'text/html; charset=utf-8', 'root'],
      ['/app-1a2b.js', 'text/javascript', 'export {}'],
      ['/app-1a2b_bg.wasm', 'application/wasm', null],
      ['/style.css', 'text/css', 'body{}'],
      ['/font.woff2', 'font/woff2', 'wOF2'],
    ];
    for (const [p, type, body] of cases) {
      const res = await get(p);
      assert.equal(res.status, 200, p);
      assert.equal(res.headers.get('content-type'), type, p);
      const text = await res.text();
      if (body) assert.match(text, new RegExp(body), p);
    }
  });

  test('a directory with index.html serves it', async () => {
    const res = await get('/kk/');
    assert.equal(res.status, 200);
    assert.match(await res.text(), /<title>kk<\/title>/);
  });

  test('a Latin query gets the Latin twin where there is one, as nginx sends it', async () => {
    for (const [query, latin] of [...LATIN_QUERIES, ...LATIN_DIVERGES.map((q) => [q, false])]) {
      const res = await get(`/kk/?${query}`);
      assert.equal(res.status, 200, query);
      assert.match(await res.text(), latin ? /<title>kk-Latn<\/title>/ : /<title>kk<\/title>/, query);
    }
    // A page without a twin is itself, whatever the query.
    assert.match(await (await get('/en/?script=latn')).text(), /<title>en<\/title>/);
    // A file named in the address is that file.
    assert.match(await (await get('/kk/index.html?script=latn')).text(), /<title>kk<\/title>/);
  });

  test("the Latin pattern is deploy/nginx.conf's, and reads queries as the contract says", () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const conf = readFileSync(path.join(here, '../../deploy/nginx.conf'), 'utf8');
    const map = conf.match(/map \$args \$courtview_latin \{[^}]*?"~([^"]+)" "\.latn";/);
    assert.ok(map, 'deploy/nginx.conf maps $args to $courtview_latin');
    assert.equal(map[1], LATIN_QUERY.source);
    for (const [query, latin] of LATIN_QUERIES) assert.equal(LATIN_QUERY.test(query), latin, query);
  });

  test('routes without an extension fall back to index.html with 200', async () => {
    for (const p of ['/ru/', '/ru/iaca-2025-dubai/', '/kk/no-such-article/', '/xx', '/%D0%B0/', '/%C3%28/', '/%00/']) {
      const res = await get(p);
      assert.equal(res.status, 200, p);
      assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8', p);
      assert.match(await res.text(), /<title>root<\/title>/, p);
    }
  });

  test('missing files with an extension are 404', async () => {
    for (const p of ['/missing.js', '/favicon.ico', '/kk/missing.wasm']) {
      const res = await get(p);
      assert.equal(res.status, 404, p);
      await res.arrayBuffer();
    }
  });

  test('paths cannot leave the root', async () => {
    for (const p of ['/../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd']) {
      const res = await get(p);
      const text = await res.text();
      assert.doesNotMatch(text, /root:.*:0:0:/, p);
    }
  });

  test('HEAD answers without a body; other methods are refused', async () => {
    const head = await get('/style.css', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('content-length'), '6');
    const post = await get('/', { method: 'POST' });
    assert.equal(post.status, 405);
    await post.arrayBuffer();
  });
});
