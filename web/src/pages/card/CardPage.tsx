import { useEffect, useState } from 'react';
import type { Card } from '../../../../src/contracts/cards.ts';
import { useApi } from '../../api/use-api.ts';
import { navigate, useLocation } from '../../app/router.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useLocale } from '../../i18n/locale-context.tsx';
import { hasEhrCase } from '../../api/ehr-session.ts';
import { CardCaseSection } from '../ehr/CardCaseSection.tsx';
import { CardForCase } from '../ehr/CardForCase.tsx';
import { CardControls } from './CardControls.tsx';
import { CardNotFound, cardNotFoundDetails } from './CardNotFound.tsx';
import { CardView } from './CardView.tsx';
import { isoDate } from './card-layout.ts';
import './card.css';

/** The card's API address for the page's parameters (an unusable date is left to the default). */
function cardPath(
  system: string,
  code: string,
  dos: string,
  setting: string,
  lang: string,
  locality: string,
) {
  const params = new URLSearchParams();
  if (isoDate.test(dos)) params.set('dos', dos);
  if (setting) params.set('setting', setting);
  params.set('lang', lang);
  if (locality.trim()) params.set('locality', locality.trim());
  return `/api/cards/${encodeURIComponent(system)}/${encodeURIComponent(code)}?${params.toString()}`;
}

/** The document's title is the card's while it is shown. */
function useDocumentTitle(title: string | undefined) {
  useEffect(() => {
    if (title === undefined) return;
    const previous = document.title;
    document.title = title;
    return () => {
      document.title = previous;
    };
  }, [title]);
}

/** The code card: every section cited with footnotes, for a date of service, setting, language. */
export function CardPage({ system, code }: { system: string; code: string }) {
  const { t, locale } = useLocale();
  const { path, query } = useLocation();
  const dos = query.get('dos') ?? '';
  const setting = query.get('setting') ?? '';
  const lang = query.get('lang') ?? locale;
  const locality = query.get('locality') ?? '';
  const [announcement, setAnnouncement] = useState('');
  // The card reloads for its own parameters only; the previous card stays while it does.
  const load = useApi<Card>(cardPath(system, code, dos, setting, lang, locality), {
    onSuccess: (loaded) => setAnnouncement(t('card.loaded', { title: loaded.title })),
    onError: () => setAnnouncement(''),
  });
  const card = load.data;
  // A code the library does not know is a state of the card, not a failure to retry.
  const notFound = cardNotFoundDetails(load.error);
  useDocumentTitle(card?.title);

  /** Changes one parameter in the address (replacing it: the back button leaves the card). */
  const update = (name: string, value: string) => {
    const next = new URLSearchParams(query);
    if (value) next.set(name, value);
    else next.delete(name);
    const search = next.toString();
    navigate(`${path}${search ? `?${search}` : ''}`, { replace: true });
  };

  return (
    <div className="card-page" aria-busy={load.loading}>
      <CardControls
        dos={dos || card?.dos || ''}
        setting={setting || card?.setting || 'practitioner'}
        lang={lang}
        locality={locality}
        onChange={update}
      />
      {load.loading && (
        <p className="muted no-print">{card ? t('card.updating') : t('card.loading')}</p>
      )}
      {load.error && notFound && (
        <CardNotFound
          message={load.error.message}
          details={notFound}
          setting={setting}
          lang={lang}
        />
      )}
      {load.error && !notFound && (
        <>
          <h1>{t('card.fallbackTitle', { system: system.toUpperCase(), code })}</h1>
          <LoadError message={load.error.message} onRetry={load.reload} />
        </>
      )}
      {/* With an open EHR case: the code for this patient under the card's title, then the card. */}
      {card && (
        <CardView
          card={card}
          afterHeader={
            hasEhrCase() ? <CardForCase system={system} code={card.code} lang={lang} /> : undefined
          }
        />
      )}
      {/* Once the card is shown: the case-specific place (the note where EHR access is off). */}
      {card && !hasEhrCase() && <CardCaseSection />}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </div>
  );
}
