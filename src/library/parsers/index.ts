import type { DocumentKind } from '../import-kind.ts';
import type { PooledParser } from './parser-pool.ts';
import { sharedParserPool } from './shared-parser-pool.ts';

const pooled =
  (kind: DocumentKind): PooledParser =>
  (file, options) =>
    sharedParserPool().parse(kind, file, options);

/**
 * Prose parsers by document kind; each yields cited passages or a CodecardError. They run in
 * the shared parser pool's worker threads, under its heap cap, time limit and work limits.
 */
export const documentParsers: Record<DocumentKind, PooledParser> = {
  pdf: pooled('pdf'),
  docx: pooled('docx'),
  html: pooled('html'),
  markdown: pooled('markdown'),
  text: pooled('text'),
};
