// A small static server for a built site (dist/), used by the browser tests.
//
// It behaves like `trunk serve` for a single-page app: files are served as they are,
// `<dir>/` serves `<dir>/index.html` when there is one, and any other path without a file
// extension falls back to the root index.html with 200, so client-side routes such as
// /ru/iaca-2025-dubai/ load the app. Paths with an extension that match no file are 404.
// Like deploy/nginx.conf, `<dir>/` serves the page's Latin twin `<dir>/index.latn.html`
// instead when the query asks for Latin (LATIN_QUERY) and there is one.
//
// Run it by hand to look at a build: `node server.mjs [DIST_DIR] [PORT]`.

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Content types by extension; anything else is served as application/octet-stream. */
export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** The content type for a file name. */
export function contentType(file) {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Whether a query (raw, without its `?`) asks for the Latin twin of a page: the pattern
 * deploy/nginx.conf's `map $args $courtview_latin` matches, character for character
 * (server.test.mjs compares them). `script=latn` in any case of the value, and no `script=cyrl`
 * after it: the last valid `script=` counts, as in the app.
 */
export const LATIN_QUERY = /(?:^|&)script=[Ll][Aa][Tt][Nn](?=&|$)(?!.*&script=[Cc][Yy][Rr][Ll](?:&|$))/;

/** The Latin twin of a folder's index.html (src/site.rs, LATIN_INFIX). */
export const LATIN_INDEX = 'index.latn.html';

/** `stat` that answers null for a missing path instead of throwing. */
async function statOrNull(file) {
  try {
    return await stat(file);
  } catch {
    return null;
  }
}

/**
 * Which file answers `urlPath` in `root`, as { file, status }, or null for 404.
 * `urlPath` is the decoded path part of the request URL; `query` its raw query, without the
 * `?`, which chooses a folder's Latin twin as nginx does.
 */
export async function resolveRequest(root, urlPath, query = '') {
  // Resolve against the root and refuse anything that climbs out of it.
  const target = path.resolve(root, `.${path.posix.normalize(`/${urlPath}`)}`);
  if (target !== root && !target.startsWith(root + path.sep)) return null;

  const info = await statOrNull(target);
  if (info?.isFile()) return { file: target, status: 200 };
  if (info?.isDirectory()) {
    const twin = path.join(target, LATIN_INDEX);
    if (LATIN_QUERY.test(query) && (await statOrNull(twin))?.isFile()) return { file: twin, status: 200 };
    const index = path.join(target, 'index.html');
    if ((await statOrNull(index))?.isFile()) return { file: index, status: 200 };
  }
  // SPA fallback: a route, not a missing asset.
  if (path.posix.extname(urlPath) === '') {
    const index = path.join(root, 'index.html');
    if ((await statOrNull(index))?.isFile()) return { file: index, status: 200 };
  }
  return null;
}

/** The raw query of a request's URL, without its `?` (nginx's `$args`). */
export function rawQuery(url) {
  const at = url.indexOf('?');
  return at < 0 ? '' : url.slice(at + 1).split('#')[0];
}

/**
 * Serves `distDir` on 127.0.0.1 (an ephemeral port unless `port` is given), adding
 * `headers` to every file response. Resolves to { url, port, close() } once listening;
 * `url` ends without a slash.
 */
export async function startServer(distDir, { port = 0, headers = {} } = {}) {
  const root = path.resolve(distDir);
  if (!(await statOrNull(path.join(root, 'index.html')))?.isFile()) {
    throw new Error(`${root} has no index.html: build the site first (cargo xtask dist)`);
  }

  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      const rawPath = new URL(req.url, 'http://localhost').pathname;
      let urlPath;
      try {
        urlPath = decodeURIComponent(rawPath);
      } catch {
        // Escapes that are not UTF-8 (`%C3%28`) name no file, but may be a route: the app
        // answers them with its not-found page, as it does behind nginx.
        urlPath = rawPath;
      }
      const found = await resolveRequest(root, urlPath, rawQuery(req.url));
      if (!found) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
        return;
      }
      const { size } = await stat(found.file);
      res.writeHead(found.status, {
        ...headers,
        'Content-Type': contentType(found.file),
        'Content-Length': size,
        // Tests reload pages and expect fresh files from the current build.
        'Cache-Control': 'no-cache',
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      createReadStream(found.file).on('error', () => res.destroy()).pipe(res);
    } catch (err) {
      res.writeHead(500).end(`${err}\n`);
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actual = server.address().port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    close: () =>
      new Promise((resolve) => {
        // Keep-alive connections from the browser would otherwise hold close() open.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// `node server.mjs [DIST_DIR] [PORT]`: serve a build for a person to look at.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dist = process.argv[2] ?? process.env.COURTVIEW_DIST ?? path.join(here, '../../dist');
  const server = await startServer(dist, { port: Number(process.argv[3] ?? 0) });
  console.log(`serving ${path.resolve(dist)} at ${server.url}/`);
}
