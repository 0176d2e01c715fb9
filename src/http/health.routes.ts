import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';

export interface ReadinessCheck {
  name: string;
  ok: boolean;
  detail?: string;
  /**
   * False for parts the process can serve without (mail to and from outside): their failure makes
   * the answer "degraded", visible to operators, without taking the process out of a load balancer.
   */
  critical?: boolean;
}

export type ReadinessProbe = () => Promise<ReadinessCheck[]>;

const CheckSchema = Type.Object({
  name: Type.String(),
  ok: Type.Boolean(),
  detail: Type.Optional(Type.String()),
  critical: Type.Optional(Type.Boolean()),
});
const ReadySchema = Type.Object({ status: Type.String(), checks: Type.Array(CheckSchema) });

export function registerHealthRoutes(app: FastifyInstance, probe: ReadinessProbe): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get(
    '/health',
    {
      config: { public: true },
      schema: {
        tags: ['operations'],
        summary: 'The process is alive',
        response: { 200: Type.Object({ status: Type.String() }) },
      },
    },
    async () => ({ status: 'ok' }),
  );
  api.get(
    '/ready',
    {
      config: { public: true },
      schema: {
        tags: ['operations'],
        summary: 'The process can serve: database reachable, migrations current, background parts running',
        response: { 200: ReadySchema, 503: ReadySchema },
      },
    },
    async (_request, reply) => {
      const checks = await probe();
      const ready = checks.every((c) => c.ok || c.critical === false);
      const degraded = checks.some((c) => !c.ok);
      return reply
        .status(ready ? 200 : 503)
        .send({ status: ready ? (degraded ? 'degraded' : 'ready') : 'not_ready', checks });
    },
  );
}
