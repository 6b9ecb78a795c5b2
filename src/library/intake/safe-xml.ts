import { SaxesParser } from 'saxes';
import { CodecardError, parseFailed, where } from '../../errors/codecard-error.ts';

/** Attributes of an open tag, by their qualified name (namespace prefixes are kept as written). */
export type XmlAttributes = Readonly<Record<string, string>>;

/**
 * Event handlers for `readXml`. `line` is the 1-based line the parser has reached when the
 * event fires (the end of the open tag, the end of the text run), which is what a citation or an
 * error message needs. Text may arrive in several pieces for one run: handlers accumulate.
 */
export interface XmlEvents {
  openTag?: (name: string, attributes: XmlAttributes, line: number) => void;
  text?: (text: string, line: number) => void;
  closeTag?: (name: string, line: number) => void;
}

const forbiddenDetail = 'XML with a DTD/DOCTYPE is refused: entity declarations are not allowed';

/** Feeds an XML document piece by piece (a zip entry as it inflates); `close` ends it. */
export interface XmlStream {
  write(chunk: string): void;
  close(): void;
}

/**
 * Streams an XML document through saxes and reports open tags, text (CDATA included) and close
 * tags. A DOCTYPE is refused outright, so there is no DTD and no entity can be declared: external
 * entities (XXE) and expansion bombs (billion laughs) cannot happen. Only the five predefined
 * entities and character references are expanded; anything else is a parse failure.
 *
 * Namespaces are not resolved (names come through as written, e.g. `w:p`); no DOM is built.
 * Errors from the XML itself become `PARSE_FAILED` with the file and line; errors thrown by a
 * handler pass through untouched so callers keep their own codes.
 */
export function readXml(text: string, fileName: string, events: XmlEvents): void {
  const stream = xmlStream(fileName, events);
  stream.write(text);
  stream.close();
}

/**
 * readXml for a document that arrives in pieces, so it is never held whole. `part` names the
 * member of a container (`word/document.xml`) in errors, before the line.
 */
export function xmlStream(fileName: string, events: XmlEvents, part?: string): XmlStream {
  const parser = new SaxesParser<{ xmlns: false; position: true }>({
    xmlns: false,
    position: true,
  });
  const at = () => `${part ? ` ${part}` : ''}${where('line', parser.line)}`;
  // Set when a caller's handler throws, so its error is not mistaken for malformed XML.
  const state = { handlerThrew: false };
  const guard =
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A): void => {
      try {
        fn(...args);
      } catch (error) {
        state.handlerThrew = true;
        throw error;
      }
    };

  parser.on('doctype', () => {
    throw new CodecardError('XML_FORBIDDEN', {
      file: fileName,
      where: at(),
      detail: forbiddenDetail,
    });
  });
  parser.on('error', (error: Error) => {
    throw parseFailed(fileName, describeSaxesError(error.message), at());
  });
  const { openTag, text: onText, closeTag } = events;
  if (openTag) {
    parser.on(
      'opentag',
      guard((tag) => openTag(tag.name, tag.attributes, parser.line)),
    );
  }
  if (onText) {
    const emit = guard((chunk: string) => onText(chunk, parser.line));
    parser.on('text', emit);
    parser.on('cdata', emit);
  }
  if (closeTag) {
    parser.on(
      'closetag',
      guard((tag) => closeTag(tag.name, parser.line)),
    );
  }

  const run = (step: () => void) => {
    try {
      step();
    } catch (error) {
      if (error instanceof CodecardError || state.handlerThrew) throw error;
      // saxes throws a few plain Errors of its own outside its error handler.
      const message = error instanceof Error ? error.message : String(error);
      throw parseFailed(fileName, describeSaxesError(message), at());
    }
  };
  return {
    write: (chunk) => run(() => parser.write(chunk)),
    close: () => run(() => parser.close()),
  };
}

/** saxes prefixes "line:column: "; we report the line ourselves and keep the reason readable. */
function describeSaxesError(message: string): string {
  const reason = message.replace(/^\d+:\d+: /, '');
  if (reason.startsWith('undefined entity')) {
    return 'undefined entity reference: only &amp; &lt; &gt; &quot; &apos; and character references are allowed';
  }
  // Reasons can quote a tag name, which hostile input can make megabytes long.
  const short = reason.length > 160 ? `${reason.slice(0, 160)}…` : reason;
  return `not well-formed XML (${short.replace(/\.$/, '')})`;
}
