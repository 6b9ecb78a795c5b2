import mammoth from 'mammoth';
import type { DocumentParser } from '../import-kind.ts';
import { parseFailed } from '../../errors/codecard-error.ts';
import { documentLimits } from '../intake/limits.ts';
import { inspectZip } from '../intake/zip-guard.ts';
import { checkDocxXml } from './docx-xml-check.ts';
import { htmlDocument } from './html.parser.ts';
import { guarded } from './parser-guard.ts';
import { WorkLimitExceeded } from './work-limits.ts';

/** Images are never decoded or embedded: only the text matters. */
const skipImages = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

/**
 * DOCX -> HTML (mammoth) -> the HTML passage logic; Word heading styles become h1-h6.
 * The zip guard runs first (it inflates every entry, counting), so a bomb or a lying directory
 * never reaches mammoth; every XML part mammoth parses must be well-formed (checked streaming,
 * in linear time) because xmldom's recovery from malformed XML can take minutes; and mammoth may
 * not open files the document links to (externalFileAccess: false).
 */
export const parseDocx: DocumentParser = (file, limits = documentLimits) =>
  guarded(file.fileName, async () => {
    const entries = await inspectZip(file.bytes, file.fileName);
    if (!entries.some((entry) => entry.name === 'word/document.xml')) {
      throw parseFailed(file.fileName, 'not a Word document: word/document.xml is missing');
    }
    // The sizes are the real ones now: inspectZip counted every entry while inflating it.
    const xmlBytes = entries
      .filter((entry) => /\.(xml|rels)$/i.test(entry.name))
      .reduce((sum, entry) => sum + entry.uncompressedSize, 0);
    if (xmlBytes > limits.maxDocxXmlBytes) {
      throw new WorkLimitExceeded(
        `its XML inflates to ${xmlBytes} bytes, over ${limits.maxDocxXmlBytes} (limit maxDocxXmlBytes)`,
      );
    }
    await checkDocxXml(file.bytes, entries, file.fileName, limits.maxNestingDepth);
    const result = await mammoth.convertToHtml(
      { buffer: file.bytes },
      { externalFileAccess: false, convertImage: skipImages },
    );
    return htmlDocument(result.value, limits.maxNestingDepth);
  });
