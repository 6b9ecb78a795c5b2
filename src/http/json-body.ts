import type { FastifyInstance } from 'fastify';
import { jsonNestedDeeperThan, MAX_JSON_NESTING } from '../claims/json-nesting.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import { invalidJsonBody } from './json-syntax-hint.ts';

/**
 * JSON request bodies are refused when nested deeper than MAX_JSON_NESTING, before they are
 * parsed: validators, the proto-poisoning scan and JSON.stringify walk a body recursively, and a
 * body of a few hundred kilobytes of "[[[[" ran them out of stack (a 500). The scan is a loop;
 * the body is then parsed by Fastify's own parser (proto and constructor poisoning refused).
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (jsonNestedDeeperThan(text, MAX_JSON_NESTING)) {
      done(
        new CodecardError('BAD_INPUT', {
          detail: `request body: JSON nested deeper than ${MAX_JSON_NESTING} levels`,
        }),
        undefined,
      );
      return;
    }
    void parse(request, text, (error, value) => {
      if (error && (error as { code?: string }).code === 'FST_ERR_CTP_INVALID_JSON_BODY')
        done(invalidJsonBody(text, error.message), undefined);
      else done(error, value);
    });
  });
}
