import { describe, expect, it } from 'vitest';
import { issueSummaryLines, type IngestIssue } from './ingest-issues.js';

const issue = (cls: IngestIssue['issue'], line: number, message: string): IngestIssue => ({
  issue: cls,
  file: 'audit_events.ndjson',
  line,
  message,
});

describe('issueSummaryLines', () => {
  it('puts each example under its own class, with the count of its group', () => {
    const lines = issueSummaryLines([
      { issue: issue('LINE_MALFORMED', 1501, 'not a JSON object'), count: 1 },
      { issue: issue('NOT_ONE_PATIENT', 299, 'the event is not about exactly one patient'), count: 61 },
      { issue: issue('NOT_ONE_PATIENT', 310, 'another example of the same group'), count: 0 },
      { issue: { ...issue('UNKNOWN_REFERENCE', 12, '"u9" is not in staff.csv'), field: 'user_id' }, count: 2 },
    ]);
    expect(lines).toEqual([
      '  LINE_MALFORMED: 1 (skipped)',
      '    e.g. audit_events.ndjson, line 1501: not a JSON object',
      '  NOT_ONE_PATIENT: 61 (skipped)',
      '    e.g. audit_events.ndjson, line 299: the event is not about exactly one patient (61 in all)',
      '  UNKNOWN_REFERENCE: 2 (kept)',
      '    e.g. audit_events.ndjson, line 12, field user_id: "u9" is not in staff.csv (2 in all)',
    ]);
  });

  it('shows at most the given number of examples of a class', () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ issue: issue('VALUE_INVALID', i + 2, 'bad'), count: 1 }));
    const lines = issueSummaryLines(many, 3);
    expect(lines[0]).toBe('  VALUE_INVALID: 8 (skipped)');
    expect(lines).toHaveLength(4);
  });
});
