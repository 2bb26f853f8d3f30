// Precompresses a built site for servers that send precompressed files (nginx's gzip_static
// and brotli_static): beside every text file (HTML, CSS, JS, wasm, SVG, JSON, plain text) it
// writes FILE.gz (gzip -9) and FILE.br (brotli 11). Fonts (woff2) are compressed already and
// are skipped; an older .gz/.br is replaced. Node's zlib does both, so no extra tool is needed.
//
// Usage: node compress.mjs DIR   (`cargo xtask dist` runs it on dist/)

import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

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
  const gz = zlib.gzipSync(data, { level: 9 });
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
