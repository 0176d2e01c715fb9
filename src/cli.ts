import { parseArgs } from 'node:util';
import { demoCommand } from './cli/demo-command.ts';
import { UsageError } from './cli/usage-error.ts';
import { verifyLogCommand } from './cli/verify-log-command.ts';
import { ConfigError, loadConfig, settingsTableMarkdown } from './config.ts';
import { openDatabase } from './db/database.ts';
import { DataDirLockedError } from './db/data-dir-lock.ts';
import { migrateToLatest } from './db/migrator.ts';
import { startServer } from './main.ts';

const HELP = `klachtwijzer <command>

  serve                         start the HTTP server (migrates first)
  migrate                       apply database migrations and exit
  deadlines <received>...       print the procedure deadlines for moments of receipt (ISO 8601)
  verify-log                    check every dossier's event chain; exit 1 on a break
  backup <file>                 write every row, chain head and document digest to a new file
  restore <file>                restore a backup into an empty database, verifying it; exit 1 if refused
  reprocess-mail <id>           process a quarantined e-mail after all (--accept-own-address)
  demo                          fill the demo organisation with realistic complaints
  settings                      print every setting (environment variable) with its default
  verify-export <zip>           check a dossier export's SHA-256 sums and event chain; exit 1 on a mismatch
  anonymise <slug> [--preview]  anonymise an organisation's dossiers (and unlinked cancellations) past their term
  privacy-columns               print what anonymisation does to every column (docs/privacy.md)
  help                          this text

Settings come from environment variables; see \`klachtwijzer settings\`.
`;

async function serve(): Promise<number> {
  const server = await startServer(loadConfig());
  process.stdout.write(`Klachtwijzer luistert op ${server.url}\n`);
  await new Promise<void>((resolve) => {
    const shutdown = (): void => {
      process.off('SIGINT', shutdown);
      process.off('SIGTERM', shutdown);
      resolve();
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
  });
  await server.stop();
  return 0;
}

async function migrate(): Promise<number> {
  const handle = await openDatabase(loadConfig());
  try {
    const { applied } = await migrateToLatest(handle.db);
    process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Database is up to date.\n');
    return 0;
  } finally {
    await handle.close();
  }
}

async function deadlines(args: string[]): Promise<number> {
  const { deadlinesCommand } = await import('./cli/deadlines-command.ts');
  return deadlinesCommand(args);
}

export async function runCli(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: false });
  const [command = 'help', ...rest] = positionals;
  switch (command) {
    case 'serve':
      return serve();
    case 'migrate':
      return migrate();
    case 'deadlines':
      return deadlines(rest);
    case 'verify-log':
      return verifyLogCommand();
    case 'backup': {
      const { backupCommand } = await import('./cli/backup-command.ts');
      return backupCommand(rest);
    }
    case 'restore': {
      const { restoreCommand } = await import('./cli/backup-command.ts');
      return restoreCommand(rest);
    }
    case 'reprocess-mail': {
      const { reprocessMailCommand } = await import('./cli/reprocess-mail-command.ts');
      // With its flag (--accept-own-address): the words after the command as they were given.
      return reprocessMailCommand(argv.slice(argv.indexOf(command) + 1));
    }
    case 'demo':
      return demoCommand();
    case 'settings':
      process.stdout.write(`${settingsTableMarkdown()}\n`);
      return 0;
    case 'verify-export': {
      const { verifyExportCommand } = await import('./cli/verify-export-command.ts');
      return verifyExportCommand(rest);
    }
    case 'anonymise': {
      const { anonymiseCommand } = await import('./cli/anonymise-command.ts');
      // Its own options (--month takes a value), so the words after the command as they were given.
      return anonymiseCommand(argv.slice(argv.indexOf(command) + 1));
    }
    case 'privacy-columns': {
      const { privacyColumnsCommand } = await import('./cli/anonymise-command.ts');
      return privacyColumnsCommand();
    }
    case 'help':
    case '--help':
      process.stdout.write(HELP);
      return 0;
    default:
      throw new UsageError(`Unknown command "${command}".\n\n${HELP}`);
  }
}

const isMain = import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/src/cli.ts');
if (isMain) {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError || error instanceof ConfigError) {
        process.stderr.write(`${error.message}\n`);
        process.exitCode = 2;
      } else if (error instanceof DataDirLockedError) {
        process.stderr.write(`${error.message}\n`);
        process.exitCode = 1;
      } else {
        process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        process.exitCode = 1;
      }
    },
  );
}
