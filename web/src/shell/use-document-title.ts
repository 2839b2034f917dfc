/** Every page has its own title ("Tiltak – Varde"), so tabs, history and screen readers say where you are. */
import { useEffect } from 'react';
import { useT } from '../i18n/i18n.js';

export function useDocumentTitle(title: string | undefined): void {
  const t = useT();
  useEffect(() => {
    document.title = title ? t('shell.documentTitle', { title }) : t('shell.appName');
  }, [title, t]);
}
