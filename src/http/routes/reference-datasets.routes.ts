import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contracts/errors.ts';
import {
  referenceChoiceSchema,
  referenceDatasetParamsSchema,
  referenceDatasetSchema,
  referenceDatasetsSchema,
} from '../../contracts/library.ts';
import {
  chooseReferenceDataset,
  referenceChoices,
} from '../../library/reference-choice.service.ts';
import { access } from '../access/request-access.ts';
import { auditRequest } from '../access/audit-request.ts';

/** Which instance-wide reference datasets the organization uses: its admins choose. */
export function referenceDatasetRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/admin/reference-datasets',
    {
      ...access('admin'),
      schema: {
        tags: ['admin'],
        summary: 'The reference datasets and whether this organization uses each (and why not)',
        response: { 200: referenceDatasetsSchema, ...errorResponses },
      },
    },
    async (request) => ({ datasets: await referenceChoices(request.ctx) }),
  );
  r.put(
    '/api/admin/reference-datasets/:key',
    {
      ...access('admin'),
      schema: {
        tags: ['admin'],
        summary: 'Use a reference dataset or turn it off for this organization',
        params: referenceDatasetParamsSchema,
        body: referenceChoiceSchema,
        response: { 200: referenceDatasetSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { key } = request.params;
      const choice = await chooseReferenceDataset(request.ctx, key, request.body.use);
      await auditRequest(request.ctx.db, request, 'reference.choose', 'ok', {
        type: 'dataset',
        id: `${key}:${request.body.use ? 'on' : 'off'}`,
      });
      return choice;
    },
  );
}
