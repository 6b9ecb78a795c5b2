import { useId, type ReactNode } from 'react';

export interface Column {
  label: ReactNode;
  /** Counts line up at the end of their cell. */
  numeric?: boolean;
}

/**
 * A captioned table whose first cell in each row heads that row; it scrolls sideways inside
 * its own region (keyboard reachable) rather than widen a narrow page. An empty list is said
 * in words instead of an empty table.
 */
export function PerfTable({
  caption,
  columns,
  rows,
  empty,
  className,
}: {
  caption: string;
  columns: Column[];
  rows: { key: string; cells: ReactNode[] }[];
  empty: string;
  className?: string;
}) {
  const id = useId();
  if (rows.length === 0) return <p className="muted">{empty}</p>;
  return (
    <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className={`perf-table${className ? ` ${className}` : ''}`}>
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, i) => (
              <th scope="col" key={i} className={column.numeric ? 'perf-number' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, i) => {
                const numeric = columns[i]?.numeric ? 'perf-number' : undefined;
                return i === 0 ? (
                  <th scope="row" key={i} className={numeric}>
                    {cell}
                  </th>
                ) : (
                  <td key={i} className={numeric}>
                    {cell}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
