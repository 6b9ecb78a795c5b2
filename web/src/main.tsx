import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import './styles/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { Router } from './app/router.tsx';
import { LocaleProvider } from './i18n/locale-context.tsx';
import { startTheme } from './app/theme.ts';
import { adoptEhrSessionFromUrl } from './api/ehr-session.ts';

startTheme();
// Before the first request: a SMART launch hands its tokens in the address's fragment.
adoptEhrSessionFromUrl();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LocaleProvider>
      <Router>
        <App />
      </Router>
    </LocaleProvider>
  </StrictMode>,
);
