import type { ReactNode } from 'react';
import { useT } from '../../i18n/locale-context.tsx';

export interface Tile {
  key: string;
  label: string;
  /** Null when there is nothing to measure yet (no questions, no votes). */
  value: string | null;
  detail?: ReactNode;
}

/** The headline numbers of a section, as a description list of label and value. */
export function KpiTiles({ tiles }: { tiles: Tile[] }) {
  const t = useT();
  return (
    <dl className="perf-tiles">
      {tiles.map((tile) => (
        <div className="perf-tile" key={tile.key} data-tile={tile.key}>
          <dt>{tile.label}</dt>
          <dd className="perf-tile-value">
            {tile.value ?? (
              <>
                <span aria-hidden="true">—</span>
                <span className="visually-hidden">{t('performance.kpi.none')}</span>
              </>
            )}
          </dd>
          {tile.detail !== undefined && <dd className="perf-tile-detail">{tile.detail}</dd>}
        </div>
      ))}
    </dl>
  );
}
