import { useEffect, useRef } from 'react';
import { hasEhrSession } from '../api/ehr-session.ts';
import { LoadError } from '../components/LoadError.tsx';
import { useT } from '../i18n/locale-context.tsx';
import { lazyPage } from './lazy-page.tsx';
import { Page } from './Page.tsx';
import { navigate, useLocation } from './router.tsx';
import { SessionProvider, useSession } from './session/session-context.tsx';
import { signInPath } from './session/sign-in-path.ts';
import { StarterLibraryBanner } from './StarterLibraryBanner.tsx';
import { TopBar } from './TopBar.tsx';

const SignInPage = lazyPage(() =>
  import('../pages/sign-in/SignInPage.tsx').then((m) => m.SignInPage),
);
const SetupPage = lazyPage(() => import('../pages/setup/SetupPage.tsx').then((m) => m.SetupPage));
const EhrSessionEnded = lazyPage(() =>
  import('../pages/ehr/EhrSessionEnded.tsx').then((m) => m.EhrSessionEnded),
);
const SetupRequiredPage = lazyPage(() =>
  import('../pages/setup/SetupRequiredPage.tsx').then((m) => m.SetupRequiredPage),
);

/** The pages anyone may open: signing in and redeeming an invite (or the setup link). */
function publicPage(path: string) {
  if (path === '/sign-in') return <SignInPage />;
  if (path === '/setup') return <SetupPage />;
  return null;
}

/** The page for the address, once the server has said who is signed in. */
function Content() {
  const t = useT();
  const { path, query } = useLocation();
  const session = useSession();
  const { state } = session;
  // Opened from a chart and its session is over: back to the chart, not to a sign-in page.
  const ehrEnded = state.status === 'signed-out' && hasEhrSession();
  const open = ehrEnded ? <EhrSessionEnded /> : publicPage(path);

  useEffect(() => {
    if (open || state.status !== 'signed-out') return;
    // Back to the same address after signing in (not after signing out on purpose).
    const here = `${path}${query.size ? `?${query.toString()}` : ''}`;
    navigate(signInPath(state.ended === 'signed-out' ? '/' : here, state.ended), {
      replace: true,
    });
  }, [open, state, path, query]);

  if (open) return open;
  if (state.status === 'signed-in') return <Page role={state.me.org.role} />;
  if (state.status === 'setup-required') return <SetupRequiredPage />;
  if (state.status === 'error')
    return <LoadError message={state.message} onRetry={session.reload} />;
  return <p aria-busy="true">{t('shell.loading')}</p>;
}

export function App() {
  const t = useT();
  const { path } = useLocation();
  const main = useRef<HTMLElement>(null);
  // A new page moves keyboard and screen-reader focus to its content.
  useEffect(() => main.current?.focus({ preventScroll: true }), [path]);
  return (
    <SessionProvider>
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <TopBar />
      <StarterLibraryBanner />
      <main id="main" ref={main} tabIndex={-1}>
        <Content />
      </main>
    </SessionProvider>
  );
}
