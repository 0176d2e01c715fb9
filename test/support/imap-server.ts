import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';

/**
 * A throwaway Dovecot for tests: its own folder under the temp dir for config, sockets, state,
 * log and mail, a free loopback port, plain-text logins from a passwd-file. Nothing under /etc or
 * /var is read or written, so several can run at once (vitest runs two workers).
 *
 * Dovecot refuses mail access as root ("Mail access not allowed for root", whatever first_valid_uid
 * says), so when the tests run as root the mail belongs to nobody; otherwise the whole server runs
 * as the current user, without the chroots and user switches only root may do.
 */
export interface AppendOptions {
  internalDate?: Date;
  flags?: readonly string[];
}

export interface ImapServer {
  host: string;
  port: number;
  /** The server's folder (config, log, mail); removed on stop. */
  dir: string;
  addUser(name: string, password: string): Promise<void>;
  /** APPENDs as that user through IMAP; creates the mailbox when needed. */
  append(
    user: string,
    mailbox: string,
    rawMessage: string | Buffer,
    options?: AppendOptions,
  ): Promise<{ uid: number; uidValidity: number }>;
  /**
   * Gives the mailbox a new UIDVALIDITY and renumbers its messages from UID 1, keeping them with
   * their dates and flags — what a server migration or a restored backup does to a mailbox.
   * No session may have the mailbox open meanwhile.
   */
  recreateMailbox(user: string, mailbox: string): Promise<{ uidValidity: number }>;
  log(): string;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const START_ATTEMPTS = 5;
const READY_TIMEOUT_MS = 15_000;

export async function startImapServer(): Promise<ImapServer> {
  const binary = findDovecot();
  const version = dovecotVersion(binary);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klachtwijzer-imap-'));
  // The mail processes run as another user when we are root and must reach the mail folder.
  fs.chmodSync(dir, 0o755);
  const identity = mailIdentity();
  const mailDir = path.join(dir, 'mail');
  fs.mkdirSync(mailDir);
  if (identity.root) fs.chownSync(mailDir, identity.uid, identity.gid);
  const usersFile = path.join(dir, 'users');
  fs.writeFileSync(usersFile, '');
  const configFile = path.join(dir, 'dovecot.conf');
  const logFile = path.join(dir, 'dovecot.log');
  const passwords = new Map<string, string>();
  // Our own greeting: a readiness check must not mistake another test's server for this one.
  const greeting = `klachtwijzer test imap ${randomBytes(6).toString('hex')} ready`;

  let child: ChildProcess | undefined;
  let port = 0;
  for (let attempt = 1; child === undefined; attempt++) {
    port = await freePort();
    fs.writeFileSync(
      configFile,
      dovecotConfig({ version, dir, port, usersFile, mailDir, logFile, identity, greeting }),
    );
    try {
      child = await launch(binary, configFile, port, logFile, greeting);
    } catch (error) {
      // Another process may take the port between our check and Dovecot's bind.
      if (attempt >= START_ATTEMPTS) {
        fs.rmSync(dir, { recursive: true, force: true });
        throw error;
      }
    }
  }
  const master = child;
  const exited = new Promise<void>((resolve) => {
    if (master.exitCode !== null || master.signalCode !== null) resolve();
    else master.once('exit', () => resolve());
  });
  // A test run that dies without stop() should not leave a server behind.
  const onExit = (): void => {
    master.kill('SIGTERM');
  };
  process.once('exit', onExit);

  const connect = async (user: string): Promise<ImapFlow> => {
    const password = passwords.get(user);
    if (password === undefined) throw new Error(`no such test user: ${user}`);
    const client = new ImapFlow({
      host: HOST,
      port,
      secure: false,
      doSTARTTLS: false,
      auth: { user, pass: password },
      logger: false,
      disableAutoIdle: true,
    });
    client.on('error', () => {});
    await client.connect();
    return client;
  };

  return {
    host: HOST,
    port,
    dir,
    async addUser(name, password) {
      if (!/^[A-Za-z0-9._@+-]+$/.test(name)) throw new Error(`unusable test user name: ${name}`);
      if (/[:\r\n]/.test(password) || password === '') throw new Error('unusable test password');
      passwords.set(name, password);
      const lines = [...passwords].map(([user, secret]) => `${user}:{PLAIN}${secret}::::::\n`).join('');
      // Swapped in whole so a login never reads half a file; Dovecot rereads it when it changed.
      fs.writeFileSync(`${usersFile}.new`, lines, { mode: 0o644 });
      fs.renameSync(`${usersFile}.new`, usersFile);
    },
    async append(user, mailbox, rawMessage, options = {}) {
      const client = await connect(user);
      try {
        if (mailbox.toUpperCase() !== 'INBOX') await ensureMailbox(client, mailbox);
        const result = await client.append(
          mailbox,
          typeof rawMessage === 'string' ? Buffer.from(rawMessage, 'utf8') : rawMessage,
          [...(options.flags ?? [])],
          options.internalDate,
        );
        if (!result || result.uid === undefined || result.uidValidity === undefined) {
          throw new Error('the server did not report the UID of the appended message (UIDPLUS)');
        }
        return { uid: result.uid, uidValidity: Number(result.uidValidity) };
      } finally {
        await client.logout();
      }
    },
    async recreateMailbox(user, mailbox) {
      if (mailbox.toUpperCase() === 'INBOX') {
        // IMAP cannot delete or rename INBOX; dropping Dovecot's UID list and indexes makes it
        // number the messages anew under a fresh UIDVALIDITY, as after a restore from backup.
        const maildir = path.join(mailDir, user, 'Maildir');
        // A user who never logged in has no Maildir yet; a login makes Dovecot create it.
        if (!fs.existsSync(maildir)) await (await connect(user)).logout();
        for (const file of fs.readdirSync(maildir)) {
          if (
            file === 'dovecot-uidlist' ||
            file.startsWith('dovecot.index') ||
            file.startsWith('dovecot.list.index')
          ) {
            fs.rmSync(path.join(maildir, file), { force: true });
          }
        }
      } else {
        await recreateThroughImap(await connect(user), mailbox);
      }
      const client = await connect(user);
      try {
        const status = await client.status(mailbox, { uidValidity: true });
        if (!status || status.uidValidity === undefined) throw new Error(`no STATUS for ${mailbox}`);
        return { uidValidity: Number(status.uidValidity) };
      } finally {
        await client.logout();
      }
    },
    log: () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : ''),
    async stop() {
      process.off('exit', onExit);
      master.kill('SIGTERM');
      const timer = setTimeout(() => master.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface MailIdentity {
  root: boolean;
  uid: number;
  gid: number;
  user: string;
  group: string;
}

function mailIdentity(): MailIdentity {
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'nobody'], { encoding: 'utf8' }).trim());
    return { root: true, uid, gid, user: 'nobody', group: '' };
  }
  const info = os.userInfo();
  const group = execFileSync('id', ['-gn'], { encoding: 'utf8' }).trim();
  return { root: false, uid: info.uid, gid: info.gid, user: info.username, group };
}

interface ConfigInput {
  version: [number, number];
  dir: string;
  port: number;
  usersFile: string;
  mailDir: string;
  logFile: string;
  identity: MailIdentity;
  greeting: string;
}

function dovecotConfig(input: ConfigInput): string {
  const { dir, port, usersFile, mailDir, logFile, identity, greeting } = input;
  const asUser = identity.root
    ? []
    : [
        `default_internal_user = ${identity.user}`,
        `default_internal_group = ${identity.group}`,
        `default_login_user = ${identity.user}`,
      ];
  // Tests log in with wrong passwords on purpose; the brute-force penalty would then hold every
  // later login from 127.0.0.1 for seconds.
  const anvil = [
    'service anvil {',
    ...(identity.root ? [] : ['  chroot =']),
    '  unix_listener anvil-auth-penalty {',
    '    mode = 0',
    '  }',
    '}',
  ];
  const loginChroot = identity.root ? [] : ['  chroot ='];
  const common = [
    'protocols = imap',
    `listen = ${HOST}`,
    `base_dir = ${dir}/run`,
    `state_dir = ${dir}/state`,
    `log_path = ${logFile}`,
    `info_log_path = ${logFile}`,
    'ssl = no',
    'auth_mechanisms = plain login',
    `login_greeting = ${greeting}`,
    `first_valid_uid = ${identity.uid}`,
    `first_valid_gid = ${identity.gid}`,
    'mail_max_userip_connections = 100',
    'mail_fsync = never',
    ...asUser,
    'service imap-login {',
    ...loginChroot,
    '  inet_listener imap {',
    `    address = ${HOST}`,
    `    port = ${port}`,
    '  }',
    '  inet_listener imaps {',
    '    port = 0',
    '  }',
    '}',
    ...anvil,
  ];
  const [major, minor] = input.version;
  if (major > 2 || (major === 2 && minor >= 4)) {
    // Dovecot 2.4 renamed most settings. Written from its documentation; the machines this
    // project was verified on run 2.3 (Debian 12), so this branch has not run yet.
    return [
      'dovecot_config_version = 2.4.0',
      'dovecot_storage_version = 2.4.0',
      ...common,
      'auth_allow_cleartext = yes',
      'passdb passwd-file {',
      `  passwd_file_path = ${usersFile}`,
      '}',
      'userdb static {',
      '  fields {',
      `    uid = ${identity.uid}`,
      `    gid = ${identity.gid}`,
      `    home = ${mailDir}/%{user}`,
      '  }',
      '}',
      'mail_driver = maildir',
      `mail_path = ${mailDir}/%{user}/Maildir`,
      'namespace inbox {',
      '  inbox = yes',
      '}',
      '',
    ].join('\n');
  }
  return [
    ...common,
    'disable_plaintext_auth = no',
    'auth_failure_delay = 0',
    'passdb {',
    '  driver = passwd-file',
    `  args = scheme=PLAIN ${usersFile}`,
    '}',
    'userdb {',
    '  driver = static',
    `  args = uid=${identity.uid} gid=${identity.gid} home=${mailDir}/%u`,
    '}',
    `mail_location = maildir:${mailDir}/%u/Maildir`,
    '',
  ].join('\n');
}

async function launch(
  binary: string,
  configFile: string,
  port: number,
  logFile: string,
  greeting: string,
): Promise<ChildProcess> {
  // -F keeps the master in the foreground: its PID is ours to stop, and it does not daemonise.
  const child = spawn(binary, ['-F', '-c', configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let exitCode: number | null | undefined;
  child.once('exit', (code) => (exitCode = code));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) break;
    if (await greets(port, greeting)) return child;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
  throw new Error(`Dovecot did not start on port ${port} (exit ${exitCode}):\n${stderr}\n${log}`);
}

/** True once the server answers with its greeting (not just "waiting for authentication"). */
function greets(port: number, greeting: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: HOST, port });
    let received = '';
    const done = (ready: boolean): void => {
      socket.destroy();
      resolve(ready);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString();
      if (received.includes(greeting)) done(true);
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function findDovecot(): string {
  const candidates = [process.env['DOVECOT_BINARY'], '/usr/sbin/dovecot', '/usr/local/sbin/dovecot'];
  const found = candidates.find((candidate) => candidate && fs.existsSync(candidate));
  if (!found) throw new Error('Dovecot is not installed (apt-get install dovecot-imapd)');
  return found;
}

function dovecotVersion(binary: string): [number, number] {
  const output = execFileSync(binary, ['--version'], { encoding: 'utf8' });
  const match = /^(\d+)\.(\d+)/.exec(output.trim());
  if (!match) throw new Error(`cannot read the Dovecot version from ${JSON.stringify(output)}`);
  return [Number(match[1]), Number(match[2])];
}

async function ensureMailbox(client: ImapFlow, mailbox: string): Promise<void> {
  const list = await client.list();
  if (!list.some((entry) => entry.path === mailbox)) await client.mailboxCreate(mailbox);
}

async function recreateThroughImap(client: ImapFlow, mailbox: string): Promise<void> {
  try {
    await ensureMailbox(client, mailbox);
    const opened = await client.mailboxOpen(mailbox);
    const messages =
      opened.exists === 0
        ? []
        : await client.fetchAll('1:*', { uid: true, source: true, internalDate: true, flags: true });
    await client.mailboxClose();
    await client.mailboxDelete(mailbox);
    await client.mailboxCreate(mailbox);
    for (const message of messages.toSorted((a, b) => a.uid - b.uid)) {
      const flags = [...(message.flags ?? [])].filter((flag) => flag !== '\\Recent');
      await client.append(mailbox, message.source!, flags, message.internalDate);
    }
  } finally {
    await client.logout();
  }
}
