import { marked, type Token, type Tokens } from 'marked';
import type { DocumentParser } from '../import-kind.ts';
import { decodeText } from '../intake/decode-text.ts';
import { documentLimits } from '../intake/limits.ts';
import { BlockTextBuilder, type ExtractedText } from './block-text.ts';
import { extractHtmlText, htmlFragmentText } from './html.parser.ts';
import { guarded } from './parser-guard.ts';
import { splitIntoPassages } from './passage-splitter.ts';
import { checkLineLengths, checkMarkdownDepth } from './work-limits.ts';

/**
 * Extracts the prose of a Markdown document with marked's lexer: headings build the heading
 * path; paragraphs, list items, table rows (cells joined by " | ") and code blocks become
 * paragraphs; inline markup is dropped and entities decoded; raw HTML goes through the HTML
 * extractor, so scripts never reach a passage. Nesting deeper than `maxDepth` is refused before
 * marked runs.
 */
export function extractMarkdownText(
  markdown: string,
  maxDepth = documentLimits.maxNestingDepth,
): ExtractedText {
  checkMarkdownDepth(markdown, maxDepth);
  const builder = new BlockTextBuilder();
  walk(marked.lexer(markdown, { gfm: true }), builder, maxDepth);
  return builder.finish();
}

function walk(tokens: readonly Token[], builder: BlockTextBuilder, maxDepth: number): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'heading': {
        const heading = token as Tokens.Heading;
        builder.heading(heading.depth, inlineText(heading.tokens));
        break;
      }
      case 'paragraph':
        builder.paragraph(inlineText((token as Tokens.Paragraph).tokens));
        break;
      case 'text': {
        const text = token as Tokens.Text;
        builder.paragraph(
          text.tokens ? inlineText(text.tokens) : htmlFragmentText(escapeLt(text.text)),
        );
        break;
      }
      case 'list':
        for (const item of (token as Tokens.List).items) walk(item.tokens, builder, maxDepth);
        break;
      case 'blockquote':
        walk((token as Tokens.Blockquote).tokens, builder, maxDepth);
        break;
      case 'table': {
        const table = token as Tokens.Table;
        const row = (cells: Tokens.TableCell[]) =>
          cells.map((c) => inlineText(c.tokens)).join(' | ');
        builder.paragraph(row(table.header));
        for (const cells of table.rows) builder.paragraph(row(cells));
        break;
      }
      case 'code':
        builder.paragraph((token as Tokens.Code).text);
        break;
      case 'html':
        extractHtmlText((token as Tokens.HTML).text, builder, maxDepth);
        break;
      default:
        // space, hr, def and the like carry no prose.
        break;
    }
  }
}

/** Inline tokens -> an HTML string -> text, so entities and inline tags are handled once. */
function inlineText(tokens: readonly Token[]): string {
  return htmlFragmentText(inlineHtml(tokens));
}

function inlineHtml(tokens: readonly Token[]): string {
  let out = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'escape':
      case 'codespan':
        out += escapeHtml((token as Tokens.Escape | Tokens.Codespan).text);
        break;
      case 'html':
        out += (token as Tokens.HTML).text;
        break;
      case 'br':
        out += ' ';
        break;
      case 'image':
        out += escapeHtml((token as Tokens.Image).text);
        break;
      default:
        if ('tokens' in token && Array.isArray(token.tokens)) out += inlineHtml(token.tokens);
        else if ('text' in token && typeof token.text === 'string') out += escapeLt(token.text);
        break;
    }
  }
  return out;
}

/** Markdown text keeps its entity references ("&amp;") but a bare "<" is literal. */
function escapeLt(text: string): string {
  return text.replace(/</g, '&lt;');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

export const parseMarkdown: DocumentParser = (file, limits = documentLimits) =>
  guarded(file.fileName, () => {
    checkLineLengths(file.bytes, limits.maxLineBytes);
    const text = decodeText(file.bytes, file.fileName).text;
    const extracted = extractMarkdownText(text, limits.maxNestingDepth);
    const passages = splitIntoPassages(extracted.text, extracted.blocks, null);
    return extracted.firstHeading ? { title: extracted.firstHeading, passages } : { passages };
  });
