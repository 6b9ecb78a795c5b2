import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AccessContext } from '../../access/access-context.ts';
import { cardParamsSchema } from '../../contracts/cards.ts';
import { caseAnswerSchema, caseCodeQuerySchema, ehrCaseSchema } from '../../contracts/ehr.ts';
import { normalizeCode } from '../../domain/code-shape.ts';
import { errorResponses } from '../../contracts/errors.ts';
import { caseAnswer } from '../../ehr/case-answer.ts';
import { checkCase } from '../../ehr/case-check.ts';
import type { EhrSeal } from '../../ehr/ehr-seal.ts';
import { readingContext } from '../../rules/library-version-reader.ts';
import { access } from '../access/request-access.ts';
import { readRequestCase } from './case-request.ts';

/**
 * GET /api/ehr/case: the encounter of the caller's case token (`X-Codecard-Case`), read from the
 * EHR now (nothing kept) and checked. GET /api/ehr/case/codes/:system/:code: one code "for this patient"
 * (the card page's section), kept apart from the card route so the shared, cached card never
 * holds case data. Gated: 403 EHR_NOT_CONNECTED without the organization's connection;
 * 401 EHR_CASE_REQUIRED for a missing, expired or someone else's case token.
 */
export function ehrCaseRoutes(app: FastifyInstance, accessCtx: AccessContext, seal: EhrSeal): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/ehr/case',
    {
      ...access('viewer'),
      schema: {
        tags: ['ehr'],
        summary: 'The open EHR case (X-Codecard-Case) with its claim check',
        querystring: caseCodeQuerySchema,
        response: { 200: ehrCaseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const resources = await readRequestCase(accessCtx, seal, request);
      // Reference data from the read replica when it is current, as the claim check reads it.
      // Findings and skip reasons in the reader's language (?lang=, default English).
      return checkCase(await readingContext(request.ctx), resources, {
        lang: request.query.lang ?? 'en',
      });
    },
  );
  r.get(
    '/api/ehr/case/codes/:system/:code',
    {
      ...access('viewer'),
      schema: {
        tags: ['ehr'],
        summary: 'One code for the open EHR case (X-Codecard-Case): chart and library facts',
        params: cardParamsSchema,
        querystring: caseCodeQuerySchema,
        response: { 200: caseAnswerSchema, ...errorResponses },
      },
    },
    async (request) => {
      const resources = await readRequestCase(accessCtx, seal, request);
      const code = normalizeCode(request.params.system, request.params.code);
      return caseAnswer(
        await readingContext(request.ctx),
        resources,
        [code],
        request.query.lang ?? 'en',
      );
    },
  );
}
