/**
 * A parser thread's task (see parser-pool.ts): one document in, its passages or the error out.
 * Runs under a heap cap and a wall-clock limit enforced from the main thread; a document that
 * exhausts the heap or hangs ends only this thread. pdfjs 5 prefetches page dictionaries without
 * handling their failures, so a damaged page tree can leave an unhandled rejection behind even
 * when the document reads fine: here it reaches only this thread's handler.
 */
import type { ErrorCode } from '../../errors/catalog.ts';
import { CodecardError, type ErrorParams } from '../../errors/codecard-error.ts';
import type { DocumentKind, DocumentParser, ParsedDocument } from '../import-kind.ts';
import type { DocumentLimits } from '../intake/limits.ts';
import { describeError } from './parser-guard.ts';
import { checkPassageCount, documentTooComplex, WorkLimitExceeded } from './work-limits.ts';

export interface ParseTask {
  kind: DocumentKind;
  fileName: string;
  /** The thread's own copy of the file (its buffer was transferred). */
  bytes: Uint8Array;
  limits: DocumentLimits;
}

export type ParseOutcome =
  | { ok: true; document: ParsedDocument }
  | { ok: false; error: { code: ErrorCode; params: ErrorParams } };

process.on('unhandledRejection', () => {
  // pdfjs leftovers: the document that caused them has already settled on its own.
});

export async function parseInThread(task: ParseTask): Promise<ParseOutcome> {
  const { fileName, limits } = task;
  const bytes = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
  try {
    const parse = await parserFor(task.kind);
    const document = await parse({ fileName, bytes }, limits);
    checkPassageCount(document.passages.length, limits.maxPassages);
    return { ok: true, document };
  } catch (error) {
    const failure =
      error instanceof WorkLimitExceeded ? documentTooComplex(fileName, error.detail) : error;
    if (failure instanceof CodecardError) {
      return { ok: false, error: { code: failure.code, params: failure.params } };
    }
    return {
      ok: false,
      error: {
        code: 'PARSE_FAILED',
        params: { file: fileName, detail: describeError(error), where: '' },
      },
    };
  }
}

/** Loaded on first use: a thread that only ever reads text never loads pdfjs or mammoth. */
async function parserFor(kind: DocumentKind): Promise<DocumentParser> {
  switch (kind) {
    case 'pdf':
      return (await import('./pdf.parser.ts')).parsePdf;
    case 'docx':
      return (await import('./docx.parser.ts')).parseDocx;
    case 'html':
      return (await import('./html.parser.ts')).parseHtml;
    case 'markdown':
      return (await import('./markdown.parser.ts')).parseMarkdown;
    case 'text':
      return (await import('./text.parser.ts')).parseText;
  }
}
