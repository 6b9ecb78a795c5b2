import { parseFailed } from '../../errors/codecard-error.ts';
import type { Fail } from '../claim-fields.ts';
import type { Delimiters } from './isa-delimiters.ts';

/** An X12 segment split into elements; `position` is its 1-based index in the file (ISA = 1). */
export interface Segment {
  id: string;
  elements: string[];
  position: number;
}

/** One segment as a reader sees it: its trimmed elements, their components, and a located failure. */
export interface SegmentFields {
  readonly segment: Segment;
  readonly fail: Fail;
  readonly element: (n: number) => string;
  readonly components: (n: number) => string[];
}

export function splitSegments(text: string, delimiters: Delimiters, source: string): Segment[] {
  const segments: Segment[] = [];
  for (const raw of text.split(delimiters.segment)) {
    // Many writers put a line break after each terminator; it is not part of the next segment.
    const body = raw.replace(/^[\r\n]+|[\r\n]+$/g, '');
    if (body.trim() === '') continue;
    const elements = body.split(delimiters.element);
    const id = elements[0] ?? '';
    const position = segments.length + 1;
    if (!/^[A-Z][A-Z0-9]{1,2}$/.test(id)) {
      throw parseFailed(
        source,
        `unknown segment structure: ${JSON.stringify(body.slice(0, 20))} does not start with a segment id`,
        ` segment ${position}`,
      );
    }
    segments.push({ id, elements, position });
  }
  return segments;
}

/** Where a segment is, as error messages and claim lines name it: "segment 27 (SV1)". */
export function segmentLocation(segment: Segment): string {
  return `segment ${segment.position} (${segment.id})`;
}

export function fieldsOf(segment: Segment, delimiters: Delimiters, source: string): SegmentFields {
  const at = ` ${segmentLocation(segment)}`;
  const element = (n: number): string => (segment.elements[n] ?? '').trim();
  return {
    segment,
    fail: (problem) => {
      throw parseFailed(source, problem, at);
    },
    element,
    components: (n) => element(n).split(delimiters.component),
  };
}
