import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * One line per request with what operators need and nothing personal: method, route template (not
 * the path, which can hold search terms), status and duration. No addresses, headers or bodies.
 */
export class PrivacyLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const line = {
      method: request.method,
      route: request.routeOptions.url ?? 'unknown',
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    };
    if (error) request.log.error({ ...line, err: error }, 'request');
    else request.log.info(line, 'request');
  }
}
