/** File exports of the assessment module (PDF and XLSX); filled in by assessment-exports.ts. */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/database.js';

export async function exportRoutes(
  _fastify: FastifyInstance,
  _options: { db: Db; minGroupSize: number },
): Promise<void> {}
