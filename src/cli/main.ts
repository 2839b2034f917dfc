/**
 * The `varde` command: operators' and batch jobs' entry point. Each module adds its own command group; the JSON
 * output of a command uses the API's field names.
 */
import { Command, CommanderError } from 'commander';
import { isAppError } from '../platform/errors.js';

function program(): Command {
  return new Command('varde')
    .description('Varde: the strategy for digital security in the Norwegian health and care sector, live')
    .showHelpAfterError()
    .exitOverride();
}

/** Every command group. The modules are loaded when the CLI is built (the server only when it is started). */
export async function buildCli(): Promise<Command> {
  const [
    { loadConfig },
    { registerCatalogueCommands },
    { registerAuditCommands },
    { registerIdentityCommands },
    { registerFrameworksCommands },
    { registerAnalysisCommands },
    { registerReportingCommands },
    { registerAssessmentCommands },
    { registerLogsCommands },
    { registerDbCommands },
  ] = await Promise.all([
    import('../platform/config.js'),
    import('../modules/catalogue/catalogue-cli.js'),
    import('../modules/audit/index.js'),
    import('../modules/identity/index.js'),
    import('../modules/frameworks/frameworks-cli.js'),
    import('../modules/analysis/analysis-cli.js'),
    import('../modules/reporting/reporting-cli.js'),
    import('../modules/assessment/index.js'),
    import('../modules/logaudit/cli.js'),
    import('./db-commands.js'),
  ]);
  const cli = program();
  cli
    .command('serve')
    .description('start the web application and API (PORT, default 3000)')
    .option('--demo', 'embedded demo mode with demo data and demo login')
    .action(async (options: { demo?: boolean }) => {
      const env = options.demo ? { ...process.env, VARDE_DEMO: 'true' } : process.env;
      const { startServer } = await import('../server.js');
      await startServer(loadConfig(env));
    });
  registerDbCommands(cli);
  registerCatalogueCommands(cli);
  registerIdentityCommands(cli);
  registerAuditCommands(cli);
  registerFrameworksCommands(cli);
  registerAnalysisCommands(cli);
  registerReportingCommands(cli);
  registerAssessmentCommands(cli);
  registerLogsCommands(cli);
  return cli;
}

/**
 * `varde logs …` loads only the access-log engine: loading every module (database clients, the web server) takes
 * seconds, which a batch job that runs the engine pays on every run.
 */
async function buildLogsCli(): Promise<Command> {
  const { registerLogsCommands } = await import('../modules/logaudit/cli.js');
  const cli = program();
  registerLogsCommands(cli);
  return cli;
}

export async function runCli(argv: readonly string[]): Promise<number> {
  try {
    const cli = argv[0] === 'logs' ? await buildLogsCli() : await buildCli();
    await cli.parseAsync([...argv], { from: 'user' });
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
