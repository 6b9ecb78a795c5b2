import type { FastifyRequest } from 'fastify';
import type { AccessContext } from '../../access/access-context.ts';
import type { AskCase } from '../../ask/ask-types.ts';
import { CodecardError } from '../../errors/codecard-error.ts';
import { caseAnswer } from '../../ehr/case-answer.ts';
import { caseFromFhir } from '../../ehr/case-from-fhir.ts';
import type { EhrSeal } from '../../ehr/ehr-seal.ts';
import { readingContext } from '../../rules/library-version-reader.ts';
import { hasCaseHeader, readRequestCase } from './case-request.ts';

/**
 * The open EHR case an Ask request is answered for: none without `X-Codecard-Case`; with it, the
 * case read as GET /api/ehr/case reads it (refused the same way), its date and setting, and its
 * answer for the asked codes (caseAnswer over the reading library).
 */
export async function askCaseOf(
  accessCtx: AccessContext,
  seal: EhrSeal,
  request: FastifyRequest,
): Promise<AskCase | undefined> {
  if (!hasCaseHeader(request)) return undefined;
  const resources = await readRequestCase(accessCtx, seal, request);
  const fhirCase = caseFromFhir(resources, { lang: 'en' });
  const { dateOfService, setting } = fhirCase;
  if (dateOfService === null)
    throw new CodecardError('EHR_CASE_NO_DATE', { encounter: fhirCase.encounterId || '(none)' });
  return {
    dateOfService,
    setting,
    answer: async (codes, lang) =>
      caseAnswer(await readingContext(request.ctx), resources, codes, lang),
  };
}
