import { ownerName, type Owner, type PendingNote } from './owners.ts';
import type { TabularReading } from './tabular-reading.ts';
import { clip } from './tabular-text.ts';

/** A note of an owner: a note record under its code, or a skip saying why it has none. */
export function emitNote(reading: TabularReading, o: Owner, note: PendingNote): void {
  const locator = `${ownerName(o)} ${note.noteType} (line ${note.line})`;
  if (o.code === null) {
    reading.records.push({ kind: 'skip', reason: o.problem ?? `${o.kind} has no code`, locator });
    return;
  }
  reading.records.push({
    kind: 'note',
    system: 'icd10cm',
    code: o.code,
    noteType: note.noteType,
    text: note.text,
    locator,
  });
}

/** Emits the notes that waited for the owner's code (or for the reason it has none). */
export function flushPending(reading: TabularReading, o: Owner): void {
  for (const note of o.pending) emitNote(reading, o, note);
  o.pending = [];
}

/**
 * The descriptor of a diag, once both its code and its description are known. Billable is not
 * stated in the Tabular List, so it stays null (the order file says it).
 */
export function describeDiag(reading: TabularReading, o: Owner): void {
  if (o.described || o.code === null || o.desc === null) return;
  o.described = true;
  reading.diags++;
  const attributes: Record<string, string> = {};
  const { chapter, section } = o;
  const parent = reading.owners[reading.owners.length - 2];
  if (chapter?.label) attributes.chapter = chapter.label;
  if (section?.code) attributes.section = section.code;
  if (parent?.kind === 'diag' && parent.code) attributes.parent = parent.code;
  if (o.placeholder) attributes.placeholder = 'true';
  reading.records.push({
    kind: 'descriptor',
    system: 'icd10cm',
    code: o.code,
    longDescription: o.desc,
    billable: null,
    attributes,
    locator: `diag ${o.code} (line ${o.line})`,
  });
}

/** At an owner's end tag: a diag never described is skipped, and waiting notes are let go. */
export function closeOwner(reading: TabularReading, o: Owner): void {
  if (o.kind === 'diag' && !o.described) {
    const reason =
      o.problem ??
      (o.label === null ? 'diag has no <name>' : `diag ${clip(o.label)} has no <desc>`);
    reading.records.push({ kind: 'skip', reason, locator: `${ownerName(o)} (line ${o.line})` });
  }
  if (o.pending.length > 0) {
    o.problem ??= `${o.kind} has no ${o.kind === 'chapter' ? '<desc> with a code range' : '<name>'}`;
    flushPending(reading, o);
  }
}
