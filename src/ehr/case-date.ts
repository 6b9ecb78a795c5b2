import type { Procedure, ServiceRequest } from '@medplum/fhirtypes';
import type { FhirCaseResources } from './fhir-case-resources.ts';

/**
 * The date of service of a case: Encounter.period.start, else the earliest performed date of its
 * procedures (performedDateTime, performedPeriod.start), else the earliest date of its orders
 * (occurrenceDateTime, occurrencePeriod.start, the first occurrenceTiming event). The date is the
 * calendar date as the chart writes it (its own time zone), never shifted to UTC. Null when none.
 */
export function caseDate(resources: FhirCaseResources): string | null {
  const fromEncounter = isoDate(resources.encounter?.period?.start);
  if (fromEncounter) return fromEncounter;
  return (
    earliest(resources.procedures.map(performedDate)) ??
    earliest(resources.serviceRequests.map(orderedDate))
  );
}

function performedDate(procedure: Procedure): string | null {
  return isoDate(procedure.performedDateTime ?? procedure.performedPeriod?.start);
}

function orderedDate(order: ServiceRequest): string | null {
  return isoDate(
    order.occurrenceDateTime ?? order.occurrencePeriod?.start ?? order.occurrenceTiming?.event?.[0],
  );
}

/** "2026-03-02T09:00:00-05:00" → "2026-03-02"; partial dates ("2026-03") are not a date of service. */
function isoDate(value: string | undefined): string | null {
  const match = value === undefined ? null : /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
  return match?.[1] ?? null;
}

function earliest(dates: (string | null)[]): string | null {
  const known = dates.filter((d): d is string => d !== null).sort();
  return known[0] ?? null;
}
