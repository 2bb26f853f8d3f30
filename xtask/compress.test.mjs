// Tests of compress.mjs: run by `cargo xtask test` (node --test xtask/compress.test.mjs), after
// the npm packages are installed (the .js case needs @gfx/zopfli).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

import { cacheKey, methodFor, parseArgs } from './compress.mjs';

const script = fileURLToPath(new URL('./compress.mjs', import.meta.url));

/** Runs compress.mjs with `args`; returns its output. */
function run(...args) {
  return execFileSync(process.execPath, [script, ...args], { encoding: 'utf8' });
}

describe('compress.mjs', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'courtview-compress-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  const site = path.join(root, 'site');
  const cache = path.join(root, 'cache');
  const files = {
    'kk/a/index.html': '<!DOCTYPE html><p>Қазақстан Республикасы Жоғарғы Соты</p>'.repeat(40),
    'data/0123456789abcdef.bin': Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7) % 13)),
    'app-abc123.js': 'export function f(x) { return x + 1; }\n'.repeat(50),
    'kk/feed.xml': '<?xml version="1.0"?><feed><entry>x</entry></feed>'.repeat(20),
    'fonts/x.woff2': 'not compressed again',
  };
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(site, name)), { recursive: true });
    writeFileSync(path.join(site, name), data);
  }

  test('writes a .gz and a .br that give back each text file, data and feed files included', () => {
    const out = run(site, '--cache', cache);
    assert.match(out, /compressed 4 files in [\d.]+ s: 0 from the cache, 4 compressed now/);
    for (const name of Object.keys(files).filter((n) => !n.endsWith('.woff2'))) {
      const file = path.join(site, name);
      const original = readFileSync(file);
      assert.deepEqual(zlib.gunzipSync(readFileSync(`${file}.gz`)), original, name);
      assert.deepEqual(zlib.brotliDecompressSync(readFileSync(`${file}.br`)), original, name);
    }
    assert.ok(!readdirSync(path.join(site, 'fonts')).some((n) => n.endsWith('.gz')));
  });

  test('a second run copies every file from the cache, and a changed file is compressed again', () => {
    assert.match(run(site, '--cache', cache), /4 from the cache, 0 compressed now/);
    const page = path.join(site, 'kk/a/index.html');
    writeFileSync(page, '<!DOCTYPE html><p>changed</p>');
    rmSync(`${page}.br`);
    assert.match(run(site, '--cache', cache), /3 from the cache, 1 compressed now/);
    assert.equal(zlib.brotliDecompressSync(readFileSync(`${page}.br`)).toString(), '<!DOCTYPE html><p>changed</p>');
    assert.ok(!readdirSync(cache, { recursive: true }).some((n) => n.endsWith('.tmp')), 'no temporary file left');
  });

  test('works without a cache', () => {
    assert.match(run(site), /0 from the cache, 4 compressed now/);
  });

  test('Zopfli only for the app assets; brotli generic mode for binary files', () => {
    assert.deepEqual(methodFor('.wasm'), { gzip: 'zopfli', brotliMode: 'generic' });
    assert.deepEqual(methodFor('.js'), { gzip: 'zopfli', brotliMode: 'text' });
    assert.deepEqual(methodFor('.html'), { gzip: 'zlib', brotliMode: 'text' });
    assert.deepEqual(methodFor('.bin'), { gzip: 'zlib', brotliMode: 'generic' });
  });

  test('the cache key depends on the bytes and on the method', () => {
    const data = Buffer.from('x');
    assert.match(cacheKey(data, methodFor('.html')), /^[0-9a-f]{64}$/);
    assert.equal(cacheKey(data, methodFor('.html')), cacheKey(Buffer.from('x'), methodFor('.xml')));
    assert.notEqual(cacheKey(data, methodFor('.html')), cacheKey(Buffer.from('y'), methodFor('.html')));
    assert.notEqual(cacheKey(data, methodFor('.html')), cacheKey(data, methodFor('.js')));
  });

  test('arguments', () => {
    assert.deepEqual(parseArgs(['dist']), { dir: 'dist', cache: null });
    assert.deepEqual(parseArgs(['--cache', 'c', 'dist']), { dir: 'dist', cache: 'c' });
    assert.throws(() => parseArgs([]));
    assert.throws(() => parseArgs(['dist', '--cache']));
    assert.throws(() => parseArgs(['dist', 'more']));
    assert.throws(() => parseArgs(['dist', '--fast']));
  });
});
