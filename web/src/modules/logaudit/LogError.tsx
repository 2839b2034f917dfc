/** An API error from log review, in the reader's language. */
import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useLogT } from './use-log-t.js';

export function LogError({ error }: { error: unknown }) {
  const { t, errorText } = useLogT();
  return (
    <Alert data-color="danger" className="error-alert">
      <Heading level={2} data-size="xs">
        {t('error.heading')}
      </Heading>
      <Paragraph>{errorText(error)}</Paragraph>
    </Alert>
  );
}
