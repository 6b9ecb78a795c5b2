import { useEffect, useState, type ComponentType } from 'react';
import { useT } from '../i18n/locale-context.tsx';

/**
 * A page in its own chunk, loaded on first use. Not React.lazy: a Suspense boundary reveals
 * its content on a ~300 ms throttle, which would hold every first page load (and the page's
 * own data request, made once it mounts) that long. Here the page renders as soon as its
 * chunk arrives.
 */
export function lazyPage<P extends object>(
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  return function LazyPage(props: P) {
    const t = useT();
    const [Page, setPage] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (Page) return;
      let current = true;
      loading ??= load().then((component) => (loaded = component));
      void loading.then((component) => {
        if (current) setPage(() => component);
      });
      return () => {
        current = false;
      };
    }, [Page]);
    return Page ? <Page {...props} /> : <p aria-busy="true">{t('shell.loading')}</p>;
  };
}
