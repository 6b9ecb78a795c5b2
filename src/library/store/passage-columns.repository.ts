import { sql } from 'kysely';

/** The columns a `PassageRow` is read with, from `passages p` joined to `documents d`. */
export const passageRowColumns = sql`p.id as passage_id, p.text, p.page, p.heading_path,
  p.start_offset, p.language, d.id as document_id, d.title, d.release`;
