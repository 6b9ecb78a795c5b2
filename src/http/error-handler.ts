import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { CodecardError } from '../errors/codecard-error.ts';

/** The one JSON error shape: `{error: {code, message}}`, status from the error catalog. */
export function handleError(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  if (error instanceof CodecardError) {
    return reply.status(error.status).send({ error: { code: error.code, message: error.message } });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const detail = error.validation
      .map((v) => `${v.instancePath || 'input'}: ${v.message}`)
      .join('; ');
    return reply.status(400).send({ error: { code: 'BAD_INPUT', message: detail } });
  }
  const status =
    'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status < 500) {
    return reply.status(status).send({ error: { code: 'BAD_INPUT', message: error.message } });
  }
  request.log.error(error);
  return reply
    .status(500)
    .send({ error: { code: 'INTERNAL', message: 'internal error; see the server log' } });
}
