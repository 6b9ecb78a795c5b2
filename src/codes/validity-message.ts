import type { CodeValidity } from '../domain/code-validity.ts';
import type { LocaleCode } from '../domain/locale.ts';
import { t } from '../i18n/translate.ts';
import { listed } from '../rules/listed.ts';
import { datasetName } from './system-names.ts';

/** What a validity message needs, whichever reader (index or SQL) produced the verdict. */
export interface ValidityFacts {
  kind: CodeValidity<unknown>['kind'];
  code: string;
  system: string;
  dos: string;
  /** The release the verdict rests on (its row's, the last one listing the code, or the stale one). */
  release: string | null;
  /** The stated end (ended) or start (not yet). */
  date: string | null;
  replacements: readonly string[];
  /** The release in force when it is older than the date calls for. */
  stale: { release: string | null } | null;
}

/**
 * The one sentence that states a verdict, used by the claim check, the card and Ask so they
 * say the same thing. A header's replacements and a stale release get their own sentences
 * (`replacementText`, `staleText`).
 */
export function validityText(lang: LocaleCode, facts: ValidityFacts): string {
  const { code, dos: date } = facts;
  const system = datasetName(facts.system);
  const release = facts.release ?? '?';
  switch (facts.kind) {
    case 'valid':
      return facts.system === 'icd10cm'
        ? t(lang, 'validity.billable', { code, date, release, system })
        : t(lang, 'validity.valid', { code, date, release, system });
    case 'not-billable':
      return t(lang, 'validity.header', { code, date, release, system });
    case 'ended':
      return t(lang, 'validity.ended', { code, date, release, system, end: facts.date ?? '?' });
    case 'not-yet':
      return facts.date === null
        ? t(lang, 'validity.firstListed', { code, date, release, system })
        : t(lang, 'validity.notYet', { code, date, release, system, start: facts.date });
    case 'not-in-library':
      return facts.release === null
        ? t(lang, 'validity.notInLibrary', { code, date, system })
        : t(lang, 'validity.lastSeen', { code, date, system, release });
    case 'no-release-for-date':
      return t(lang, 'validity.noRelease', { system, date });
    case 'stale-unknown':
      return t(lang, 'validity.staleUnknown', {
        code,
        date,
        system,
        release: facts.stale?.release ?? release,
      });
  }
}

/** "The billable codes under M54.5: M54.50, M54.51, M54.59." or null without any. */
export function replacementText(lang: LocaleCode, facts: ValidityFacts): string | null {
  if (facts.replacements.length === 0) return null;
  return t(lang, 'validity.codesUnder', {
    code: facts.code,
    codes: listed(facts.replacements),
    count: facts.replacements.length,
  });
}

/** The staleness warning for a code found valid in a release older than the date calls for. */
export function staleText(lang: LocaleCode, facts: ValidityFacts): string | null {
  if (facts.kind !== 'valid' || facts.stale === null) return null;
  return t(lang, 'validity.stale', {
    system: datasetName(facts.system),
    release: facts.stale.release ?? '?',
    date: facts.dos,
  });
}
