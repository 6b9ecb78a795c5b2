import { CodecardError, parseFailed } from '../../errors/codecard-error.ts';
import type {
  ImportOptions,
  SourceFile,
  StructuredParse,
  StructuredParser,
} from '../import-kind.ts';
import { decodeText } from '../intake/decode-text.ts';
import { readXml } from '../intake/safe-xml.ts';
import { startTabularReading } from './icd10cm-tabular/tabular-reading.ts';
import { tabularMeta } from './icd10cm-tabular/tabular-meta.ts';
import { closeTag, openTag, TABULAR_ROOT } from './icd10cm-tabular/tags.ts';

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
  const reading = startTabularReading(fileName);
  readXml(text, fileName, {
    openTag: (name, attributes, line) => openTag(reading, name, attributes, line),
    text: (chunk) => {
      if (reading.capture !== null) reading.capture.text += chunk;
    },
    closeTag: () => closeTag(reading),
  });
  if (reading.diags === 0) {
    throw parseFailed(
      fileName,
      `no <diag> element with a code and a description in <${TABULAR_ROOT}>`,
    );
  }
  const { records } = reading;
  return {
    meta: tabularMeta(fileName, reading.version, reading.title, options.effective),
    estimatedRecords: records.length,
    records,
  };
}
