import { useState } from 'react';
import { postJson } from '../../api/client.ts';
import { messageOf } from '../../api/use-api.ts';
import { useT } from '../../i18n/locale-context.tsx';

/**
 * The product's note that case-specific answers need EHR integration, with a button that asks
 * the organization's admins for it (`POST /api/ehr/access-requests`); once asked, it says so.
 */
export function RequestAccess({
  requested,
  headingLevel = 2,
}: {
  requested: boolean;
  headingLevel?: 1 | 2;
}) {
  const t = useT();
  const [state, setState] = useState<'idle' | 'busy' | 'done'>(requested ? 'done' : 'idle');
  const [failure, setFailure] = useState('');
  const Heading = headingLevel === 1 ? 'h1' : 'h2';

  const request = async () => {
    setState('busy');
    setFailure('');
    try {
      await postJson('/api/ehr/access-requests', { note: '' });
      setState('done');
    } catch (error) {
      setFailure(t('common.error', { message: messageOf(error) }));
      setState('idle');
    }
  };

  return (
    <section className="ehr-note ehr-gate" aria-labelledby="ehr-gate-title">
      <Heading id="ehr-gate-title">{t('ehr.gate.title')}</Heading>
      <p>{t('ehr.gate.text')}</p>
      {state === 'done' ? (
        <p className="ehr-requested" role="status">
          <button type="button" className="secondary" disabled>
            {t('ehr.gate.requested')}
          </button>{' '}
          <span>{t('ehr.gate.requestedText')}</span>
        </p>
      ) : (
        <p>
          <button type="button" disabled={state === 'busy'} onClick={() => void request()}>
            {t('ehr.gate.request')}
          </button>
        </p>
      )}
      {failure && <p role="alert">{failure}</p>}
    </section>
  );
}
