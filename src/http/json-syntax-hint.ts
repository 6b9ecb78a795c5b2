import { CodecardError } from '../errors/codecard-error.ts';

/**
 * Numbers JSON does not have (`NaN`, `Infinity`, `+1`, `.5`, `007`) are the usual reason a
 * hand-written claim body fails to parse, and the parser's own message names neither the field
 * nor the value; this names the first such field.
 */
const nonJsonNumber =
  /"((?:[^"\\]|\\.){1,64})"\s*:\s*(-?NaN|[+-]?Infinity|undefined|[+]\d[\d.eE+-]*|-?\.\d+|-?0\d+)/;

export function invalidJsonBody(text: string, parserMessage: string): CodecardError {
  const match = nonJsonNumber.exec(text);
  const detail = match
    ? `request body: "${match[1]}" is ${match[2]}, which is not a JSON number (write a finite decimal number such as 1)`
    : `request body is not valid JSON (${parserMessage.slice(0, 200)})`;
  return new CodecardError('BAD_INPUT', { detail });
}
