import type {
  AddOnTableRow,
  CardCitation,
  CardTable,
  MueTableRow,
  PtpTableRow,
} from '../../../../src/contracts/cards.ts';
import { Link } from '../../app/router.tsx';
import { formatLocator, sourceHref } from '../../components/citations.ts';
import { useLocale, type Translate } from '../../i18n/locale-context.tsx';
import { FactTable, type FactColumn } from './FactTable.tsx';
import { sourceOf } from './source-groups.ts';

/** A row's source: its place, opening the source viewer there; the full label for readers. */
function SourceCell({ citation }: { citation: CardCitation }) {
  const { t } = useLocale();
  const place = citation.place ?? formatLocator(citation.locator, t, citation.title);
  return (
    <Link
      href={sourceHref(citation)}
      className="citation"
      title={citation.label ?? sourceOf(citation)}
      aria-label={citation.label ?? `${sourceOf(citation)}, ${place}`}
    >
      {place || sourceOf(citation)}
    </Link>
  );
}

const period = (row: { from: string | null; to: string | null }) =>
  `${row.from ?? '…'} – ${row.to ?? '…'}`;

function sourceColumn<Row extends { citation: CardCitation }>(t: Translate): FactColumn<Row> {
  return {
    key: 'source',
    label: t('card.col.source'),
    text: (row) => row.citation.label ?? row.citation.locator,
    sortValue: (row) => Number(/\d+/.exec(row.citation.locator)?.[0] ?? 0),
    render: (row) => <SourceCell citation={row.citation} />,
  };
}

function ptpColumns(t: Translate): FactColumn<PtpTableRow>[] {
  return [
    { key: 'code', label: t('card.col.code'), text: (r) => r.otherCode },
    { key: 'descriptor', label: t('card.col.descriptor'), text: (r) => r.descriptor },
    {
      key: 'column',
      label: t('card.col.column'),
      text: (r) => String(r.column),
      sortValue: (r) => r.column,
    },
    {
      key: 'indicator',
      label: t('card.col.indicator'),
      text: (r) => t('card.indicator', { indicator: String(r.modifierIndicator) }),
      sortValue: (r) => r.modifierIndicator,
    },
    { key: 'rationale', label: t('card.col.rationale'), text: (r) => r.rationale ?? '' },
    { key: 'period', label: t('card.col.period'), text: period },
    { key: 'bypass', label: t('card.col.bypass'), text: (r) => r.bypassModifiers.join(', ') },
    sourceColumn(t),
  ];
}

function mueColumns(t: Translate): FactColumn<MueTableRow>[] {
  return [
    {
      key: 'value',
      label: t('card.col.value'),
      text: (r) => String(r.value),
      sortValue: (r) => r.value,
    },
    {
      key: 'adjudication',
      label: t('card.col.adjudication'),
      text: (r) => t('card.adjudication', { adjudication: String(r.adjudication ?? '') }),
      sortValue: (r) => r.adjudication ?? 0,
    },
    { key: 'rationale', label: t('card.col.rationale'), text: (r) => r.rationale ?? '' },
    {
      key: 'setting',
      label: t('card.col.setting'),
      text: (r) => t('card.settingName', { setting: r.setting }),
    },
    { key: 'period', label: t('card.col.period'), text: period },
    sourceColumn(t),
  ];
}

function addOnColumns(t: Translate): FactColumn<AddOnTableRow>[] {
  return [
    { key: 'primary', label: t('card.col.primary'), text: (r) => r.primaryCode },
    { key: 'addOn', label: t('card.col.addOn'), text: (r) => r.addOnCode },
    { key: 'descriptor', label: t('card.col.descriptor'), text: (r) => r.descriptor },
    sourceColumn(t),
  ];
}

/** A section's table facts as sortable, filterable tables. */
export function CardTables({ tables }: { tables: readonly CardTable[] }) {
  const { t } = useLocale();
  return (
    <>
      {tables.map((table) => {
        switch (table.kind) {
          case 'ptp':
            return (
              <FactTable
                key="ptp"
                caption={t('card.table.ptp')}
                columns={ptpColumns(t)}
                rows={table.rows}
              />
            );
          case 'mue':
            return (
              <FactTable
                key="mue"
                caption={t('card.table.mue')}
                columns={mueColumns(t)}
                rows={table.rows}
              />
            );
          case 'add-on':
            return (
              <FactTable
                key="add-on"
                caption={t('card.table.addOn')}
                columns={addOnColumns(t)}
                rows={table.rows}
              />
            );
        }
      })}
    </>
  );
}
