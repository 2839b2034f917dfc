/**
 * The `logs` command group on its own, so the benchmark times exactly the access-log engine (the same code that
 * `varde logs` runs) without starting the rest of the application.
 */
import { Command } from 'commander';
import { registerLogsCommands } from '../../src/modules/logaudit/index.js';
import { isAppError } from '../../src/platform/errors.js';

const program = new Command('varde').exitOverride();
registerLogsCommands(program);
try {
  await program.parseAsync(process.argv.slice(2), { from: 'user' });
} catch (error) {
  if (isAppError(error)) {
    console.error(`varde: ${error.message} [${error.code}]`);
    for (const d of error.details) console.error(`  ${[d.place, d.field].filter(Boolean).join(' ')}: ${d.message}`);
    process.exit(1);
  }
  throw error;
}
