import { CodecardError, parseFailed, where } from '../../errors/codecard-error.ts';
import type {
  DatasetMeta,
  ImportOptions,
  SourceFile,
  StructuredParse,
  StructuredParser,
} from '../import-kind.ts';
import { decodeText } from '../intake/decode-text.ts';
import { readXml, type XmlAttributes } from '../intake/safe-xml.ts';
import type { NoteType, ParsedRecord } from './fact-record.ts';
import { icd10cmFiscalYear, icd10cmReleaseFromFileName } from './icd10cm-release.ts';
import { formatIcd10cm } from '../../domain/code-shape.ts';

const ROOT = 'ICD10CM.tabular';
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
// After formatting: category, then up to 4 characters after the dot ("J09.X" placeholders too).
const dottedCode = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;
const chapterRange = /\(([A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]+)?-[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]+)?)\)$/;

// Section ids are a category ("B10") or a range of them ("M50-M54").
const sectionId = /^[A-Z][0-9][0-9A-Z](?:-[A-Z][0-9][0-9A-Z])?$/;

type OwnerKind = 'chapter' | 'section' | 'diag';

/** A chapter, section or diag being read: notes attach to its code. */
interface Owner {
  kind: OwnerKind;
  /** Depth of the owner's element in the element stack (root = 1). */
  depth: number;
  line: number;
  /** Chapter number, section id or diag name, as written; for locators. */
  label: string | null;
  /** What notes attach to: the diag's code, the section id, the chapter's code range. */
  code: string | null;
  /** Why `code` stayed null, for the skip records. */
  problem: string | null;
  desc: string | null;
  placeholder: boolean;
  described: boolean;
  /** The enclosing chapter and section, kept here so a lookup never walks the nesting. */
  chapter: Owner | null;
  section: Owner | null;
  pending: PendingNote[];
}

interface PendingNote {
  noteType: NoteType;
  text: string;
  line: number;
}

type CaptureTarget = 'version' | 'title' | 'name' | 'desc' | 'note' | 'extension';

interface Capture {
  target: CaptureTarget;
  depth: number;
  line: number;
  text: string;
  /** sevenChrDef extension: the 7th character it defines. */
  char?: string;
}

/**
 * Parses the ICD-10-CM Tabular List XML into a descriptor per `<diag>` (billable is not stated
 * there, so it stays null; the order file says it) and a note per `<note>` or 7th-character
 * `<extension>`. Notes stated at section or chapter level attach to the section id ("M50-M54")
 * or the chapter's code range ("A00-B99"), so a card can show the notes that govern a code from
 * above. Streaming through the DOCTYPE-refusing reader keeps memory flat and XXE impossible;
 * records are collected eagerly because `records` is a synchronous iterable.
 */
export const parseIcd10cmTabular: StructuredParser = (file, options) =>
  // The executor turns a synchronous throw into a rejection, as callers of a parser expect.
  new Promise((resolve) => resolve(readIcd10cmTabular(file, options)));

function readIcd10cmTabular(file: SourceFile, options: ImportOptions): StructuredParse {
  const { fileName } = file;
  if (file.bytes.length === 0) throw new CodecardError('EMPTY_FILE', { file: fileName });
  const { text } = decodeText(file.bytes, fileName);

  const records: ParsedRecord[] = [];
  const stack: string[] = [];
  const owners: Owner[] = [];
  // The note container being read; `char` is the last 7th character a sevenChrDef defined.
  let container: { noteType: NoteType; depth: number; char?: string } | null = null;
  let capture: Capture | null = null;
  let version: string | null = null;
  let title: string | null = null;
  let diags = 0;

  const owner = (): Owner | undefined => owners[owners.length - 1];
  const ownerName = (o: Owner) => `${o.kind} ${o.label === null ? '(no name)' : clip(o.label)}`;

  const emitNote = (o: Owner, note: PendingNote) => {
    const locator = `${ownerName(o)} ${note.noteType} (line ${note.line})`;
    if (o.code === null) {
      records.push({ kind: 'skip', reason: o.problem ?? `${o.kind} has no code`, locator });
      return;
    }
    records.push({
      kind: 'note',
      system: 'icd10cm',
      code: o.code,
      noteType: note.noteType,
      text: note.text,
      locator,
    });
  };
  const flushPending = (o: Owner) => {
    for (const note of o.pending) emitNote(o, note);
    o.pending = [];
  };

  const describeDiag = (o: Owner) => {
    if (o.described || o.code === null || o.desc === null) return;
    o.described = true;
    diags++;
    const attributes: Record<string, string> = {};
    const { chapter, section } = o;
    const parent = owners[owners.length - 2];
    if (chapter?.label) attributes.chapter = chapter.label;
    if (section?.code) attributes.section = section.code;
    if (parent?.kind === 'diag' && parent.code) attributes.parent = parent.code;
    if (o.placeholder) attributes.placeholder = 'true';
    records.push({
      kind: 'descriptor',
      system: 'icd10cm',
      code: o.code,
      longDescription: o.desc,
      billable: null,
      attributes,
      locator: `diag ${o.code} (line ${o.line})`,
    });
  };

  const finishCapture = (c: Capture) => {
    const value = clean(c.text);
    const o = owner();
    switch (c.target) {
      case 'version':
        version ??= value;
        return;
      case 'title':
        title ??= value;
        return;
      case 'name':
        if (!o || o.label !== null) return;
        o.label = value;
        if (o.kind === 'diag') {
          const code = formatIcd10cm(value);
          if (dottedCode.test(code)) o.code = code;
          else o.problem = `diag name "${clip(value)}" is not an ICD-10-CM code`;
          describeDiag(o);
        }
        if (o.code !== null) flushPending(o);
        return;
      case 'desc':
        if (!o || o.desc !== null) return;
        o.desc = value;
        if (o.kind === 'chapter') {
          const range = chapterRange.exec(value)?.[1];
          if (range) o.code = range;
          else o.problem = 'chapter description states no code range';
          flushPending(o);
        }
        if (o.kind === 'diag') describeDiag(o);
        return;
      case 'note':
      case 'extension': {
        if (!o || !container) return;
        if (c.target === 'extension') container.char = c.char ?? '?';
        // A <note> inside sevenChrDef is an extra term for the 7th character above it
        // ("B: initial encounter for open fracture NOS" under B), so it carries that character.
        const char = container.noteType === 'sevenChrDef' ? container.char : undefined;
        const noteText = char !== undefined ? `${char}: ${value}` : value;
        if (value === '') return;
        const note = { noteType: container.noteType, text: noteText, line: c.line };
        if (o.code !== null || o.problem !== null) emitNote(o, note);
        else o.pending.push(note);
        return;
      }
    }
  };

  const closeOwner = (o: Owner) => {
    if (o.kind === 'diag' && !o.described) {
      const reason =
        o.problem ??
        (o.label === null ? 'diag has no <name>' : `diag ${clip(o.label)} has no <desc>`);
      records.push({ kind: 'skip', reason, locator: `${ownerName(o)} (line ${o.line})` });
    }
    if (o.pending.length > 0) {
      o.problem ??= `${o.kind} has no ${o.kind === 'chapter' ? '<desc> with a code range' : '<name>'}`;
      flushPending(o);
    }
  };

  const openTag = (name: string, attributes: XmlAttributes, line: number) => {
    stack.push(name);
    const depth = stack.length;
    if (depth === 1) {
      if (name !== ROOT) {
        throw parseFailed(
          fileName,
          `the root element is <${clip(name)}>, not <${ROOT}>: this is not an ICD-10-CM Tabular List`,
          where('line', line),
        );
      }
      return;
    }
    const o = owner();
    const childOfOwner = o !== undefined && o.depth === depth - 1;
    const start = (target: CaptureTarget, char?: string) => {
      capture = { target, depth, line, text: '' };
      if (char !== undefined) capture.char = char;
    };
    switch (name) {
      case 'chapter':
      case 'section':
      case 'diag': {
        const id = name === 'section' ? (attributes.id?.trim() ?? '') : '';
        const created: Owner = {
          kind: name,
          depth,
          line,
          label: id === '' ? null : id,
          code: sectionId.test(id) ? id : null,
          problem:
            name !== 'section' || sectionId.test(id)
              ? null
              : `section id "${clip(id)}" is not a code or code range`,
          desc: null,
          placeholder: attributes.placeholder === 'true',
          described: false,
          pending: [],
          chapter: o?.chapter ?? null,
          section: o?.section ?? null,
        };
        if (name === 'chapter') created.chapter = created;
        if (name === 'section') created.section = created;
        owners.push(created);
        return;
      }
      case 'version':
        if (depth === 2) start('version');
        return;
      case 'title':
        if (owners.length === 0 && stack[depth - 2] === 'introSection') start('title');
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
          records.push({
            kind: 'skip',
            reason: 'the visual impairment category table is not imported as notes',
            locator: `${ownerName(o)} visualImpairment (line ${line})`,
          });
        }
        return;
      default:
        if (childOfOwner && noteTypes.has(name)) container = { noteType: name as NoteType, depth };
    }
  };

  const closeTag = () => {
    const depth = stack.length;
    if (capture !== null && capture.depth === depth) {
      const done = capture;
      capture = null;
      finishCapture(done);
    }
    if (container !== null && container.depth === depth) container = null;
    const o = owner();
    if (o !== undefined && o.depth === depth) {
      owners.pop();
      closeOwner(o);
    }
    stack.pop();
  };

  readXml(text, fileName, {
    openTag,
    text: (chunk) => {
      if (capture !== null) capture.text += chunk;
    },
    closeTag,
  });

  if (diags === 0) {
    throw parseFailed(fileName, `no <diag> element with a code and a description in <${ROOT}>`);
  }
  return {
    meta: tabularMeta(fileName, version, title, options.effective),
    estimatedRecords: records.length,
    records,
  };
}

function tabularMeta(
  fileName: string,
  version: string | null,
  title: string | null,
  effective: string | undefined,
): DatasetMeta {
  const meta: DatasetMeta = {
    system: 'icd10cm',
    publisher: 'CDC/NCHS and CMS',
    title: title ?? 'ICD-10-CM Tabular List of Diseases and Injuries',
  };
  // <version> states the fiscal year; the file name can add which in-year update it is.
  const fiscalYear = version !== null && /^\d{4}$/.test(version) ? Number(version) : null;
  const named = icd10cmReleaseFromFileName(fileName);
  const release =
    fiscalYear === null
      ? named
      : named?.fiscalYear === fiscalYear
        ? named
        : icd10cmFiscalYear(fiscalYear);
  if (release) {
    meta.release = release.release;
    meta.effectiveFrom = release.effectiveFrom;
  } else if (version !== null && version !== '') {
    meta.release = version;
  }
  if (effective !== undefined) meta.effectiveFrom = effective;
  return meta;
}

/** Pretty-printing breaks long text over lines; a citation wants it on one. */
function clean(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** Quoted input in reasons and locators stays short, whatever the file holds. */
function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
