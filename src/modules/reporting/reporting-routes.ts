/**
 * The reporting API (/api/v1/reporting): cycles, status reports, evidence, sector reports, dashboards. Registers
 * multipart uploads for its own routes only, and, when asked, runs the reminder job on an interval while the
 * server is up (the job sends due reminders and drains the e-mail outbox).
 */
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../platform/config.js';
import type { Db } from '../../platform/db/database.js';
import { cycleRoutes } from './cycle-routes.js';
import { maxEvidenceBytes } from './evidence-files.js';
import { smtpMailer } from './mailer.js';
import { runReminderJob } from './reminder-service.js';
import { reportRoutes } from './report-routes.js';
import { reportingDeps } from './reporting-deps.js';
import { sectorReportRoutes } from './sector-report-routes.js';

export interface ReportingRouteOptions {
  readonly db: Db;
  readonly config: AppConfig;
  /** Run the reminder job every this many milliseconds while the server is up (off when absent). */
  readonly reminderIntervalMs?: number;
}

export async function reportingRoutes(fastify: FastifyInstance, options: ReportingRouteOptions): Promise<void> {
  const deps = reportingDeps(options.db, options.config);
  await fastify.register(fastifyMultipart, { limits: { fileSize: maxEvidenceBytes, files: 1, fields: 5, parts: 6 } });
  await fastify.register(cycleRoutes, { deps });
  await fastify.register(reportRoutes, { deps });
  await fastify.register(sectorReportRoutes, { deps });

  const interval = options.reminderIntervalMs;
  if (!interval) return;
  const mailer = options.config.smtp ? smtpMailer(options.config.smtp) : null;
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const outcome = await runReminderJob(deps, mailer, new Date());
      if (outcome.reminders.length > 0 || (outcome.delivery && outcome.delivery.sent + outcome.delivery.failed > 0)) {
        fastify.log.info({ reminders: outcome.reminders.length, delivery: outcome.delivery }, 'reporting reminder job');
      }
    } catch (error) {
      fastify.log.error({ err: error }, 'reporting reminder job failed');
    } finally {
      running = false;
    }
  };
  fastify.addHook('onReady', async () => {
    timer = setInterval(() => void tick(), interval);
    timer.unref();
  });
  fastify.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    mailer?.close?.();
  });
}
