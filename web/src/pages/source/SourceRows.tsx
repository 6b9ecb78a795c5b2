import type { SourceRow } from '../../../../src/contracts/sources.ts';
import { formatLocator } from '../../components/citations.ts';
import { useT } from '../../i18n/locale-context.tsx';

const tableKey = (table: string) => table.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());

/** The stored rows a table citation points at, each with its columns. */
export function SourceRows({ rows }: { rows: SourceRow[] }) {
  const t = useT();
  return (
    <section aria-labelledby="source-rows">
      <h2 id="source-rows">{t('source.rows', { count: rows.length })}</h2>
      {rows.map((row, i) => (
        <div key={i} className="table-scroll">
          <table className="source-row">
            <caption>
              {t('source.table', { table: tableKey(row.table) })} · {formatLocator(row.locator, t)}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('source.column')}</th>
                <th scope="col">{t('source.value')}</th>
              </tr>
            </thead>
            <tbody>
              {row.columns.map((column) => (
                <tr key={column.name}>
                  <th scope="row" lang="en">
                    <code>{column.name}</code>
                  </th>
                  <td dir="auto">
                    {column.value ?? <span className="muted">{t('source.empty')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
