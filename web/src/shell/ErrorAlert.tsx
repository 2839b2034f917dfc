/** Shows an API error in the reader's language, by its code. */
import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { errorMessageKey } from '../api/error-text.js';
import { useT } from '../i18n/i18n.js';

export function ErrorAlert({ error, children }: { error: unknown; children?: ReactNode }) {
  const t = useT();
  return (
    <Alert data-color="danger" className="error-alert">
      <Heading level={2} data-size="xs">
        {t('error.heading')}
      </Heading>
      <Paragraph>{t(errorMessageKey(error))}</Paragraph>
      {children}
    </Alert>
  );
}
