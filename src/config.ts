import path from 'node:path';

/**
 * Every setting of the product, read from the environment once at start. The same table feeds
 * `klachtwijzer settings` and the README, so a setting cannot exist without being documented.
 */
export interface Config {
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  seedDemoOnFirstStart: boolean;
  jobsEnabled: boolean;
  maxAttachmentBytes: number;
  maxJsonBodyBytes: number;
  publicBaseUrl: string;
  maxMailBytes: number;
  trustedProxies: string[];
  secretKey: string | undefined;
  formMinFillSeconds: number;
  formSecret: string | undefined;
  cookieSecure: CookieSecure;
  portalTokenDaysAfterClose: number;
}

/** `auto`: Secure cookies (and HSTS) unless the request is addressed to localhost itself. */
export type CookieSecure = 'auto' | 'always' | 'never';

interface SettingDefinition<K extends keyof Config> {
  env: string;
  key: K;
  defaultText: string;
  description: string;
  parse: (raw: string | undefined) => Config[K];
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function integerIn(env: string, min: number, max: number, fallback: number) {
  return (raw: string | undefined): number => {
    if (raw === undefined || raw.trim() === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new ConfigError(`${env} must be a whole number from ${min} to ${max}, got "${raw}"`);
    }
    return value;
  };
}

function booleanSetting(env: string, fallback: boolean) {
  return (raw: string | undefined): boolean => {
    if (raw === undefined || raw.trim() === '') return fallback;
    const normalised = raw.trim().toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(normalised)) return true;
    if (['0', 'false', 'no', 'off'].includes(normalised)) return false;
    throw new ConfigError(`${env} must be true or false, got "${raw}"`);
  };
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const SETTINGS = [
  {
    env: 'HOST',
    key: 'host',
    defaultText: '127.0.0.1',
    description: 'Address the HTTP server listens on. Use 0.0.0.0 behind a load balancer or in a container.',
    parse: (raw) => (raw?.trim() ? raw.trim() : '127.0.0.1'),
  } satisfies SettingDefinition<'host'>,
  {
    env: 'PORT',
    key: 'port',
    defaultText: '3000',
    description: 'TCP port of the HTTP server (0 picks a free port).',
    parse: integerIn('PORT', 0, 65535, 3000),
  } satisfies SettingDefinition<'port'>,
  {
    env: 'DATABASE_URL',
    key: 'databaseUrl',
    defaultText: '(unset: embedded PGlite in DATA_DIR)',
    description:
      'PostgreSQL connection string, e.g. postgres://user@host:5432/klachtwijzer. Unset means the embedded database.',
    parse: (raw) => (raw?.trim() ? raw.trim() : undefined),
  } satisfies SettingDefinition<'databaseUrl'>,
  {
    env: 'DATA_DIR',
    key: 'dataDir',
    defaultText: './data',
    description: 'Folder of the embedded database (and its lock file). Created on first start.',
    parse: (raw) => path.resolve(raw?.trim() ? raw.trim() : './data'),
  } satisfies SettingDefinition<'dataDir'>,
  {
    env: 'LOG_LEVEL',
    key: 'logLevel',
    defaultText: 'info',
    description: `Log level: ${LOG_LEVELS.join(', ')}. Logs never contain personal data.`,
    parse: (raw) => {
      const value = raw?.trim() ? raw.trim() : 'info';
      const level = LOG_LEVELS.find((candidate) => candidate === value);
      if (!level) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${value}"`);
      return level;
    },
  } satisfies SettingDefinition<'logLevel'>,
  {
    env: 'SEED_DEMO_ON_FIRST_START',
    key: 'seedDemoOnFirstStart',
    defaultText: 'true',
    description:
      'On a database without organisations: create the demo organisation and print its first administrator.',
    parse: booleanSetting('SEED_DEMO_ON_FIRST_START', true),
  } satisfies SettingDefinition<'seedDemoOnFirstStart'>,
  {
    env: 'JOBS_ENABLED',
    key: 'jobsEnabled',
    defaultText: 'true',
    description: 'Run background jobs (pg-boss) in this process. Turn off for API-only processes.',
    parse: booleanSetting('JOBS_ENABLED', true),
  } satisfies SettingDefinition<'jobsEnabled'>,
  {
    env: 'MAX_ATTACHMENT_BYTES',
    key: 'maxAttachmentBytes',
    defaultText: '26214400 (25 MiB)',
    description: 'Largest attachment accepted in a dossier.',
    parse: integerIn('MAX_ATTACHMENT_BYTES', 1024, 1024 * 1024 * 1024, 25 * 1024 * 1024),
  } satisfies SettingDefinition<'maxAttachmentBytes'>,
  {
    env: 'MAX_JSON_BODY_BYTES',
    key: 'maxJsonBodyBytes',
    defaultText: '1048576 (1 MiB)',
    description: 'Largest JSON request body; larger bodies get 413.',
    parse: integerIn('MAX_JSON_BODY_BYTES', 1024, 64 * 1024 * 1024, 1024 * 1024),
  } satisfies SettingDefinition<'maxJsonBodyBytes'>,
  {
    env: 'PUBLIC_BASE_URL',
    key: 'publicBaseUrl',
    defaultText: 'http://localhost:3000',
    description:
      'The address complainants and staff reach the product at; the personal portal link in the acknowledgment and the single sign-on redirect URI are built from it.',
    parse: (raw) => {
      const value = raw?.trim() ? raw.trim() : 'http://localhost:3000';
      try {
        const url = new URL(value);
        if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
        return url.toString().replace(/\/$/, '');
      } catch {
        throw new ConfigError(`PUBLIC_BASE_URL must be an absolute http(s) URL, got "${value}"`);
      }
    },
  } satisfies SettingDefinition<'publicBaseUrl'>,
  {
    env: 'MAX_MAIL_BYTES',
    key: 'maxMailBytes',
    defaultText: '41943040 (40 MiB)',
    description:
      'Incoming e-mails larger than this are kept in quarantine unread (raw bytes preserved) for a person to look at.',
    parse: integerIn('MAX_MAIL_BYTES', 64 * 1024, 1024 * 1024 * 1024, 40 * 1024 * 1024),
  } satisfies SettingDefinition<'maxMailBytes'>,
  {
    env: 'SECRET_KEY',
    key: 'secretKey',
    defaultText: '(unset: generated once into DATA_DIR/secret.key)',
    description:
      'Master secret (at least 32 random bytes, hex or base64) from which the keys for signed Message-IDs, form tokens and stored mailbox passwords are derived. Set the same value on every process of one installation.',
    parse: (raw) => {
      const value = raw?.trim();
      if (!value) return undefined;
      const bytes =
        /^[0-9a-f]+$/i.test(value) && value.length % 2 === 0
          ? value.length / 2
          : Buffer.from(value, 'base64').length;
      if (bytes < 32)
        throw new ConfigError('SECRET_KEY must hold at least 32 random bytes (64 hex characters)');
      return value;
    },
  } satisfies SettingDefinition<'secretKey'>,
  {
    env: 'TRUSTED_PROXIES',
    key: 'trustedProxies',
    defaultText: '(none)',
    description:
      'Comma-separated addresses or CIDR ranges of reverse proxies whose X-Forwarded-For is believed (for rate limits). Empty: the connecting address counts.',
    parse: (raw) =>
      (raw ?? '')
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part !== ''),
  } satisfies SettingDefinition<'trustedProxies'>,
  {
    env: 'FORM_MIN_FILL_SECONDS',
    key: 'formMinFillSeconds',
    defaultText: '4',
    description:
      'A public complaint form sent back faster than this is treated as a bot (and silently dropped).',
    parse: integerIn('FORM_MIN_FILL_SECONDS', 0, 600, 4),
  } satisfies SettingDefinition<'formMinFillSeconds'>,
  {
    env: 'FORM_SECRET',
    key: 'formSecret',
    defaultText: '(unset: derived from SECRET_KEY)',
    description:
      'Secret (at least 32 characters) that signs the public complaint form (fill time, proof-of-work, confirmation link). Unset: a key derived from SECRET_KEY. A form signed with another key (a restart with a new key) is shown again to be re-sent, never dropped.',
    parse: (raw) => {
      const value = raw?.trim() ? raw.trim() : undefined;
      if (value !== undefined && value.length < 32) {
        throw new ConfigError(`FORM_SECRET must be at least 32 characters, got ${value.length}`);
      }
      return value;
    },
  } satisfies SettingDefinition<'formSecret'>,
  {
    env: 'COOKIE_SECURE',
    key: 'cookieSecure',
    defaultText: 'auto',
    description:
      'Whether the sign-in cookie is Secure (sent over HTTPS only, named __Host-kw_session) and HSTS is sent: true, false or auto. Auto: secure unless the request is addressed to localhost, 127.0.0.1 or [::1], so `npm start` works on http://localhost:3000. Behind a proxy that terminates HTTPS and passes Host as 127.0.0.1, set true.',
    parse: (raw) => {
      const value = raw?.trim().toLowerCase() ?? '';
      if (value === '' || value === 'auto') return 'auto';
      if (['1', 'true', 'yes', 'on'].includes(value)) return 'always';
      if (['0', 'false', 'no', 'off'].includes(value)) return 'never';
      throw new ConfigError(`COOKIE_SECURE must be auto, true or false, got "${raw}"`);
    },
  } satisfies SettingDefinition<'cookieSecure'>,
  {
    env: 'PORTAL_TOKEN_DAYS_AFTER_CLOSE',
    key: 'portalTokenDaysAfterClose',
    defaultText: '90',
    description:
      'How many days after a complaint is closed or withdrawn the personal link to the complainant portal (and every portal session) still works. While the complaint is open the link always works.',
    parse: integerIn('PORTAL_TOKEN_DAYS_AFTER_CLOSE', 0, 3650, 90),
  } satisfies SettingDefinition<'portalTokenDaysAfterClose'>,
] as const;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const entries = SETTINGS.map((setting) => [setting.key, setting.parse(env[setting.env])] as const);
  return Object.fromEntries(entries) as unknown as Config;
}

export function settingsTableMarkdown(): string {
  const rows = SETTINGS.map((s) => `| \`${s.env}\` | ${s.defaultText} | ${s.description} |`);
  return ['| setting | default | meaning |', '|---|---|---|', ...rows].join('\n');
}
