// Precompresses a built site for servers that send precompressed files (nginx's gzip_static
// and brotli_static): beside every text file (HTML, CSS, JS, wasm, SVG, JSON, XML, plain text)
// and every article data file (data/*.bin: binary, but it compresses well) it writes FILE.gz
// and FILE.br. Fonts (woff2) are compressed already and are skipped; an older .gz/.br is
// replaced.
//
// How each file is compressed:
// - .gz of the app's large assets (.wasm, .js, .css): Zopfli, 15 iterations (npm `@gfx/zopfli`,
//   installed with the browser tests' packages): ordinary gzip that any client inflates,
//   5.5-7% smaller than zlib level 9 on the wasm, for about a second per file. There are a
//   handful of these per build, and clients without brotli get them.
// - .gz of everything else (pages, data files, feeds): zlib level 9. At archive scale there
//   are thousands of these, small, each changing with its article; Zopfli would cost ~0.8 s
//   each to save a few per cent of a file the browser mostly fetches as brotli anyway.
// - .br of every file: brotli quality 11, Node's zlib (generic mode for binary files, text
//   mode for the rest).
//
// Cache: with `--cache DIR`, the compressed copies are kept in DIR under the sha256 of the
// file's bytes (with this script's CACHE_VERSION and the method), so a rebuild that changed
// ten articles compresses only their pages and data files and copies everything else from
// the cache. An entry unused for CACHE_DAYS is deleted at the end of a run (a hit refreshes
// its time), so the folder does not grow without bound. Entries are written to a temporary
// name and renamed, so an interrupted run never leaves a truncated one.
//
// The compression itself runs in worker threads, one per core; reading, hashing and copying
// stay on the main thread. Progress is printed every PROGRESS_FILES files or PROGRESS_MS.
//
// Usage: node compress.mjs DIR [--cache CACHE_DIR]
// (`cargo xtask dist` runs it on dist/ with --cache target/compress-cache/)

import { createHash } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import zlib from 'node:zlib';

/** Change when the output for the same input changes (a method or a setting), to refuse old entries. */
const CACHE_VERSION = 'compress.mjs 2';
/** Files compressed beside themselves. */
const TEXT = new Set(['.html', '.css', '.js', '.mjs', '.wasm', '.svg', '.json', '.txt', '.xml', '.map', '.bin']);
/** The app's large assets: their .gz is written by Zopfli. */
const ZOPFLI = new Set(['.wasm', '.js', '.mjs', '.css']);
/** Binary files: brotli's generic mode (text mode tunes for UTF-8). */
const BINARY = new Set(['.wasm', '.bin']);
/** Zopfli's default: more iterations gain a few hundred bytes on the wasm for seconds. */
const ZOPFLI_ITERATIONS = 15;
const BROTLI_QUALITY = 11;
const GZIP_LEVEL = 9;
/** A cache entry not used for this many days is deleted. */
const CACHE_DAYS = 30;
/** Files read, hashed and copied at once on the main thread. */
const IO_CONCURRENCY = 16;
const PROGRESS_FILES = 500;
const PROGRESS_MS = 5000;

/** `@gfx/zopfli`'s gzipAsync, from the browser tests' packages (which `cargo xtask` installs). */
function loadZopfli() {
  const require = createRequire(
    path.join(path.dirname(fileURLToPath(import.meta.url)), '../tests/browser/package.json'),
  );
  try {
    return require('@gfx/zopfli').gzipAsync;
  } catch (err) {
    if (err.code !== 'MODULE_NOT_FOUND') throw err;
    console.error(
      'compress.mjs: the npm package @gfx/zopfli is not installed in tests/browser/node_modules; ' +
        'run `cargo xtask dist` (it installs it) or `npm ci` in tests/browser',
    );
    process.exit(1);
  }
}

/** How a file with extension `ext` is compressed: `zopfli` or `zlib` for .gz, and brotli's mode. */
export function methodFor(ext) {
  return {
    gzip: ZOPFLI.has(ext) ? 'zopfli' : 'zlib',
    brotliMode: BINARY.has(ext) ? 'generic' : 'text',
  };
}

/** The cache key of `data` compressed by `method`: hex sha256 of the settings and the bytes. */
export function cacheKey(data, method) {
  const settings =
    `${CACHE_VERSION}\0${method.gzip}:${method.gzip === 'zopfli' ? ZOPFLI_ITERATIONS : GZIP_LEVEL}` +
    `\0brotli:${BROTLI_QUALITY}:${method.brotliMode}\0`;
  return createHash('sha256').update(settings).update(data).digest('hex');
}

/** FILE.gz and FILE.br contents for `data`; runs in a worker. */
async function compress(data, method, gzipAsync) {
  const gz =
    method.gzip === 'zopfli'
      ? Buffer.from(await gzipAsync(data, { numiterations: ZOPFLI_ITERATIONS }))
      : zlib.gzipSync(data, { level: GZIP_LEVEL });
  const br = zlib.brotliCompressSync(data, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      [zlib.constants.BROTLI_PARAM_MODE]:
        method.brotliMode === 'generic' ? zlib.constants.BROTLI_MODE_GENERIC : zlib.constants.BROTLI_MODE_TEXT,
    },
  });
  return { gz, br };
}

/** Every file under `dir` whose extension is in TEXT. */
async function* textFiles(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* textFiles(full);
    else if (TEXT.has(path.extname(entry.name))) yield full;
  }
}

/** Writes `data` to `file` through a temporary name, so no reader sees half a file. */
async function writeAtomically(file, data) {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

/** Copies `from` to `to`, as a copy-on-write clone where the file system can. */
function copy(from, to) {
  return copyFile(from, to, fsConstants.COPYFILE_FICLONE);
}

/** A pool of worker threads running `compress`, one job each at a time. */
class Pool {
  constructor(size) {
    this.idle = [];
    this.queue = [];
    this.workers = [];
    for (let i = 0; i < size; i += 1) {
      const worker = new Worker(fileURLToPath(import.meta.url));
      worker.on('message', ({ gz, br, error }) => {
        const { resolve, reject } = worker.job;
        worker.job = null;
        if (error) reject(new Error(error));
        else resolve({ gz: Buffer.from(gz), br: Buffer.from(br) });
        this.next(worker);
      });
      worker.on('error', (err) => {
        if (worker.job) worker.job.reject(err);
        else throw err;
      });
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  /** Compresses `data` by `method` on the next free worker. */
  run(data, method) {
    return new Promise((resolve, reject) => {
      this.queue.push({ data, method, resolve, reject });
      if (this.idle.length > 0) this.next(this.idle.pop());
    });
  }

  next(worker) {
    const job = this.queue.shift();
    if (!job) {
      this.idle.push(worker);
      return;
    }
    worker.job = job;
    // A copy the worker owns (a pooled Buffer's memory cannot be transferred).
    const bytes = new Uint8Array(job.data);
    worker.postMessage({ data: bytes, method: job.method }, [bytes.buffer]);
  }

  close() {
    return Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Deletes cache entries not used for CACHE_DAYS; returns how many. */
async function pruneCache(cacheDir) {
  const cutoff = Date.now() - CACHE_DAYS * 24 * 3600 * 1000;
  let removed = 0;
  for (const shard of await readdir(cacheDir, { withFileTypes: true })) {
    if (!shard.isDirectory()) continue;
    const shardDir = path.join(cacheDir, shard.name);
    for (const name of await readdir(shardDir)) {
      const file = path.join(shardDir, name);
      const info = await stat(file).catch(() => null);
      if (info && info.mtimeMs < cutoff) {
        await rm(file, { force: true });
        removed += 1;
      }
    }
  }
  return removed;
}

/** Reads `node compress.mjs DIR [--cache CACHE_DIR]`. */
export function parseArgs(argv) {
  let dir = null;
  let cache = null;
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--cache') {
      cache = argv[i + 1];
      if (!cache) throw new Error('--cache needs a folder');
      i += 1;
    } else if (argv[i].startsWith('-')) {
      throw new Error(`unknown option ${argv[i]}`);
    } else if (dir === null) {
      dir = argv[i];
    } else {
      throw new Error(`unexpected argument ${argv[i]}`);
    }
  }
  if (dir === null) throw new Error('no folder given');
  return { dir, cache };
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`compress.mjs: ${err.message}\nusage: node compress.mjs DIR [--cache CACHE_DIR]`);
    process.exit(2);
  }
  const { dir, cache } = args;
  // Fail now, with the hint, rather than in a worker.
  loadZopfli();
  const started = Date.now();
  const files = [];
  for await (const file of textFiles(dir)) files.push(file);
  const pool = new Pool(Math.max(1, os.availableParallelism?.() ?? os.cpus().length));
  if (cache) await mkdir(cache, { recursive: true });

  let done = 0;
  let cached = 0;
  let raw = 0;
  let br = 0;
  let lastReport = Date.now();
  const report = () => {
    lastReport = Date.now();
    console.log(`compress: ${done}/${files.length} files, ${cached} cached`);
  };

  const one = async (file) => {
    const data = await readFile(file);
    const method = methodFor(path.extname(file));
    const key = cache ? cacheKey(data, method) : null;
    const entry = key ? path.join(cache, key.slice(0, 2), key) : null;
    let brSize = null;
    if (entry) {
      const now = new Date();
      try {
        await copy(`${entry}.gz`, `${file}.gz`);
        await copy(`${entry}.br`, `${file}.br`);
        brSize = (await stat(`${entry}.br`)).size;
        // A hit keeps the entry from being pruned.
        await utimes(`${entry}.gz`, now, now);
        await utimes(`${entry}.br`, now, now);
        cached += 1;
      } catch (err) {
        if (err.code !== 'ENOENT') throw err;
        brSize = null;
      }
    }
    if (brSize === null) {
      const out = await pool.run(data, method);
      await writeFile(`${file}.gz`, out.gz);
      await writeFile(`${file}.br`, out.br);
      if (entry) {
        await mkdir(path.dirname(entry), { recursive: true });
        await writeAtomically(`${entry}.gz`, out.gz);
        await writeAtomically(`${entry}.br`, out.br);
      }
      brSize = out.br.length;
    }
    done += 1;
    raw += data.length;
    br += brSize;
    if (done % PROGRESS_FILES === 0 || Date.now() - lastReport >= PROGRESS_MS) report();
  };

  // The largest first: the wasm's Zopfli pass takes longest, so it starts at once and the small
  // files fill the other workers meanwhile.
  const sizes = new Map(await Promise.all(files.map(async (f) => [f, (await stat(f)).size])));
  files.sort((a, b) => sizes.get(b) - sizes.get(a));
  let nextIndex = 0;
  const runner = async () => {
    while (nextIndex < files.length) {
      const file = files[nextIndex];
      nextIndex += 1;
      await one(file);
    }
  };
  try {
    await Promise.all(Array.from({ length: IO_CONCURRENCY }, runner));
  } finally {
    await pool.close();
  }
  const pruned = cache ? await pruneCache(cache) : 0;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `compressed ${files.length} files in ${seconds} s: ${cached} from the cache, ` +
      `${files.length - cached} compressed now; ${(raw / 1000).toFixed(1)} KB raw, ` +
      `${(br / 1000).toFixed(1)} KB brotli` +
      (pruned > 0 ? `; ${pruned} cache entries unused for ${CACHE_DAYS} days deleted` : ''),
  );
}

if (isMainThread) {
  // Only when run as a script, so a test can import the helpers.
  if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    await main();
  }
} else {
  const gzipAsync = loadZopfli();
  parentPort.on('message', async ({ data, method }) => {
    try {
      const { gz, br } = await compress(Buffer.from(data.buffer, data.byteOffset, data.byteLength), method, gzipAsync);
      parentPort.postMessage({ gz, br });
    } catch (err) {
      parentPort.postMessage({ error: String(err?.stack ?? err) });
    }
  });
}
