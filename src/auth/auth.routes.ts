import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { problemResponses } from '../http/common-schemas.ts';
import { jsonify } from '../http/json.ts';
import {
  AcceptedSchema,
  ChangePasswordBody,
  CodeBody,
  ConfirmedEnrolmentSchema,
  EnrolBody,
  EnrolmentSchema,
  LoginBody,
  LoginStepSchema,
  PasswordSetSchema,
  ResetRequestBody,
  SessionInfoSchema,
  SetPasswordBody,
} from './auth.schemas.ts';
import type { ClientInfo, IdentityDeps } from './identity-deps.ts';
import { acceptInvitation } from './invitation.service.ts';
import { completeSecondFactor, login, logout } from './login.service.ts';
import { changePassword, completePasswordReset, requestPasswordReset } from './password.service.ts';
import type { SessionCookies } from './session-cookie.ts';
import { describeSession } from './session-info.service.ts';
import { requireSession, type StartedSession } from './session.service.ts';
import { beginTotpEnrolment, confirmTotpEnrolment } from './totp-enrolment.service.ts';

export interface AuthRouteDeps {
  identity: IdentityDeps;
  cookies: SessionCookies;
  clientInfo: (request: FastifyRequest) => ClientInfo;
}

const RESET_ACCEPTED =
  'Als dit e-mailadres bij ons bekend is, ontvangt u binnen enkele minuten een e-mail met een link ' +
  'om een nieuw wachtwoord in te stellen. De link is een uur geldig.';

/** Sign-in, its steps, and the password and second-factor changes of the signed-in person. */
export function registerAuthRoutes(app: FastifyInstance, deps: AuthRouteDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { identity, cookies } = deps;
  const pending = { allowPendingSession: true } as const;

  const answer = (request: FastifyRequest, reply: FastifyReply, session: StartedSession) => {
    cookies.write(request, reply, session.token);
    return { step: session.stage, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
  };

  api.post(
    '/api/v1/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with organisation, e-mail address and password',
        description:
          'Always answers with a new session cookie; any session cookie sent along is ended. The step ' +
          'says what comes next. Unknown address, wrong password and a locked account all give the ' +
          'same 401 login_failed.',
        security: [],
        body: LoginBody,
        response: { 200: LoginStepSchema, ...problemResponses(429) },
      },
    },
    async (request, reply) =>
      answer(
        request,
        reply,
        await login(identity, {
          ...request.body,
          previousSessionToken: cookies.read(request),
          client: deps.clientInfo(request),
        }),
      ),
  );

  api.post(
    '/api/v1/auth/totp',
    {
      config: pending,
      schema: {
        tags: ['auth'],
        summary: 'Second sign-in step: a code from the authenticator app or a recovery code',
        body: CodeBody,
        response: { 200: LoginStepSchema, ...problemResponses(409, 429) },
      },
    },
    async (request, reply) =>
      answer(
        request,
        reply,
        await completeSecondFactor(identity, requireSession(request.staffSession), {
          code: request.body.code,
          client: deps.clientInfo(request),
        }),
      ),
  );

  api.post(
    '/api/v1/auth/totp/enrol',
    {
      config: pending,
      schema: {
        tags: ['auth'],
        summary: 'Start setting up an authenticator app (seed and otpauth URI, shown once)',
        body: EnrolBody,
        response: { 200: EnrolmentSchema, ...problemResponses(409, 429) },
      },
    },
    async (request) =>
      beginTotpEnrolment(identity, requireSession(request.staffSession), {
        password: request.body.password,
        client: deps.clientInfo(request),
      }),
  );

  api.post(
    '/api/v1/auth/totp/enrol/confirm',
    {
      config: pending,
      schema: {
        tags: ['auth'],
        summary: 'Confirm the authenticator app with a code; returns one-time recovery codes',
        body: CodeBody,
        response: { 200: ConfirmedEnrolmentSchema, ...problemResponses(409) },
      },
    },
    async (request, reply) => {
      const confirmed = await confirmTotpEnrolment(identity, requireSession(request.staffSession), {
        code: request.body.code,
        client: deps.clientInfo(request),
      });
      return { ...answer(request, reply, confirmed.session), recoveryCodes: confirmed.recoveryCodes };
    },
  );

  api.post(
    '/api/v1/auth/logout',
    {
      config: pending,
      schema: {
        tags: ['auth'],
        summary: 'Sign out: ends every session of this account, on every device',
        response: { 204: Type.Null(), ...problemResponses() },
      },
    },
    async (request, reply) => {
      await logout(identity, requireSession(request.staffSession), deps.clientInfo(request));
      cookies.clear(request, reply);
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/api/v1/auth/session',
    {
      config: pending,
      schema: {
        tags: ['auth'],
        summary: 'Who am I: user, roles, sign-in step and the CSRF token',
        response: { 200: SessionInfoSchema, ...problemResponses() },
      },
    },
    async (request) => jsonify(await describeSession(identity.db, request.staffSession, request.access)),
  );

  api.post(
    '/api/v1/auth/password',
    {
      config: pending,
      schema: {
        tags: ['auth'],
        summary: 'Change my password (current and new); ends every other session',
        body: ChangePasswordBody,
        response: { 200: LoginStepSchema, ...problemResponses(409, 429) },
      },
    },
    async (request, reply) =>
      answer(
        request,
        reply,
        await changePassword(identity, requireSession(request.staffSession), {
          ...request.body,
          client: deps.clientInfo(request),
        }),
      ),
  );

  api.post(
    '/api/v1/auth/password-reset',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Forgot password: always 202, whether the address is known or not',
        security: [],
        body: ResetRequestBody,
        response: { 202: AcceptedSchema, ...problemResponses(429) },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(identity, { ...request.body, client: deps.clientInfo(request) });
      return reply.status(202).send({ message: RESET_ACCEPTED });
    },
  );

  api.post(
    '/api/v1/auth/password-reset/complete',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with a reset link (single use, one hour)',
        security: [],
        body: SetPasswordBody,
        response: { 200: PasswordSetSchema, ...problemResponses(429) },
      },
    },
    async (request) => {
      const done = await completePasswordReset(identity, {
        token: request.body.token,
        password: request.body.password,
        client: deps.clientInfo(request),
      });
      return { organisation: done.organisationSlug, email: done.email };
    },
  );

  api.post(
    '/api/v1/auth/invitation/accept',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Choose a password with an invitation link (single use, seven days)',
        security: [],
        body: SetPasswordBody,
        response: { 200: PasswordSetSchema, ...problemResponses(429) },
      },
    },
    async (request) => {
      const done = await acceptInvitation(identity, {
        token: request.body.token,
        password: request.body.password,
        client: deps.clientInfo(request),
      });
      return { organisation: done.organisationSlug, email: done.email };
    },
  );
}
