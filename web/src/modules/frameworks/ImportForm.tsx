/**
 * Import a framework library file (Varde's format or CISO Assistant's YAML). The file is checked whole: a file
 * with any problem is refused, nothing is stored, and each problem is listed with its line and field.
 */
import {
  Alert,
  Button,
  Field,
  Heading,
  Input,
  Label,
  ListItem,
  ListUnordered,
  Paragraph,
  Select,
} from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import { ApiError, apiRequest } from '../../api/client.js';
import { errorMessageKey } from '../../api/error-text.js';
import { useI18n } from '../../i18n/i18n.js';
import { AppLink } from '../../shell/AppLink.js';
import { frameworkPaths, localized, type ImportOutcome } from './frameworks-api.js';

export function ImportForm({ onImported }: { onImported: () => void }) {
  const { t, locale } = useI18n();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<'' | 'varde' | 'ciso'>('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportOutcome | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const content = await file.text();
      const outcome = await apiRequest<ImportOutcome>(frameworkPaths.import(), {
        method: 'POST',
        body: { fileName: file.name, content, ...(format ? { format } : {}) },
      });
      setResult(outcome);
      onImported();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('UNKNOWN', String(e), 0));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="framework-import" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-heading`}>
      <Heading level={2} data-size="sm" id={`${id}-heading`}>
        {t('frameworks.import.heading')}
      </Heading>
      <Paragraph>{t('frameworks.import.lead')}</Paragraph>
      <Field>
        <Label htmlFor={`${id}-file`}>{t('frameworks.import.file')}</Label>
        <Input
          id={`${id}-file`}
          type="file"
          accept=".yaml,.yml,application/yaml,text/yaml"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          required
        />
      </Field>
      <Field>
        <Label htmlFor={`${id}-format`}>{t('frameworks.import.format')}</Label>
        <Select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value as typeof format)}>
          <Select.Option value="">{t('frameworks.format.auto')}</Select.Option>
          <Select.Option value="varde">{t('frameworks.format.varde')}</Select.Option>
          <Select.Option value="ciso">{t('frameworks.format.ciso')}</Select.Option>
        </Select>
      </Field>
      <Button type="submit" disabled={busy || !file} aria-busy={busy}>
        {busy ? t('frameworks.import.busy') : t('frameworks.import.submit')}
      </Button>
      <div role="status">
        {result ? (
          <Alert data-color="success">
            {t(result.outcome === 'imported' ? 'frameworks.import.imported' : 'frameworks.import.unchanged', {
              name: localized(result.library.name, locale).text,
              version: result.library.version,
            })}{' '}
            <AppLink to={`/frameworks/${encodeURIComponent(result.library.id)}`}>{t('frameworks.import.open')}</AppLink>
          </Alert>
        ) : null}
      </div>
      {error ? (
        <Alert data-color="danger" role="alert">
          <Paragraph>{t(errorMessageKey(error))}</Paragraph>
          {error.details.length > 0 ? (
            <>
              <Paragraph data-size="sm">{t('frameworks.import.problems', { count: error.details.length })}</Paragraph>
              <ListUnordered data-size="sm">
                {error.details.map((d, i) => (
                  <ListItem key={i}>
                    <code>{[d.place, d.field].filter(Boolean).join(' ')}</code>: <span lang="en">{d.message}</span>
                  </ListItem>
                ))}
              </ListUnordered>
            </>
          ) : null}
        </Alert>
      ) : null}
    </form>
  );
}
