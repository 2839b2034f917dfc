/** `varde db …`: database operations for operators. */
import type { Command } from 'commander';
import { loadConfig } from '../platform/config.js';
import { prepareDatabase } from '../server.js';

export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('database operations');
  db.command('migrate')
    .description('apply pending migrations and load the shipped catalogue editions')
    .action(async () => {
      const handle = await prepareDatabase(loadConfig(), (m) => console.log(m));
      console.log('Database is up to date.');
      await handle.destroy();
    });
}
