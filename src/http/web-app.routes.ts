import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Where `npm run build:web` puts the staff app (Vite's output of web/). */
export const WEB_APP_DIR = path.resolve(import.meta.dirname, '../../web/dist');

/** Only our own files: scripts, styles, fetches; no framing, no plugins, no inline anything. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Vite names every file under assets/ after its content, so a cached copy is never stale. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** index.html is never cached: it names the current hashed assets. */
function sendIndex(reply: FastifyReply): FastifyReply {
  return reply
    .header('cache-control', 'no-store')
    .header('content-security-policy', CONTENT_SECURITY_POLICY)
    .header('referrer-policy', 'same-origin')
    .sendFile('index.html', { cacheControl: false });
}

export function hasWebAppBuild(root: string = WEB_APP_DIR): boolean {
  return fs.existsSync(path.join(root, 'index.html'));
}

/**
 * Serves the staff app at /app/: hashed assets with a long cache, every other path under /app/
 * answered with index.html (the app routes in the browser), and / sent on to /app/. The files are
 * public; the API behind them checks every request.
 */
export async function registerWebAppRoutes(app: FastifyInstance, root: string = WEB_APP_DIR): Promise<void> {
  // Files next to index.html (favicon); read once, the build does not add any while we run.
  const topLevel = new Set(
    fs
      .readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name !== 'index.html')
      .map((entry) => entry.name),
  );
  const assets = path.join(root, 'assets') + path.sep;
  await app.register(fastifyStatic, {
    root,
    serve: false,
    // Only on a file actually sent: a 404 for a missing asset must not be cached for a year.
    setHeaders: (reply, filePath) => {
      if (filePath.startsWith(assets)) reply.header('cache-control', IMMUTABLE);
    },
  });

  const publicRoute = { config: { public: true }, schema: { hide: true } } as const;
  app.get('/', publicRoute, (_request, reply) => reply.redirect('/app/', 302));
  app.get('/app', publicRoute, (_request, reply) => reply.redirect('/app/', 301));
  // Invitation and reset links name these paths; the secret after # stays in the browser.
  app.get('/uitnodiging', publicRoute, (_request, reply) => reply.redirect('/app/uitnodiging', 302));
  app.get('/wachtwoord-herstellen', publicRoute, (_request, reply) =>
    reply.redirect('/app/wachtwoord-herstellen', 302),
  );
  app.get<{ Params: { '*': string } }>('/app/*', publicRoute, (request, reply) => {
    const rest = request.params['*'];
    if (rest.startsWith('assets/')) {
      // A missing asset is a 404, never index.html: a script tag must not receive HTML.
      return reply.sendFile(rest, { cacheControl: false });
    }
    if (topLevel.has(rest)) return reply.header('cache-control', 'public, max-age=3600').sendFile(rest);
    return sendIndex(reply);
  });
}
