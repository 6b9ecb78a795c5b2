import { lazy, Suspense, useEffect, useRef } from 'react';
import { useT } from '../i18n/locale-context.tsx';
import { matchPath, useLocation } from './router.tsx';
import { TopBar } from './TopBar.tsx';

// Every page is its own chunk: the first load carries the shell and the page it opens.
const AskPage = lazy(() =>
  import('../pages/ask/AskPage.tsx').then((m) => ({ default: m.AskPage })),
);
const CardPage = lazy(() =>
  import('../pages/card/CardPage.tsx').then((m) => ({ default: m.CardPage })),
);
const SourcePage = lazy(() =>
  import('../pages/source/SourcePage.tsx').then((m) => ({ default: m.SourcePage })),
);
const CheckPage = lazy(() =>
  import('../pages/check/CheckPage.tsx').then((m) => ({ default: m.CheckPage })),
);
const LibraryPage = lazy(() =>
  import('../pages/library/LibraryPage.tsx').then((m) => ({ default: m.LibraryPage })),
);
const DocumentPage = lazy(() =>
  import('../pages/library/DocumentPage.tsx').then((m) => ({ default: m.DocumentPage })),
);
const PerformancePage = lazy(() =>
  import('../pages/performance/PerformancePage.tsx').then((m) => ({ default: m.PerformancePage })),
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
        <Suspense fallback={<p aria-busy="true">{t('shell.loading')}</p>}>
          <Page />
        </Suspense>
      </main>
    </>
  );
}
