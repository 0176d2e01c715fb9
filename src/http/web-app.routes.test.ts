import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasWebAppBuild, registerWebAppRoutes } from './web-app.routes.ts';

let root: string;
let app: FastifyInstance;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'klachtwijzer-web-'));
  fs.mkdirSync(path.join(root, 'assets'));
  fs.writeFileSync(
    path.join(root, 'index.html'),
    '<!doctype html><script src="/app/assets/app-1a2b.js"></script>',
  );
  fs.writeFileSync(path.join(root, 'assets', 'app-1a2b.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  app = Fastify();
  await registerWebAppRoutes(app, root);
  await app.ready();
});

afterAll(async () => {
  await app.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('the staff app routes', () => {
  it('knows whether a build exists', () => {
    expect(hasWebAppBuild(root)).toBe(true);
    expect(hasWebAppBuild(path.join(root, 'assets'))).toBe(false);
  });

  it('sends / and /app on to /app/', async () => {
    const home = await app.inject({ url: '/' });
    expect(home.statusCode).toBe(302);
    expect(home.headers.location).toBe('/app/');
    expect((await app.inject({ url: '/app' })).headers.location).toBe('/app/');
  });

  it('answers every app path with index.html, never cached, under a strict CSP', async () => {
    for (const url of ['/app/', '/app/complaints/0190', '/app/settings/kifid?x=1']) {
      const page = await app.inject({ url });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(page.body).toContain('/app/assets/app-1a2b.js');
    }
  });

  it('serves hashed assets for a year, and a missing one as a plain 404', async () => {
    const asset = await app.inject({ url: '/app/assets/app-1a2b.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const missing = await app.inject({ url: '/app/assets/app-ffff.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['cache-control'] ?? '').not.toContain('immutable');
    expect((await app.inject({ url: '/app/assets/../../etc/passwd' })).statusCode).not.toBe(200);
  });

  it('serves the other top-level files of the build', async () => {
    const icon = await app.inject({ url: '/app/favicon.svg' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['content-type']).toContain('image/svg+xml');
  });
});
