/**
 * Checking one answer as the user sends it: a level on the scale, "not relevant" with a reason, or "don't know";
 * an optional target level, comment and evidence (links must be https). Returns the problems with their fields.
 */
import type { AnswerKind, EvidenceItem, MaturityScale } from './types.js';

export interface AnswerInput {
  kind: AnswerKind;
  level?: number | null;
  targetLevel?: number | null;
  notRelevantReason?: string | null;
  comment?: string | null;
  evidence?: { title: string; url?: string | null; note?: string | null }[];
}

export interface CleanAnswer {
  kind: AnswerKind;
  level: number | null;
  targetLevel: number | null;
  notRelevantReason: string | null;
  comment: string | null;
  evidence: EvidenceItem[];
}

const trimmed = (text: string | null | undefined) => {
  const t = text?.normalize('NFC').trim();
  return t ? t : null;
};

export function checkAnswerInput(
  input: AnswerInput,
  scale: MaturityScale,
): { answer: CleanAnswer; problems: { field: string; message: string }[] } {
  const problems: { field: string; message: string }[] = [];
  const values = scale.levels.map((l) => l.value);
  const onScale = (v: number | null | undefined) => v === null || v === undefined || values.includes(v);
  const level = input.kind === 'level' ? (input.level ?? null) : null;
  if (input.kind === 'level' && level === null)
    problems.push({ field: 'level', message: 'a level answer needs a level' });
  if (input.kind !== 'level' && input.level !== undefined && input.level !== null) {
    problems.push({ field: 'level', message: `a "${input.kind}" answer has no level` });
  }
  if (!onScale(level)) problems.push({ field: 'level', message: `must be one of ${values.join(', ')}` });
  if (!onScale(input.targetLevel))
    problems.push({ field: 'targetLevel', message: `must be one of ${values.join(', ')}` });
  const reason = trimmed(input.notRelevantReason);
  if (input.kind === 'not-relevant' && !reason) {
    problems.push({ field: 'notRelevantReason', message: 'say why the requirement does not apply' });
  }
  const evidence = (input.evidence ?? []).map((item, i) => {
    const title = trimmed(item.title);
    if (!title) problems.push({ field: `evidence[${i}].title`, message: 'is missing' });
    const url = trimmed(item.url);
    if (url) {
      const ok = (() => {
        try {
          return new URL(url).protocol === 'https:';
        } catch {
          return false;
        }
      })();
      if (!ok) problems.push({ field: `evidence[${i}].url`, message: 'must be an https:// link' });
    }
    return { title: title ?? '', url, note: trimmed(item.note) };
  });
  return {
    answer: {
      kind: input.kind,
      level,
      targetLevel: input.targetLevel ?? null,
      notRelevantReason: input.kind === 'not-relevant' ? reason : null,
      comment: trimmed(input.comment),
      evidence,
    },
    problems,
  };
}

/**
 * Optimistic concurrency: every stored answer has a version. A write states the version it was based on (0 for a
 * requirement not answered yet); if someone saved in between, the write is a conflict and changes nothing.
 */
export function isStaleWrite(current: { version: number } | null, basedOn: number): boolean {
  return (current?.version ?? 0) !== basedOn;
}
