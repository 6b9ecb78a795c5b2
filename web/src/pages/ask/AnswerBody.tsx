import type { Answer } from '../../../../src/contracts/ask.ts';
import { FootnoteRefs } from '../../components/Footnotes.tsx';
import { useLocale } from '../../i18n/locale-context.tsx';
import type { Layout } from './answer-layout.ts';

/** The answer's text, paragraphs and lists, each line with its footnotes. */
export function AnswerText({
  blocks,
  prefix,
  lang,
}: {
  blocks: Layout['blocks'];
  prefix: string;
  lang: string | undefined;
}) {
  const { locale } = useLocale();
  return (
    <div className="answer-text" dir="auto" lang={lang && lang !== locale ? lang : undefined}>
      {blocks.map(({ block, refs }, b) =>
        block.kind === 'list' ? (
          <ul key={b}>
            {block.lines.map((line, i) => (
              <li key={i}>
                {line}
                <FootnoteRefs numbers={refs[i]!} prefix={prefix} />
              </li>
            ))}
          </ul>
        ) : (
          <p key={b}>
            {block.lines[0]}
            <FootnoteRefs numbers={refs[0]!} prefix={prefix} />
          </p>
        ),
      )}
    </div>
  );
}

/** A table answer's rows under their column labels, each row with its footnote. */
export function AnswerRowsTable({
  table,
  rows,
  prefix,
}: {
  table: NonNullable<Answer['table']>;
  rows: Layout['rows'];
  prefix: string;
}) {
  const { t } = useLocale();
  return (
    <div className="table-scroll">
      <table className="answer-table">
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">{t('ask.rowSource')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.cells.map((cell, c) => (
                <td key={c} dir="auto">
                  {cell}
                </td>
              ))}
              <td>
                <FootnoteRefs numbers={[r.ref]} prefix={prefix} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
