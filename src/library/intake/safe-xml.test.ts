import { describe, expect, it } from 'vitest';
import { CodecardError } from '../../errors/codecard-error.ts';
import { readXml, type XmlAttributes } from './safe-xml.ts';

interface Event {
  type: 'open' | 'text' | 'close';
  name?: string;
  attributes?: XmlAttributes;
  text?: string;
  line: number;
}

function collect(xml: string): Event[] {
  const events: Event[] = [];
  readXml(xml, 'test.xml', {
    openTag: (name, attributes, line) => events.push({ type: 'open', name, attributes, line }),
    text: (text, line) => {
      if (text.trim() !== '') events.push({ type: 'text', text, line });
    },
    closeTag: (name, line) => events.push({ type: 'close', name, line }),
  });
  return events;
}

function failure(xml: string): CodecardError {
  try {
    collect(xml);
  } catch (error) {
    expect(error).toBeInstanceOf(CodecardError);
    return error as CodecardError;
  }
  throw new Error('expected the XML to be refused');
}

describe('readXml', () => {
  it('reports open tags with attributes, text and close tags with lines', () => {
    const events = collect(
      '<?xml version="1.0"?>\n<root a="1">\n  <x b="two">hi &amp; <![CDATA[<raw>]]>&#65;</x>\n  <y/>\n</root>',
    );
    expect(events.filter((e) => e.type === 'open').map((e) => [e.name, e.attributes])).toEqual([
      ['root', { a: '1' }],
      ['x', { b: 'two' }],
      ['y', {}],
    ]);
    expect(
      events
        .filter((e) => e.type === 'text')
        .map((e) => e.text)
        .join(''),
    ).toBe('hi & <raw>A');
    expect(events.filter((e) => e.type === 'close').map((e) => e.name)).toEqual(['x', 'y', 'root']);
    expect(events.find((e) => e.name === 'x')?.line).toBe(3);
  });

  it('passes namespace prefixes through as written', () => {
    const events = collect('<w:document xmlns:w="urn:x"><w:p w:val="1"/></w:document>');
    expect(events[1]).toMatchObject({ name: 'w:p', attributes: { 'w:val': '1' } });
  });

  it('refuses an XXE DOCTYPE before any entity could be read', () => {
    const error = failure(
      '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<x>&e;</x>',
    );
    expect(error.code).toBe('XML_FORBIDDEN');
    expect(error.message).toBe(
      'test.xml line 2: XML with a DTD/DOCTYPE is refused: entity declarations are not allowed',
    );
  });

  it('refuses a billion-laughs document at the DOCTYPE, quickly', () => {
    const entities = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) {
      const prev = i === 1 ? 'lol' : `lol${i - 1}`;
      entities.push(`<!ENTITY lol${i} "${`&${prev};`.repeat(10)}">`);
    }
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n${entities.join('\n')}\n]>\n<lolz>&lol9;</lolz>`;
    const started = performance.now();
    expect(failure(xml).code).toBe('XML_FORBIDDEN');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses a DOCTYPE without an internal subset too', () => {
    const error = failure('<!DOCTYPE html SYSTEM "http://example.com/x.dtd"><html/>');
    expect(error.code).toBe('XML_FORBIDDEN');
    expect(error.params.where).toBe(' line 1');
  });

  it('refuses an undefined entity reference', () => {
    const error = failure('<x>\n&xxe;</x>');
    expect(error.code).toBe('PARSE_FAILED');
    expect(error.message).toMatch(/^test\.xml line 2: undefined entity reference/);
  });

  it('refuses truncated XML with the file and a line', () => {
    const error = failure('<root>\n  <a>text</a>\n  <b>');
    expect(error.code).toBe('PARSE_FAILED');
    expect(error.message).toMatch(/^test\.xml line \d+: not well-formed XML \(unclosed tag: b/);
  });

  it('refuses non-XML text and empty input', () => {
    expect(failure('just some words').code).toBe('PARSE_FAILED');
    expect(failure('').code).toBe('PARSE_FAILED');
    expect(failure('{"json": true}').message).toContain('test.xml');
  });

  it('refuses mismatched tags and a second root', () => {
    expect(failure('<a><b></a>').code).toBe('PARSE_FAILED');
    expect(failure('<a/><b/>').code).toBe('PARSE_FAILED');
  });

  it('lets errors thrown by a handler through unchanged', () => {
    const mine = new Error('handler bug');
    expect(() =>
      readXml('<a><b/></a>', 'test.xml', {
        openTag: (name) => {
          if (name === 'b') throw mine;
        },
      }),
    ).toThrow(mine);
  });

  it('keeps deep nesting iterative (no stack overflow)', () => {
    const depth = 100_000;
    const xml = '<a>'.repeat(depth) + '</a>'.repeat(depth);
    let opened = 0;
    readXml(xml, 'deep.xml', { openTag: () => opened++ });
    expect(opened).toBe(depth);
  });
});
