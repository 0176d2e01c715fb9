import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Headers on every response. The default Content-Security-Policy allows no inline script, no plugins
 * (`object-src 'none'`, which ASVS 3.4.3 asks for explicitly) and no framing; a route that set its
 * own policy keeps it (the public complaint form decides its own frame-ancestors, a dossier download
 * is sandboxed). Strict-Transport-Security goes out when the request counts as secure
 * (COOKIE_SECURE) for a year, including subdomains of the application's own host name (ASVS 3.4.1).
 */
export const DEFAULT_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; " +
  "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

export function installSecurityHeaders(
  app: FastifyInstance,
  options: { isSecure(request: FastifyRequest): boolean },
): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (!reply.hasHeader('content-security-policy')) {
      reply.header('content-security-policy', DEFAULT_CONTENT_SECURITY_POLICY);
    }
    reply.header('x-content-type-options', 'nosniff');
    if (!reply.hasHeader('referrer-policy')) reply.header('referrer-policy', 'same-origin');
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    if (options.isSecure(request)) reply.header('strict-transport-security', STRICT_TRANSPORT_SECURITY);
    return payload;
  });
}
