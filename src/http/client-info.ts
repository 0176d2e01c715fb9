import type { FastifyRequest } from 'fastify';
import type { ClientInfo } from '../auth/identity-deps.ts';
import { createClientAddressResolver } from './client-address.ts';

/** The client's address for limits and security events (and its User-Agent for the session list), believing X-Forwarded-For only from TRUSTED_PROXIES. */
export function createClientInfoReader(
  trustedProxies: readonly string[],
): (request: FastifyRequest) => ClientInfo {
  const resolve = createClientAddressResolver(trustedProxies);
  return (request) => ({
    address: resolve(request.socket.remoteAddress, request.headers['x-forwarded-for']),
    userAgent: request.headers['user-agent'],
  });
}
