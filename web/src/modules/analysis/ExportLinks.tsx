/** Download links for an analysis: the whole workbook, or one table as CSV, in the reader's language. */
import { Button, Field, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useI18n } from '../../i18n/i18n.js';

const tables = ['principles', 'matrix', 'goals', 'strategic-areas', 'gaps'] as const;

export function ExportLinks({
  href,
}: {
  href: (query: { format: 'xlsx' | 'csv'; table?: string; lang: string }) => string;
}) {
  const { t, locale } = useI18n();
  const [table, setTable] = useState<(typeof tables)[number]>('principles');
  const selectId = useId();
  return (
    <div className="export-links">
      <Paragraph>{t('analysis.export.lead')}</Paragraph>
      <div className="export-links__row">
        <Button asChild variant="primary">
          <a href={href({ format: 'xlsx', lang: locale })} download>
            {t('analysis.export.xlsx')}
          </a>
        </Button>
      </div>
      <div className="export-links__row">
        <Field>
          <Label htmlFor={selectId}>{t('analysis.export.table')}</Label>
          <Select
            id={selectId}
            value={table}
            onChange={(event) => setTable(event.target.value as (typeof tables)[number])}
          >
            {tables.map((name) => (
              <Select.Option key={name} value={name}>
                {t(`analysis.export.tables.${name}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Button asChild variant="secondary">
          <a href={href({ format: 'csv', table, lang: locale })} download>
            {t('analysis.export.csv')}
          </a>
        </Button>
      </div>
    </div>
  );
}
