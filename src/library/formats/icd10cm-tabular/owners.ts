import type { XmlAttributes } from '../../intake/safe-xml.ts';
import type { NoteType } from '../fact-record.ts';
import { clip } from './tabular-text.ts';

export type OwnerKind = 'chapter' | 'section' | 'diag';

/** A chapter, section or diag being read: notes attach to its code. */
export interface Owner {
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

/** A note read before its owner's code is known (a <note> ahead of the <name>). */
export interface PendingNote {
  noteType: NoteType;
  text: string;
  line: number;
}

// Section ids are a category ("B10") or a range of them ("M50-M54").
const sectionId = /^[A-Z][0-9][0-9A-Z](?:-[A-Z][0-9][0-9A-Z])?$/;

/**
 * The owner a <chapter>, <section> or <diag> opens. A section's code is its id attribute; a
 * chapter's and a diag's come later, from their <desc> and <name>.
 */
export function openOwner(
  kind: OwnerKind,
  attributes: XmlAttributes,
  depth: number,
  line: number,
  enclosing: Owner | undefined,
): Owner {
  const id = kind === 'section' ? (attributes.id?.trim() ?? '') : '';
  const created: Owner = {
    kind,
    depth,
    line,
    label: id === '' ? null : id,
    code: sectionId.test(id) ? id : null,
    problem:
      kind !== 'section' || sectionId.test(id)
        ? null
        : `section id "${clip(id)}" is not a code or code range`,
    desc: null,
    placeholder: attributes.placeholder === 'true',
    described: false,
    pending: [],
    chapter: enclosing?.chapter ?? null,
    section: enclosing?.section ?? null,
  };
  if (kind === 'chapter') created.chapter = created;
  if (kind === 'section') created.section = created;
  return created;
}

/** "diag M54.16", "section M50-M54", "chapter (no name)": how locators name an owner. */
export function ownerName(o: Owner): string {
  return `${o.kind} ${o.label === null ? '(no name)' : clip(o.label)}`;
}
