/** `varde audit …`: verify the audit trail's hash chain, list recent events. */
import type { Command } from 'commander';
import { loadConfig } from '../../platform/config.js';
import { prepareDatabase } from '../../server.js';
import { findEvents } from './audit-repository.js';
import { verifyAuditTrail } from './audit-service.js';

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('the append-only, hash-chained audit trail');
  audit
    .command('verify')
    .description('walk the hash chain; report the first broken link (exit code 1) if any event was edited or deleted')
    .option('--json', 'machine-readable result')
    .action(async (options: { json?: boolean }) => {
      const db = await prepareDatabase(loadConfig(), () => {});
      try {
        const outcome = await verifyAuditTrail(db);
        if (options.json) console.log(JSON.stringify(outcome, null, 2));
        else if (outcome.ok)
          console.log(
            `Audit trail intact: ${outcome.checked} event(s), last seq ${outcome.lastSeq}, head ${outcome.lastHash}`,
          );
        else {
          console.log(`Audit trail BROKEN at event ${outcome.broken?.seq}: ${outcome.broken?.message}`);
          console.log(`  ${outcome.checked} event(s) before it are intact.`);
        }
        if (!outcome.ok) process.exitCode = 1;
      } finally {
        await db.destroy();
      }
    });
  audit
    .command('list')
    .description('the newest events, newest first')
    .option('--limit <n>', 'how many', '50')
    .option('--action <action>', 'exact action, or a prefix ending in "."')
    .option('--json', 'JSON with the API field names')
    .action(async (options: { limit: string; action?: string; json?: boolean }) => {
      const db = await prepareDatabase(loadConfig(), () => {});
      try {
        const events = await findEvents(db, { action: options.action }, Math.min(Number(options.limit) || 50, 10_000));
        if (options.json) console.log(JSON.stringify(events, null, 2));
        else {
          for (const e of events) {
            const who = e.actorName ?? e.actorUserId ?? '-';
            const what = [e.objectType, e.objectId].filter(Boolean).join(' ');
            console.log(
              `${String(e.seq).padStart(6)} ${e.at.toISOString()} ${e.outcome.padEnd(7)} ${e.action.padEnd(22)} ${who} ${what} ${e.ip ?? ''}`,
            );
          }
        }
      } finally {
        await db.destroy();
      }
    });
}
