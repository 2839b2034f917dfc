/**
 * "How do we compare with enterprises like us?": the enterprise's own maturity per basic measure (from its latest
 * assessment, else its own survey answers) beside the closest published peer group. The peer values come only
 * from the k-anonymous publication; the enterprise's own values only from its own data.
 */
import type { Db } from '../../platform/db/database.js';
import type { Principal } from '../../platform/http/access.js';
import { actingEnterprise } from './assessment-access.js';
import { shippedAssessmentContent } from './assessment-content.js';
import { basicMeasuresFramework } from './assessment-frameworks.js';
import { findAnswers, listAssessments } from './assessment-repository.js';
import { getEnterprise } from './enterprise-directory.js';
import { ownFacts } from './fact-repository.js';
import { closestPeers, indicatorYears, publication, type PeerComparison } from './indicator-service.js';
import type { EnterpriseProfile } from './types.js';
import { AppError } from '../../platform/errors.js';

export interface BenchmarkRow {
  indicatorId: string;
  requirementId: string | null;
  own: number | null;
  ownSource: 'assessment' | 'survey' | null;
  peers: Omit<PeerComparison, 'indicatorId'> | null;
}

export interface Benchmark {
  enterprise: EnterpriseProfile;
  year: number | null;
  years: number[];
  k: number;
  assessmentId: string | null;
  rows: BenchmarkRow[];
}

export async function benchmarkForEnterprise(
  db: Db,
  principal: Principal | null,
  options: { year?: number; k: number },
): Promise<Benchmark> {
  const { organisationId } = actingEnterprise(principal);
  const enterprise = await getEnterprise(db, organisationId);
  if (!enterprise) {
    throw new AppError(
      'ENTERPRISE_PROFILE_MISSING',
      'Your organisation has no type, size class and region registered, so it has no peer group',
    );
  }
  const content = await shippedAssessmentContent();
  const maturity = content.indicators.filter((i) => i.requirementId !== null);
  const years = await indicatorYears(db, maturity[0]?.id);
  const year = options.year ?? years.at(-1) ?? null;
  const assessments = (await listAssessments(db, organisationId)).filter(
    (a) => a.frameworkId === basicMeasuresFramework,
  );
  const latest = assessments.find((a) => year === null || a.year <= year) ?? assessments[0] ?? null;
  const answers = latest ? await findAnswers(db, latest.id) : [];
  const facts = (await ownFacts(db, organisationId)).filter((f) => f.year === year);
  const rows: BenchmarkRow[] = [];
  for (const indicator of maturity) {
    const answer = answers.find((a) => a.requirementId === indicator.requirementId);
    const fact = facts.find((f) => f.indicatorId === indicator.id);
    const own = answer?.kind === 'level' ? answer.level : (fact?.value ?? null);
    const published = year === null ? null : await publication(db, indicator.id, year, options.k);
    rows.push({
      indicatorId: indicator.id,
      requirementId: indicator.requirementId,
      own,
      ownSource: answer?.kind === 'level' ? 'assessment' : fact ? 'survey' : null,
      peers: published ? closestPeers(published, enterprise) : null,
    });
  }
  return { enterprise, year, years, k: options.k, assessmentId: latest?.id ?? null, rows };
}
