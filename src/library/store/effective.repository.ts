import { sql, type RawBuilder } from 'kysely';

/**
 * SQL predicate: the document version `alias` is in force on the date of service. A version
 * with no stated start is in force from the beginning.
 */
export function documentInForce(alias: string, dos: string): RawBuilder<boolean> {
  const from = sql.ref(`${alias}.effective_from`);
  const to = sql.ref(`${alias}.effective_to`);
  return sql<boolean>`((${from} is null or ${from} <= ${dos}::date) and (${to} is null or ${to} >= ${dos}::date))`;
}
