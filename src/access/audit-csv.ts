import { csvCell } from '../domain/csv-cell.ts';
import type { AuditRow } from './audit.repository.ts';

const HEADER = [
  'id',
  'at',
  'actor_email',
  'actor_user_id',
  'api_key_id',
  'action',
  'target_type',
  'target_id',
  'outcome',
  'ip',
];

/** The audit log as CSV; cells a spreadsheet would run as formulas are neutralised. */
export function auditCsv(rows: readonly AuditRow[]): string {
  const lines = [HEADER.join(',')];
  for (const row of rows) {
    lines.push(
      [
        row.id,
        row.at.toISOString(),
        row.actor_email ?? '',
        row.actor_user_id ?? '',
        row.actor_api_key_id ?? '',
        row.action,
        row.target_type ?? '',
        row.target_id ?? '',
        row.outcome,
        row.ip ?? '',
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
