import { formatIcd10cm } from '../../../domain/code-shape.ts';
import { describeDiag, emitNote, flushPending } from './owner-records.ts';
import type { Owner } from './owners.ts';
import { currentOwner, type Capture, type TabularReading } from './tabular-reading.ts';
import { clean, clip } from './tabular-text.ts';

// After formatting: category, then up to 4 characters after the dot ("J09.X" placeholders too).
const dottedCode = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;
const chapterRange = /\(([A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]+)?-[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]+)?)\)$/;

/** An element's text is complete at its end tag: it goes where the capture was started for. */
export function finishCapture(reading: TabularReading, c: Capture): void {
  const value = clean(c.text);
  const o = currentOwner(reading);
  switch (c.target) {
    case 'version':
      reading.version ??= value;
      return;
    case 'title':
      reading.title ??= value;
      return;
    case 'name':
      if (o) readName(reading, o, value);
      return;
    case 'desc':
      if (o) readDesc(reading, o, value);
      return;
    case 'note':
    case 'extension':
      if (o) readNoteText(reading, o, c, value);
      return;
  }
}

/** The first <name> labels its owner; a diag's name is its code. */
function readName(reading: TabularReading, o: Owner, value: string): void {
  if (o.label !== null) return;
  o.label = value;
  if (o.kind === 'diag') {
    const code = formatIcd10cm(value);
    if (dottedCode.test(code)) o.code = code;
    else o.problem = `diag name "${clip(value)}" is not an ICD-10-CM code`;
    describeDiag(reading, o);
  }
  if (o.code !== null) flushPending(reading, o);
}

/** The first <desc> describes its owner; a chapter's ends with its code range ("(A00-B99)"). */
function readDesc(reading: TabularReading, o: Owner, value: string): void {
  if (o.desc !== null) return;
  o.desc = value;
  if (o.kind === 'chapter') {
    const range = chapterRange.exec(value)?.[1];
    if (range) o.code = range;
    else o.problem = 'chapter description states no code range';
    flushPending(reading, o);
  }
  if (o.kind === 'diag') describeDiag(reading, o);
}

/** A <note> or 7th-character <extension>: emitted now, or kept until the owner's code is known. */
function readNoteText(reading: TabularReading, o: Owner, c: Capture, value: string): void {
  const container = reading.container;
  if (!container) return;
  if (c.target === 'extension') container.char = c.char ?? '?';
  // A <note> inside sevenChrDef is an extra term for the 7th character above it
  // ("B: initial encounter for open fracture NOS" under B), so it carries that character.
  const char = container.noteType === 'sevenChrDef' ? container.char : undefined;
  const noteText = char !== undefined ? `${char}: ${value}` : value;
  if (value === '') return;
  const note = { noteType: container.noteType, text: noteText, line: c.line };
  if (o.code !== null || o.problem !== null) emitNote(reading, o, note);
  else o.pending.push(note);
}
