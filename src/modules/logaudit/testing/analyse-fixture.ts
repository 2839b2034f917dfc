/**
 * Test support: ingest a fixture into a fresh workspace, analyse it, and return the result with every pair's score.
 */
import path from 'node:path';
import { analyzeWorkspace, type AnalysisResult } from '../service/analyze.js';
import { ingestDataset } from '../service/ingest-dataset.js';
import { openWorkspace } from '../workspace/workspace.js';
import { readScoresCsv, tempDir, writeDataset, type FixtureData } from './fixture.js';

export async function analyseFixture(
  data: FixtureData,
  options: { now: Date; budget: number },
): Promise<{ result: AnalysisResult; scores: Map<string, number> }> {
  const dir = tempDir();
  const ws = await openWorkspace(path.join(dir, 'ws'), { threads: 2, memoryLimit: '512MB' });
  try {
    await ingestDataset(ws, writeDataset(tempDir(), data), { now: options.now });
    const scoresPath = path.join(dir, 'scores.csv');
    const result = await analyzeWorkspace(ws, { now: options.now, saveRun: false, budget: options.budget, scoresPath });
    return { result, scores: readScoresCsv(scoresPath) };
  } finally {
    ws.close();
  }
}
