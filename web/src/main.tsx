/** Entry point: Designsystemet's styles and theme, then our own, then the app inside the i18n provider. */
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-css/theme';
import './styles/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { I18nProvider } from './i18n/i18n.js';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);
