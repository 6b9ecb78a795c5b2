import { parseFailed, where } from '../../../errors/codecard-error.ts';
import type { XmlAttributes } from '../../intake/safe-xml.ts';
import type { NoteType } from '../fact-record.ts';
import { finishCapture } from './captures.ts';
import { closeOwner } from './owner-records.ts';
import { openOwner, ownerName } from './owners.ts';
import { currentOwner, type CaptureTarget, type TabularReading } from './tabular-reading.ts';
import { clip } from './tabular-text.ts';

export const TABULAR_ROOT = 'ICD10CM.tabular';

const noteTypes: ReadonlySet<string> = new Set<NoteType>([
  'inclusionTerm',
  'includes',
  'excludes1',
  'excludes2',
  'codeFirst',
  'useAdditionalCode',
  'codeAlso',
  'notes',
  'sevenChrNote',
  'sevenChrDef',
]);

/**
 * A start tag: the root is checked, chapters, sections and diags become owners, note containers
 * are entered, and the elements whose text is wanted start a capture.
 */
export function openTag(
  reading: TabularReading,
  name: string,
  attributes: XmlAttributes,
  line: number,
): void {
  reading.stack.push(name);
  const depth = reading.stack.length;
  if (depth === 1) return requireRoot(reading, name, line);
  const o = currentOwner(reading);
  const childOfOwner = o !== undefined && o.depth === depth - 1;
  const container = reading.container;
  const start = (target: CaptureTarget, char?: string) => {
    reading.capture = { target, depth, line, text: '' };
    if (char !== undefined) reading.capture.char = char;
  };
  switch (name) {
    case 'chapter':
    case 'section':
    case 'diag':
      reading.owners.push(openOwner(name, attributes, depth, line, o));
      return;
    case 'version':
      if (depth === 2) start('version');
      return;
    case 'title':
      if (reading.owners.length === 0 && reading.stack[depth - 2] === 'introSection') {
        start('title');
      }
      return;
    case 'name':
    case 'desc':
      if (childOfOwner) start(name);
      return;
    case 'note':
      if (container && container.depth === depth - 1) start('note');
      return;
    case 'extension':
      if (container?.noteType === 'sevenChrDef' && container.depth === depth - 1) {
        start('extension', attributes.char?.trim() ?? '?');
      }
      return;
    case 'visualImpairment':
      if (childOfOwner) {
        reading.records.push({
          kind: 'skip',
          reason: 'the visual impairment category table is not imported as notes',
          locator: `${ownerName(o)} visualImpairment (line ${line})`,
        });
      }
      return;
    default:
      if (childOfOwner && noteTypes.has(name)) {
        reading.container = { noteType: name as NoteType, depth };
      }
  }
}

function requireRoot(reading: TabularReading, name: string, line: number): void {
  if (name === TABULAR_ROOT) return;
  throw parseFailed(
    reading.fileName,
    `the root element is <${clip(name)}>, not <${TABULAR_ROOT}>: this is not an ICD-10-CM Tabular List`,
    where('line', line),
  );
}

/** An end tag finishes, in this order, the capture, the note container and the owner it ends. */
export function closeTag(reading: TabularReading): void {
  const depth = reading.stack.length;
  const capture = reading.capture;
  if (capture !== null && capture.depth === depth) {
    reading.capture = null;
    finishCapture(reading, capture);
  }
  if (reading.container !== null && reading.container.depth === depth) reading.container = null;
  const o = currentOwner(reading);
  if (o !== undefined && o.depth === depth) {
    reading.owners.pop();
    closeOwner(reading, o);
  }
  reading.stack.pop();
}
