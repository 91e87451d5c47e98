#!/usr/bin/env node
/**
 * The `nianbao` command line: `pnpm nianbao <command> …`. Each command lives in its own module
 * under ./commands and is loaded only when used, so `render` never loads the database.
 */
const commands: Record<
  string,
  { summary: string; load: () => Promise<{ run: (args: string[]) => Promise<number> }> }
> = {
  render: {
    summary: 'render <report.json> -o <out.pdf|out.html> [--lang zh|en|zh-en]',
    load: () => import('./commands/render.ts'),
  },
  check: {
    summary: 'check <file.pdf|.txt|.html|.json> [--lang zh|en] [--json]',
    load: () => import('./commands/check.ts'),
  },
  import: {
    summary: 'import <file.pdf|.txt|.html> -o <report.json>',
    load: () => import('./commands/import.ts'),
  },
  user: {
    summary: 'user add --login <name> --org <id> --role filler|reviewer|admin [--password <pw>]',
    load: () => import('./commands/user.ts'),
  },
  org: {
    summary: 'org add --name <机关名称> [--name-en <name>] [--parent <id>]',
    load: () => import('./commands/org.ts'),
  },
  init: {
    summary:
      'init --org <机关名称> --admin <登录名>  (first organisation and administrator; prints the password)',
    load: () => import('./commands/init.ts'),
  },
  backup: {
    summary: 'backup <file>  (online copy of the SQLite database; PostgreSQL: pg_dump)',
    load: () => import('./commands/backup.ts'),
  },
  restore: {
    summary: 'restore <file>  (a backup in place of the SQLite database; stop the server first)',
    load: async () => {
      const { run } = await import('./commands/backup.ts');
      return { run: (args: string[]) => run(args, 'restore') };
    },
  },
  'seed-demo': {
    summary: 'seed-demo  (demo organisation, users and reports)',
    load: () => import('./commands/seedDemo.ts'),
  },
};

function usage(): string {
  return [
    'usage: pnpm nianbao <command> …',
    '',
    ...Object.values(commands).map((c) => `  ${c.summary}`),
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`nianbao: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  return (await command.load()).run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`nianbao: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
