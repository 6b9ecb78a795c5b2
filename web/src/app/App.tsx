import { useEffect, useRef } from 'react';
import { lazyPage } from './lazy-page.tsx';
import { useT } from '../i18n/locale-context.tsx';
import { matchPath, useLocation } from './router.tsx';
import { TopBar } from './TopBar.tsx';

// Every page is its own chunk: the first load carries the shell and the page it opens.
const AskPage = lazyPage(() => import('../pages/ask/AskPage.tsx').then((m) => m.AskPage));
const CardPage = lazyPage(() => import('../pages/card/CardPage.tsx').then((m) => m.CardPage));
const SourcePage = lazyPage(() =>
  import('../pages/source/SourcePage.tsx').then((m) => m.SourcePage),
);
const CheckPage = lazyPage(() => import('../pages/check/CheckPage.tsx').then((m) => m.CheckPage));
const LibraryPage = lazyPage(() =>
  import('../pages/library/LibraryPage.tsx').then((m) => m.LibraryPage),
);
const DocumentPage = lazyPage(() =>
  import('../pages/library/DocumentPage.tsx').then((m) => m.DocumentPage),
);
const PerformancePage = lazyPage(() =>
  import('../pages/performance/PerformancePage.tsx').then((m) => m.PerformancePage),
);

function Page() {
  const { path } = useLocation();
  const t = useT();
  let params: Record<string, string> | null;
  if (path === '/' || matchPath('/threads/:id', path)) return <AskPage />;
  if ((params = matchPath('/codes/:system/:code', path)))
    return <CardPage system={params.system!} code={params.code!} />;
  if ((params = matchPath('/sources/:documentId', path)))
    return <SourcePage documentId={Number(params.documentId)} />;
  if (path === '/check') return <CheckPage />;
  if (path === '/library') return <LibraryPage />;
  if ((params = matchPath('/library/:id', path))) return <DocumentPage id={Number(params.id)} />;
  if (path === '/performance') return <PerformancePage />;
  return <p role="alert">{t('shell.notFound')}</p>;
}

export function App() {
  const t = useT();
  const { path } = useLocation();
  const main = useRef<HTMLElement>(null);
  // A new page moves keyboard and screen-reader focus to its content.
  useEffect(() => main.current?.focus({ preventScroll: true }), [path]);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <TopBar />
      <main id="main" ref={main} tabIndex={-1}>
        <Page />
      </main>
    </>
  );
}
