import { useId, useMemo, useState, type ReactNode } from 'react';
import { useLocale } from '../../i18n/locale-context.tsx';

/** Rows shown before "Show all N" (all of them print when the section is open). */
export const ROWS_SHOWN = 10;

export interface FactColumn<Row> {
  key: string;
  label: string;
  /** The cell's words: what the filter searches and, unless `sortValue` says otherwise, sorts. */
  text: (row: Row) => string;
  sortValue?: (row: Row) => string | number;
  render?: (row: Row) => ReactNode;
}

type Sort = { key: string; ascending: boolean } | null;

/**
 * A table of facts: sortable by any column (the header's button), filterable by text, the first
 * `ROWS_SHOWN` rows shown and the rest behind "Show all N".
 */
export function FactTable<Row>({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: readonly FactColumn<Row>[];
  rows: readonly Row[];
}) {
  const { t } = useLocale();
  const id = useId();
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<Sort>(null);
  const [expanded, setExpanded] = useState(false);

  const shown = useMemo(() => {
    const words = filter.trim().toLocaleLowerCase();
    const matching = words
      ? rows.filter((row) =>
          columns.some((column) => column.text(row).toLocaleLowerCase().includes(words)),
        )
      : [...rows];
    const column = sort && columns.find((c) => c.key === sort.key);
    if (!sort || !column) return matching;
    const value = column.sortValue ?? column.text;
    return matching.sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      const order =
        typeof x === 'number' && typeof y === 'number'
          ? x - y
          : String(x).localeCompare(String(y), undefined, { numeric: true });
      return sort.ascending ? order : -order;
    });
  }, [rows, columns, filter, sort]);

  const hidden = shown.length - ROWS_SHOWN;
  const tableId = `${id}-table`;
  return (
    <div className="fact-table">
      {rows.length > ROWS_SHOWN / 2 && (
        <div className="fact-table-filter no-print">
          <label htmlFor={`${id}-filter`}>{t('card.filter')}</label>
          <input
            id={`${id}-filter`}
            type="search"
            value={filter}
            aria-controls={tableId}
            onChange={(event) => setFilter(event.target.value)}
          />
        </div>
      )}
      <div className="fact-table-scroll">
        <table id={tableId} className={expanded ? 'expanded' : undefined}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => {
                const sorted = sort?.key === column.key ? sort : null;
                return (
                  <th
                    key={column.key}
                    scope="col"
                    aria-sort={sorted ? (sorted.ascending ? 'ascending' : 'descending') : undefined}
                  >
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() =>
                        setSort({ key: column.key, ascending: sorted ? !sorted.ascending : true })
                      }
                    >
                      {column.label}
                      <span aria-hidden="true" className="sort-mark">
                        {sorted ? (sorted.ascending ? ' ▲' : ' ▼') : ' ↕'}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.map((row, i) => (
              <tr key={i} className={i >= ROWS_SHOWN ? 'row-extra' : undefined}>
                {columns.map((column) => (
                  <td key={column.key}>{column.render ? column.render(row) : column.text(row)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length === 0 && <p className="muted">{t('card.noRows')}</p>}
      {hidden > 0 && (
        <button
          type="button"
          className="secondary no-print"
          aria-expanded={expanded}
          aria-controls={tableId}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? t('card.showFewer') : t('card.showAll', { count: shown.length })}
        </button>
      )}
    </div>
  );
}
