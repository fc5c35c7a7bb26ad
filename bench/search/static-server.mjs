// A static file server for the search benchmark that answers the way GitHub Pages does: the site lives under a
// base path (/cs-hub/), text types are sent gzip-compressed (here at level 9, the most a host could do), files
// that are already compressed (Pagefind's *.pf_* chunks and its wasm) are sent as they are, and every response
// may be cached for 600 s. It logs each response (path, bytes on the wire, decoded bytes), so what a query
// downloads is counted on the server, whatever the files are called and whoever fetched them (page or worker).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.xml', '.txt', '.svg', '.wasm']);

/**
 * Starts a server on 127.0.0.1 (a free port). mounts: [{ prefix: '/cs-hub/pagefind/', dir }, { prefix: '/cs-hub/', dir }],
 * the longest prefix first. Returns { origin, log: [], reset(), close() }.
 */
export async function startServer(mounts) {
  const gzipCache = new Map();
  const log = [];
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    const mount = mounts.find(m => path.startsWith(m.prefix));
    let file = mount ? join(mount.dir, normalize(path.slice(mount.prefix.length))) : null;
    if (!file || (mount && !file.startsWith(normalize(mount.dir) + sep) && file !== normalize(mount.dir))) {
      return notFound(response, path, log);
    }
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        if (!path.endsWith('/')) {
          response.writeHead(301, { location: path + '/' + url.search });
          return response.end();
        }
        file = join(file, 'index.html');
        info = await stat(file);
      }
      const ext = extname(file);
      const raw = await readFile(file);
      const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(request.headers['accept-encoding'] || '');
      let body = raw;
      if (gzip) {
        const key = file + ':' + info.mtimeMs + ':' + info.size;
        body = gzipCache.get(key);
        if (!body) {
          body = gzipSync(raw, { level: 9 });
          gzipCache.set(key, body);
        }
      }
      const headers = {
        'content-type': TYPES[ext] || 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'max-age=600',
      };
      if (gzip) {
        headers['content-encoding'] = 'gzip';
        headers.vary = 'Accept-Encoding';
      }
      response.writeHead(200, headers);
      response.end(request.method === 'HEAD' ? undefined : body);
      log.push({ path, status: 200, wire: body.length, raw: raw.length, at: performance.now() });
    } catch {
      notFound(response, path, log);
    }
  });
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    log,
    reset() {
      log.length = 0;
    },
    close() {
      server.closeAllConnections();
      return new Promise(resolve => server.close(resolve));
    },
  };
}

function notFound(response, path, log) {
  response.writeHead(404, { 'content-type': 'text/plain' });
  response.end('not found');
  log.push({ path, status: 404, wire: 0, raw: 0, at: performance.now() });
}
