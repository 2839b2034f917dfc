/**
 * The `varde` command: operators' and batch jobs' entry point. Each module adds its own command group; the JSON
 * output of a command uses the API's field names.
 */
import { Command, CommanderError } from 'commander';
import { loadConfig } from '../platform/config.js';
import { isAppError } from '../platform/errors.js';
import { registerCatalogueCommands } from '../modules/catalogue/catalogue-cli.js';
import { registerAuditCommands } from '../modules/audit/index.js';
import { registerIdentityCommands } from '../modules/identity/index.js';
import { registerFrameworksCommands } from '../modules/frameworks/frameworks-cli.js';
import { registerAnalysisCommands } from '../modules/analysis/analysis-cli.js';
import { registerReportingCommands } from '../modules/reporting/reporting-cli.js';
import { registerAssessmentCommands } from '../modules/assessment/index.js';
import { registerLogsCommands } from '../modules/logaudit/cli.js';
import { registerDbCommands } from './db-commands.js';
import { startServer } from '../server.js';

export function buildCli(): Command {
  const program = new Command('varde')
    .description('Varde: the strategy for digital security in the Norwegian health and care sector, live')
    .showHelpAfterError()
    .exitOverride();
  program
    .command('serve')
    .description('start the web application and API (PORT, default 3000)')
    .option('--demo', 'embedded demo mode with demo data and demo login')
    .action(async (options: { demo?: boolean }) => {
      const env = options.demo ? { ...process.env, VARDE_DEMO: 'true' } : process.env;
      await startServer(loadConfig(env));
    });
  registerDbCommands(program);
  registerCatalogueCommands(program);
  registerIdentityCommands(program);
  registerAuditCommands(program);
  registerFrameworksCommands(program);
  registerAnalysisCommands(program);
  registerReportingCommands(program);
  registerAssessmentCommands(program);
  registerLogsCommands(program);
  return program;
}

export async function runCli(argv: readonly string[]): Promise<number> {
  try {
    await buildCli().parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (isAppError(error)) {
      console.error(`varde: ${error.message} [${error.code}]`);
      for (const d of error.details) console.error(`  ${[d.place, d.field].filter(Boolean).join(' ')}: ${d.message}`);
      return 1;
    }
    throw error;
  }
}

const exitCode = await runCli(process.argv.slice(2));
if (exitCode !== 0) process.exit(exitCode);
