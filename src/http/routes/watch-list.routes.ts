import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contracts/errors.ts';
import {
  watchChangeSchema,
  watchListChangesQuerySchema,
  watchListChangesSchema,
  watchedCodeParamsSchema,
  watchListQuerySchema,
  watchListSchema,
} from '../../contracts/watch-list.ts';
import { watchedCodeOf } from '../../domain/watched-code.ts';
import { CodecardError } from '../../errors/codecard-error.ts';
import { addWatchedCodes, removeWatchedCodes, watchList } from '../../performance/watch-list.ts';
import { watchListChanges } from '../../performance/watch-list-changes.ts';
import { auditRequest } from '../access/audit-request.ts';
import { access } from '../access/request-access.ts';

/**
 * The organization's watch list. Coders read it (they bill the codes whose changes it shows);
 * only admins change it, like the organization's other settings, since it decides what the
 * whole organization is told about after a sync.
 */
export function watchListRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['watch-list'];
  r.get(
    '/api/watch-list',
    {
      ...access('coder'),
      schema: {
        tags,
        summary: 'Codes the organization chose plus the procedure codes its checks have seen',
        querystring: watchListQuerySchema,
        response: { 200: watchListSchema, ...errorResponses },
      },
    },
    async (request) => ({ codes: await watchList(request.ctx, { days: request.query.days }) }),
  );
  r.get(
    '/api/watch-list/changes',
    {
      ...access('coder'),
      schema: {
        tags,
        summary: "What each dataset's newest release changed for the watch list's codes",
        querystring: watchListChangesQuerySchema,
        response: { 200: watchListChangesSchema, ...errorResponses },
      },
    },
    async (request) => watchListChanges(request.ctx, request.query.lang ?? 'en'),
  );
  r.put(
    '/api/watch-list/codes/:code',
    {
      ...access('admin'),
      schema: {
        tags,
        summary: 'Watch a code (CPT, HCPCS or ICD-10-CM); watching it again changes nothing',
        params: watchedCodeParamsSchema,
        response: { 200: watchChangeSchema, ...errorResponses },
      },
    },
    async (request) => {
      const shape = watchedCodeOf(request.params.code)!;
      const { changed } = await addWatchedCodes(
        request.ctx,
        [shape.code],
        request.principal?.userId ?? null,
      );
      await auditRequest(request.ctx.db, request, 'watch-list.add', 'ok', {
        type: 'code',
        id: shape.code,
      });
      return { ...shape, changed: changed.length > 0 };
    },
  );
  r.delete(
    '/api/watch-list/codes/:code',
    {
      ...access('admin'),
      schema: {
        tags,
        summary: 'Stop watching a chosen code (404 when the organization did not choose it)',
        params: watchedCodeParamsSchema,
        response: { 200: watchChangeSchema, ...errorResponses },
      },
    },
    async (request) => {
      const shape = watchedCodeOf(request.params.code)!;
      const { changed } = await removeWatchedCodes(request.ctx, [shape.code]);
      if (changed.length === 0)
        throw new CodecardError('NOT_FOUND', { detail: `${shape.code} is not on the watch list` });
      await auditRequest(request.ctx.db, request, 'watch-list.remove', 'ok', {
        type: 'code',
        id: shape.code,
      });
      return { ...shape, changed: true };
    },
  );
}
