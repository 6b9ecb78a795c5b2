import { useEffect, useState } from 'react';
import type { Ready } from '../../../src/contracts/health.ts';
import { useT } from '../i18n/locale-context.tsx';

type Status = Ready['starterLibrary'];

/** How often the banner asks again while the starter library is loading. */
const POLL_MS = 1500;

/**
 * On a first start the server listens before its starter library is in and imports it in the
 * background (/health/ready says how far): while it does, a banner says so, with the count, and
 * goes away when the last document is in. Pages meanwhile show what is already there.
 */
export function StarterLibraryBanner() {
  const t = useT();
  const status = useStarterLibraryStatus();
  if (status?.state !== 'loading' || status.total === 0) return null;
  return (
    <div className="notice starter-library" role="status">
      {t('shell.starterLibrary', { done: status.done, total: status.total })}
    </div>
  );
}

function useStarterLibraryStatus(): Status | null {
  const [status, setStatus] = useState<Status | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const look = async () => {
      try {
        const response = await fetch('/health/ready', { cache: 'no-store' });
        const next = response.ok ? ((await response.json()) as Ready).starterLibrary : null;
        if (stopped || !next) return;
        setStatus(next);
        if (next.state === 'loading') timer = setTimeout(() => void look(), POLL_MS);
      } catch {
        // No readiness answer (the dev server, or a server gone): no banner.
      }
    };
    void look();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);
  return status;
}
