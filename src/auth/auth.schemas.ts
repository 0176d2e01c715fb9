import { Type } from 'typebox';
import { DateTime, Uuid } from '../http/common-schemas.ts';
import { MAX_PASSWORD_LENGTH } from './password-policy.ts';

/** Request and response shapes of sign-in and account security, shared with the web client. */
const Password = Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH });
const NewPassword = Type.String({
  minLength: 1,
  maxLength: MAX_PASSWORD_LENGTH,
  description: 'At least 12 characters; no composition rules; common passwords are refused.',
});
const Slug = Type.String({ minLength: 1, maxLength: 63, description: 'Short name of the organisation' });
const Email = Type.String({ minLength: 1, maxLength: 254 });
const LinkToken = Type.String({ minLength: 1, maxLength: 200 });

export const LoginBody = Type.Object(
  { organisation: Slug, email: Email, password: Password },
  { additionalProperties: false },
);

export const SessionStep = Type.Union(
  [Type.Literal('active'), Type.Literal('totp'), Type.Literal('change_password'), Type.Literal('enrol_totp')],
  {
    description:
      'active: signed in. totp: send a code to /auth/totp. change_password: send a new password to ' +
      '/auth/password. enrol_totp: set up an authenticator app via /auth/totp/enrol.',
  },
);

export const LoginStepSchema = Type.Object({
  step: SessionStep,
  csrfToken: Type.String({ description: 'Send as X-CSRF-Token with every request that changes something' }),
  expiresAt: DateTime,
});

export const CodeBody = Type.Object(
  {
    code: Type.String({
      minLength: 6,
      maxLength: 64,
      description: 'Six digits from the authenticator app, or a recovery code',
    }),
  },
  { additionalProperties: false },
);

export const EnrolBody = Type.Object(
  {
    password: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: MAX_PASSWORD_LENGTH,
        description: 'Current password; required when replacing the factor from an active session',
      }),
    ),
  },
  { additionalProperties: false },
);

export const EnrolmentSchema = Type.Object({
  secret: Type.String({ description: 'Base32 seed, shown once' }),
  otpauthUri: Type.String({ description: 'otpauth:// URI for a QR code, shown once' }),
});

export const ConfirmedEnrolmentSchema = Type.Object({
  step: SessionStep,
  csrfToken: Type.String(),
  expiresAt: DateTime,
  recoveryCodes: Type.Array(Type.String(), { description: 'One-time recovery codes, shown once' }),
});

export const ChangePasswordBody = Type.Object(
  { currentPassword: Password, newPassword: NewPassword },
  { additionalProperties: false },
);

export const ResetRequestBody = Type.Object(
  { organisation: Slug, email: Email },
  { additionalProperties: false },
);

export const AcceptedSchema = Type.Object({ message: Type.String() });

export const SetPasswordBody = Type.Object(
  { token: LinkToken, password: NewPassword },
  { additionalProperties: false },
);

export const PasswordSetSchema = Type.Object({
  organisation: Type.String({ description: 'Short name, for the sign-in form' }),
  email: Type.String(),
});

export const SessionInfoSchema = Type.Object({
  step: SessionStep,
  via: Type.Union([Type.Literal('session'), Type.Literal('api_token')]),
  user: Type.Object({
    id: Uuid,
    email: Type.String(),
    displayName: Type.String(),
    roles: Type.Array(Type.String()),
    secondFactor: Type.Boolean(),
  }),
  organisation: Type.Object({ id: Uuid, slug: Type.String(), name: Type.String() }),
  csrfToken: Type.Union([Type.String(), Type.Null()]),
  expiresAt: Type.Union([DateTime, Type.Null()]),
  idleExpiresAt: Type.Union([DateTime, Type.Null()]),
});

export const InvitationSchema = Type.Object({
  link: Type.String({ description: 'Path on this application; the secret is in the fragment. Shown once.' }),
  token: Type.String(),
  expiresAt: DateTime,
});

const SecurityEventSchema = Type.Object({
  type: Type.String(),
  at: DateTime,
  actorId: Type.Union([Uuid, Type.Null()]),
  clientAddress: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
});

export const AccountSecuritySchema = Type.Object({
  userId: Uuid,
  disabled: Type.Boolean(),
  passwordSet: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  secondFactor: Type.Boolean(),
  unusedRecoveryCodes: Type.Integer(),
  locked: Type.Boolean(),
  lockedUntil: Type.Union([DateTime, Type.Null()]),
  failedAttempts: Type.Integer(),
  lastLoginAt: Type.Union([DateTime, Type.Null()]),
  passwordChangedAt: Type.Union([DateTime, Type.Null()]),
  activeSessions: Type.Integer(),
  lockouts: Type.Array(SecurityEventSchema),
  lastLogins: Type.Array(SecurityEventSchema),
  recentEvents: Type.Array(SecurityEventSchema),
});
