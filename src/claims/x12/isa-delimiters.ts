import { parseFailed } from '../../errors/codecard-error.ts';

export interface Delimiters {
  element: string;
  component: string;
  segment: string;
}

/** The ISA segment is fixed width: 106 characters including its terminator. */
const ISA_LENGTH = 106;

/**
 * The ISA is the one fixed-width segment, which is what makes the delimiters discoverable: the
 * element separator is character 4, the component separator ISA16 is character 105 and the
 * segment terminator follows it.
 */
export function readDelimiters(text: string, source: string): Delimiters {
  const at = ' segment 1 (ISA)';
  if (!text.startsWith('ISA'))
    throw parseFailed(
      source,
      'not an X12 file: it does not start with an ISA segment',
      ' segment 1',
    );
  if (text.length < ISA_LENGTH)
    throw parseFailed(
      source,
      `the ISA segment is truncated (${text.length} of ${ISA_LENGTH} characters)`,
      at,
    );
  const element = text.charAt(3);
  const component = text.charAt(104);
  const segment = text.charAt(105);
  const elements = text.slice(0, 105).split(element);
  const separators = new Set([element, component, segment]);
  if (/[A-Za-z0-9 ]/.test(element + component + segment) || separators.size !== 3) {
    throw parseFailed(
      source,
      'the ISA segment does not have three distinct delimiter characters (it is not 106 characters long)',
      at,
    );
  }
  if (elements.length !== 17) {
    throw parseFailed(
      source,
      `the ISA segment has ${elements.length - 1} elements instead of 16 (it must be fixed width)`,
      at,
    );
  }
  return { element, component, segment };
}
