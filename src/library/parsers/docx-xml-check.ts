import { StringDecoder } from 'node:string_decoder';
import { xmlStream, type XmlEvents } from '../intake/safe-xml.ts';
import { inflateEntry, type ZipEntryInfo } from '../intake/zip-guard.ts';
import { WorkLimitExceeded } from './work-limits.ts';

/**
 * The relationships mammoth follows to a part it parses as XML: the main document (from
 * `_rels/.rels`), then the parts the main document names.
 */
const followedRelationship =
  /\/relationships\/(officeDocument|styles|numbering|footnotes|endnotes|comments)$/;

/**
 * Every part mammoth could hand to xmldom must be well-formed XML before mammoth runs: on a
 * malformed part xmldom's error recovery can go superlinear (a 2 KB DOCX whose document.xml
 * inflates to 270 KB took it 48 s). saxes streams each part as it inflates, in linear time, and
 * refuses a DOCTYPE as everywhere else. Checked: every `.xml` and `.rels` entry, and any other
 * entry a relationship of a kind mammoth follows points to (a target need not end in `.xml`).
 * The rels files are checked first so their targets are known. Elements nested deeper than
 * `maxDepth` are refused in the same pass (mammoth recurses per level and overflows its stack).
 */
export async function checkDocxXml(
  bytes: Buffer,
  entries: readonly ZipEntryInfo[],
  fileName: string,
  maxDepth: number,
): Promise<void> {
  const targets = new Set<string>();
  const rels = entries.filter((entry) => /\.rels$/i.test(entry.name));
  for (const entry of rels) {
    await checkPart(bytes, entry, fileName, maxDepth, (name, attributes) => {
      const target = attributes.Target;
      if (
        name.endsWith('Relationship') &&
        target &&
        followedRelationship.test(attributes.Type ?? '')
      ) {
        targets.add(resolveTarget(entry.name, target));
      }
    });
  }
  const rest = entries.filter(
    (entry) =>
      /\.xml$/i.test(entry.name) || (targets.has(entry.name) && !/\.rels$/i.test(entry.name)),
  );
  for (const entry of rest) await checkPart(bytes, entry, fileName, maxDepth);
}

/** Where a relationship points, as mammoth resolves it (`word/_rels/document.xml.rels` -> `word/`). */
function resolveTarget(relsName: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const base = relsName.replace(/(^|\/)_rels\/[^/]*$/, '');
  return base ? `${base}/${target}` : target;
}

async function checkPart(
  bytes: Buffer,
  entry: ZipEntryInfo,
  fileName: string,
  maxDepth: number,
  onOpen?: NonNullable<XmlEvents['openTag']>,
): Promise<void> {
  let depth = 0;
  const events: XmlEvents = {
    openTag: (name, attributes, line) => {
      if (++depth > maxDepth) {
        throw new WorkLimitExceeded(
          `${entry.name}: elements nested deeper than ${maxDepth} levels at line ${line} (limit maxNestingDepth)`,
        );
      }
      onOpen?.(name, attributes, line);
    },
    closeTag: () => {
      depth--;
    },
  };
  const xml = xmlStream(fileName, events, entry.name);
  const decoder = new StringDecoder('utf8');
  let first = true;
  await inflateEntry(bytes, entry, (chunk) => {
    let text = decoder.write(chunk);
    // mammoth strips a UTF-8 byte order mark before parsing; so does this check.
    if (first && text.length > 0) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    xml.write(text);
  });
  xml.write(decoder.end());
  xml.close();
}
