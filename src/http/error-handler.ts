import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { dbFaultError } from '../db/db-fault.ts';
import { CodecardError } from '../errors/codecard-error.ts';

/** The one JSON error shape: `{error: {code, message}}`, status from the error catalog. */
export function handleError(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  if (error instanceof CodecardError) return sendCodecardError(error, reply);
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
  // A database that cannot be reached (a restart, an outage) is a 503 to retry, not a 500; a
  // full disk is DISK_FULL.
  const fault = dbFaultError(error, request.url.split('?')[0]);
  if (fault) {
    request.log.warn(`${fault.code}: ${fault.message}`);
    return sendCodecardError(fault, reply);
  }
  request.log.error(error);
  return reply
    .status(500)
    .send({ error: { code: 'INTERNAL', message: 'internal error; see the server log' } });
}

function sendCodecardError(error: CodecardError, reply: FastifyReply) {
  if (error.code === 'DATABASE_UNAVAILABLE') reply.header('retry-after', error.params.seconds);
  const details = error.details ? { details: error.details } : {};
  return reply
    .status(error.status)
    .send({ error: { code: error.code, message: error.message, ...details } });
}
