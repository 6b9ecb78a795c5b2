import type {
  Bundle,
  Condition,
  Coverage,
  Encounter,
  Patient,
  Procedure,
  Resource,
  ServiceRequest,
} from '@medplum/fhirtypes';
import { CodecardError } from '../errors/codecard-error.ts';
import { fetchJsonBounded } from './bounded-fetch.ts';
import type { CaseToken } from './case-token.ts';
import type { FhirCaseResources } from './fhir-case-resources.ts';

/** One FHIR read, for the audit log: the resource type and the id or search, never content. */
export interface FhirRead {
  resourceType: string;
  target: string;
  ok: boolean;
}

const READ_TIMEOUT_MS = 10_000;
const MAX_READ_BYTES = 2 * 1024 * 1024;
/**
 * Pages of one search followed at most: an encounter with more diagnoses or procedures than this
 * many pages hold is refused (a case checked on part of its chart would answer wrongly).
 */
const MAX_PAGES = 20;

/**
 * Reads one encounter's resources from the EHR with the case's access token (FHIR R4 JSON,
 * 10 s and 2 MB per read): the Patient, the Encounter, its Conditions, Procedures and
 * ServiceRequests, and the patient's Coverage. The Encounter is required; the others may be
 * refused by the token's scopes (403/404: read as none). Searches follow their `next` pages
 * (up to MAX_PAGES), only on the EHR's own FHIR base: the token is never sent elsewhere.
 * Every read is reported to `audit` before the next starts.
 */
export async function readFhirCase(
  token: CaseToken,
  audit: (read: FhirRead) => Promise<void>,
): Promise<FhirCaseResources> {
  const base = token.iss.endsWith('/') ? token.iss : `${token.iss}/`;
  const headers = { authorization: `Bearer ${token.accessToken}` };
  const read = async (path: string, resourceType: string, optional: boolean) => {
    const url = new URL(path, base);
    // The id of a read ("123"), or the search's query ("?patient=…"): the type is beside it.
    const target = url.href.slice(base.length + resourceType.length).replace(/^\//, '');
    try {
      const body = await fetchJsonBounded(url, {
        timeoutMs: READ_TIMEOUT_MS,
        maxBytes: MAX_READ_BYTES,
        headers,
        failure: 'EHR_READ_FAILED',
        label: `${resourceType} read`,
      });
      await audit({ resourceType, target, ok: true });
      return body;
    } catch (error) {
      await audit({ resourceType, target, ok: false });
      const status = error instanceof CodecardError ? error.details?.status : undefined;
      if (optional && (status === 403 || status === 404)) return null;
      throw error;
    }
  };
  /** Every page of a search, in order. */
  const search = async <T extends Resource>(
    path: string,
    resourceType: T['resourceType'],
    optional: boolean,
  ): Promise<T[]> => {
    const found: T[] = [];
    let next: string | null = path;
    for (let page = 0; next !== null; page++) {
      if (page === MAX_PAGES)
        throw new CodecardError('EHR_READ_FAILED', {
          reason: `the ${resourceType} search has more than ${MAX_PAGES} pages; the case was not checked on part of it`,
        });
      const body = await read(next, resourceType, optional);
      found.push(...searchSet<T>(body, resourceType));
      next = nextPage(body, base);
    }
    return found;
  };
  const p = encodeURIComponent(token.patient);
  const e = encodeURIComponent(token.encounter);
  const encounter = one<Encounter>(await read(`Encounter/${e}`, 'Encounter', false), 'Encounter');
  if (!encounter) throw new CodecardError('EHR_READ_FAILED', { reason: 'no such encounter' });
  const patient = one<Patient>(await read(`Patient/${p}`, 'Patient', true), 'Patient');
  const conditions = await search<Condition>(
    `Condition?patient=${p}&encounter=${e}`,
    'Condition',
    false,
  );
  const procedures = await search<Procedure>(
    `Procedure?patient=${p}&encounter=${e}`,
    'Procedure',
    false,
  );
  const serviceRequests = await search<ServiceRequest>(
    `ServiceRequest?patient=${p}&encounter=${e}`,
    'ServiceRequest',
    true,
  );
  const coverages = await search<Coverage>(`Coverage?patient=${p}`, 'Coverage', true);
  return {
    fhirBase: token.iss,
    patient,
    encounter,
    conditions,
    procedures,
    serviceRequests,
    coverages,
  };
}

function one<T extends Resource>(body: unknown, resourceType: T['resourceType']): T | null {
  return isResource(body) && body.resourceType === resourceType ? (body as T) : null;
}

/** The search Bundle's resources of the type asked for (OperationOutcome entries skipped). */
function searchSet<T extends Resource>(body: unknown, resourceType: T['resourceType']): T[] {
  if (!isResource(body) || body.resourceType !== 'Bundle') return [];
  const bundle: Bundle = body;
  const entries = bundle.entry ?? [];
  return entries
    .map((entry) => entry.resource)
    .filter((resource): resource is T => resource?.resourceType === resourceType);
}

/**
 * The search's next page, or null on the last. A `next` link off the EHR's FHIR base is refused:
 * following it would hand the user's access token to another server.
 */
function nextPage(body: unknown, base: string): string | null {
  if (!isResource(body) || body.resourceType !== 'Bundle') return null;
  const bundle: Bundle = body;
  const next = bundle.link?.find((link) => link.relation === 'next')?.url;
  if (!next) return null;
  if (!new URL(next, base).href.startsWith(base))
    throw new CodecardError('EHR_READ_FAILED', {
      reason: 'a search page links outside the EHR’s FHIR base; it was not followed',
    });
  return next;
}

function isResource(body: unknown): body is Resource {
  return typeof body === 'object' && body !== null && 'resourceType' in body;
}
