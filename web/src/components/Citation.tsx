import type { ReactNode } from 'react';
import { Link } from '../app/router.tsx';
import { useT } from '../i18n/locale-context.tsx';
import { formatLocator, sourceHref, type CitationData } from './citations.ts';
import './components.css';

/** The citation's words: document title, version and place ("Guide · version v32.0 · line 16"). */
export function CitationLabel({ citation }: { citation: CitationData }) {
  const t = useT();
  return (
    <>
      <cite className="citation-title" dir="auto">
        {citation.title}
      </cite>
      {citation.version && (
        <span className="citation-meta">
          {' · '}
          {t('citation.version', { version: citation.version })}
        </span>
      )}
      <span className="citation-meta">
        {' · '}
        {formatLocator(citation.locator, t, citation.title)}
      </span>
    </>
  );
}

/** A link that opens the cited place in the source viewer. */
export function Citation({
  citation,
  children,
  className,
}: {
  citation: CitationData;
  children?: ReactNode;
  className?: string;
}) {
  return (
    <Link href={sourceHref(citation)} className={className ? `citation ${className}` : 'citation'}>
      {children ?? <CitationLabel citation={citation} />}
    </Link>
  );
}
