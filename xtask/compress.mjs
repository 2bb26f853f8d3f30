// Precompresses a built site for servers that send precompressed files (nginx's gzip_static
// and brotli_static): beside every text file (HTML, CSS, JS, wasm, SVG, JSON, plain text) it
// writes FILE.gz and FILE.br (brotli 11, Node's zlib). Fonts (woff2) are compressed already
// and are skipped; an older .gz/.br is replaced.
//
// The .gz files are written by Zopfli (npm `@gfx/zopfli`, installed with the browser tests'
// packages): ordinary gzip that any client inflates, 5.5-7% smaller than zlib level 9 on the
// wasm, at the price of a few seconds here once per build. Clients without brotli get them.
//
// Usage: node compress.mjs DIR   (`cargo xtask dist` runs it on dist/)

import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

// The package lives with the browser tests' packages, which `cargo xtask` installs.
const require = createRequire(
  path.join(path.dirname(fileURLToPath(import.meta.url)), '../tests/browser/package.json'),
);
let gzipAsync;
try {
  ({ gzipAsync } = require('@gfx/zopfli'));
} catch (err) {
  if (err.code !== 'MODULE_NOT_FOUND') throw err;
  console.error(
    'compress.mjs: the npm package @gfx/zopfli is not installed in tests/browser/node_modules; ' +
      'run `cargo xtask dist` (it installs it) or `npm ci` in tests/browser',
  );
  process.exit(1);
}

const TEXT = new Set(['.html', '.css', '.js', '.mjs', '.wasm', '.svg', '.json', '.txt', '.xml', '.map']);

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (TEXT.has(path.extname(entry.name))) yield full;
  }
}

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node compress.mjs DIR');
  process.exit(2);
}
let count = 0;
let raw = 0;
let br = 0;
for await (const file of files(dir)) {
  const data = await readFile(file);
  // 15 iterations: Zopfli's default; more gain a few hundred bytes on the wasm for seconds.
  const gz = Buffer.from(await gzipAsync(data, { numiterations: 15 }));
  const brotli = zlib.brotliCompressSync(data, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      [zlib.constants.BROTLI_PARAM_MODE]: path.extname(file) === '.wasm' ? zlib.constants.BROTLI_MODE_GENERIC : zlib.constants.BROTLI_MODE_TEXT,
    },
  });
  await writeFile(`${file}.gz`, gz);
  await writeFile(`${file}.br`, brotli);
  count += 1;
  raw += data.length;
  br += brotli.length;
}
console.log(`compressed ${count} files: ${(raw / 1000).toFixed(1)} KB raw, ${(br / 1000).toFixed(1)} KB brotli`);
