import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractHtmlText, parseHtml } from './html.parser.ts';
import { parseOrCodecardError } from './parser-test-helpers.ts';

const parse = (html: string) =>
  parseHtml({ fileName: 'page.html', bytes: Buffer.from(html, 'utf8') });
const texts = async (html: string) => (await parse(html)).passages.map((p) => p.text);

describe('parseHtml', () => {
  it('drops scripts, styles, templates and the head, keeping the prose', async () => {
    const html = `<!doctype html><html><head><title>Sample page</title><script>var secret = 1;</script>
      <style>p { color: red }</style></head><body><noscript>enable js</noscript>
      <p>Visible <script>alert("x")</script>text.</p><template><p>hidden</p></template>
      <svg><text>drawing</text></svg><p>More.</p></body></html>`;
    const parsed = await parse(html);
    const all = parsed.passages.map((p) => p.text).join(' ');
    expect(all).toContain('Visible text.');
    expect(all).toContain('More.');
    for (const hidden of [
      'secret',
      'color',
      'alert',
      'enable js',
      'hidden',
      'drawing',
      'Sample page',
    ]) {
      expect(all).not.toContain(hidden);
    }
    expect(parsed.title).toBe('Sample page');
  });

  it('builds heading paths from h1-h6 and takes the first h1 as title', async () => {
    const html =
      '<h1>Sample Guide</h1><p>Intro.</p><h2>Billing</h2><p>Bill once.</p><h3>Units</h3><p>One unit.</p><h2>Coverage</h2><p>Covered.</p>';
    const parsed = await parse(html);
    expect(parsed.title).toBe('Sample Guide');
    expect(parsed.passages.map((p) => [p.text, p.headingPath])).toEqual([
      ['Intro.', ['Sample Guide']],
      ['Bill once.', ['Sample Guide', 'Billing']],
      ['One unit.', ['Sample Guide', 'Billing', 'Units']],
      ['Covered.', ['Sample Guide', 'Coverage']],
    ]);
  });

  it('separates paragraphs at block elements and br, joins table cells by row', () => {
    const { extracted } = extractHtmlText(
      '<div>one<br>two</div><ul><li>three</li><li>four <b>bold</b></li></ul><table><tr><th>Code</th><th>Note</th></tr><tr><td>62321</td><td><p>sample</p></td></tr></table>',
    );
    expect(extracted.blocks.map((b) => extracted.text.slice(b.start, b.end))).toEqual([
      'one',
      'two',
      'three',
      'four bold',
      'Code | Note',
      '62321 | sample',
    ]);
  });

  it('decodes entities and collapses whitespace', async () => {
    expect(
      await texts('<p>AT&amp;T &lt;b&gt; caf&eacute;&nbsp;&#233; &#x2014;   x\n y</p>'),
    ).toEqual(['AT&T <b> café é — x y']);
  });

  it('survives an unclosed head and malformed markup', async () => {
    expect(await texts('<head><title>T</title><p>Body text')).toEqual(['Body text']);
    expect(await texts('<p>a<p>b</div></span><li>c')).toEqual(['a\n\nb\n\nc']);
  });

  it('never references a URL: images, links and iframes give text only', async () => {
    const all = (
      await texts(
        '<img src="http://example.com/x.png" alt="pic"><a href="http://example.com">link</a><iframe src="http://example.com">frame</iframe>',
      )
    ).join(' ');
    expect(all).toBe('link');
  });

  it('throws only CodecardError on arbitrary input', async () => {
    const tag = fc.constantFrom(
      '<p>',
      '</p>',
      '<h1>',
      '</h2>',
      '<script>',
      '</script>',
      '<td>',
      '<tr>',
      '<br>',
      '<head>',
      '&amp;',
      '&#x;',
      '<!--',
      '<![CDATA[',
      '<',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
          fc
            .array(fc.oneof(tag, fc.string({ maxLength: 6 })), { maxLength: 50 })
            .map((p) => Buffer.from(p.join(''))),
        ),
        async (bytes) => {
          await parseOrCodecardError(parseHtml, 'fuzz.html', bytes);
        },
      ),
      { numRuns: 300 },
    );
  });
});
