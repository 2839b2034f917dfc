/** Registers the assessment module's routes under one prefix, with k read once from the settings. */
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../platform/config.js';
import type { Db } from '../../platform/db/database.js';
import { enterpriseRoutes } from './assessment-routes.js';
import { readAssessmentSettings } from './assessment-settings.js';
import { exportRoutes } from './export-routes.js';
import { indicatorRoutes } from './indicator-routes.js';
import { surveyRoutes } from './survey-routes.js';

export interface AssessmentRouteOptions {
  readonly db: Db;
  readonly config: AppConfig;
  /** k for k-anonymity; by default VARDE_MIN_GROUP_SIZE (5). */
  readonly minGroupSize?: number;
  readonly random?: (size: number) => Uint8Array;
}

export async function assessmentRoutes(fastify: FastifyInstance, options: AssessmentRouteOptions): Promise<void> {
  const minGroupSize = options.minGroupSize ?? readAssessmentSettings(process.env).minGroupSize;
  await fastify.register(enterpriseRoutes, { db: options.db, minGroupSize });
  await fastify.register(indicatorRoutes, { db: options.db, minGroupSize });
  await fastify.register(surveyRoutes, {
    db: options.db,
    config: options.config,
    random: options.random,
    minGroupSize,
  });
  await fastify.register(exportRoutes, { db: options.db, minGroupSize });
}
