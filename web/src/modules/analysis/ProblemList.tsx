/** An API error from a form: the translated message, and each problem with the field it concerns. */
import { Alert, ListItem, ListUnordered, Paragraph } from '@digdir/designsystemet-react';
import { ApiError } from '../../api/client.js';
import { errorMessageKey } from '../../api/error-text.js';
import { useI18n } from '../../i18n/i18n.js';

export function ProblemList({ error }: { error: unknown }) {
  const { t } = useI18n();
  const details = error instanceof ApiError ? error.details : [];
  return (
    <Alert data-color="danger" role="alert">
      <Paragraph>{t(errorMessageKey(error))}</Paragraph>
      {details.length > 0 ? (
        <ListUnordered data-size="sm">
          {details.map((d, i) => (
            <ListItem key={i}>
              <code>{[d.place, d.field].filter(Boolean).join(' ')}</code>: <span lang="en">{d.message}</span>
            </ListItem>
          ))}
        </ListUnordered>
      ) : null}
    </Alert>
  );
}
