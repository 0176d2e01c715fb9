import type { FastifyRequest } from 'fastify';
import type { ClientInfo } from '../auth/identity-deps.ts';
import { createClientAddressResolver } from './client-address.ts';

/** The client's address for limits and security events, believing X-Forwarded-For only from TRUSTED_PROXIES. */
export function createClientInfoReader(
  trustedProxies: readonly string[],
): (request: FastifyRequest) => ClientInfo {
  const resolve = createClientAddressResolver(trustedProxies);
  return (request) => ({
    address: resolve(request.socket.remoteAddress, request.headers['x-forwarded-for']),
  });
}
