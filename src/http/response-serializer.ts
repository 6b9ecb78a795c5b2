import { isDeepStrictEqual } from 'node:util';
import type { FastifySerializerCompiler } from 'fastify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';

/** A reply with fields its contract does not describe: the contract has fallen behind. */
export class ResponseContractError extends Error {
  readonly statusCode = 500;
}

/**
 * Serializes replies. In production a reply is written as it is (JSON.stringify, exactly what
 * Fastify writes for a route without a response schema), so the contracts cost nothing on large
 * payloads such as cards. With `validate` (the tests), each reply is parsed by its route's
 * contract as a client reads it, and a reply with a field the contract lacks is refused too:
 * either way the request answers 500 and the test that made it fails.
 */
export function responseSerializer(validate: boolean): FastifySerializerCompiler<ZodType> {
  return ({ schema, method, url }) => {
    if (!validate) return (data) => JSON.stringify(data);
    return (data) => {
      const text = JSON.stringify(data);
      const wire: unknown = JSON.parse(text);
      const parsed = schema.safeParse(wire);
      if (!parsed.success) {
        throw new ResponseSerializationError(method, url, { cause: parsed.error });
      }
      const kept: unknown = JSON.parse(JSON.stringify(parsed.data));
      if (!isDeepStrictEqual(kept, wire)) {
        throw new ResponseContractError(
          `${method} ${url}: the reply has fields its contract does not describe (${firstExtra(wire, kept, '')})`,
        );
      }
      return text;
    };
  };
}

/** The path of the first field the contract dropped, for the test's failure message. */
function firstExtra(wire: unknown, kept: unknown, path: string): string {
  if (typeof wire !== 'object' || wire === null || typeof kept !== 'object' || kept === null) {
    return path || '(root)';
  }
  for (const [key, value] of Object.entries(wire)) {
    if (!(key in kept)) return `${path}/${key}`;
    const inner = (kept as Record<string, unknown>)[key];
    if (!isDeepStrictEqual(value, inner)) return firstExtra(value, inner, `${path}/${key}`);
  }
  return path || '(root)';
}
