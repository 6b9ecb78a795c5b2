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
 * Reads one encounter's resources from the EHR with the case's access token (FHIR R4 JSON,
 * 10 s and 2 MB per read): the Patient, the Encounter, its Conditions, Procedures and
 * ServiceRequests, and the patient's Coverage. The Encounter is required; the others may be
 * refused by the token's scopes (403/404: read as none). Searches read the first page only.
 * Every read is reported to `audit` before the next starts.
 */
export async function readFhirCase(
  token: CaseToken,
  audit: (read: FhirRead) => Promise<void>,
): Promise<FhirCaseResources> {
  const base = token.iss.endsWith('/') ? token.iss : `${token.iss}/`;
  const headers = { authorization: `Bearer ${token.accessToken}` };
  const read = async (path: string, resourceType: string, optional: boolean) => {
    // The id of a read ("123"), or the search's query ("?patient=…"): the type is beside it.
    const target = path.slice(resourceType.length).replace(/^\//, '');
    try {
      const body = await fetchJsonBounded(new URL(path, base), {
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
  const p = encodeURIComponent(token.patient);
  const e = encodeURIComponent(token.encounter);
  const encounter = one<Encounter>(await read(`Encounter/${e}`, 'Encounter', false), 'Encounter');
  if (!encounter) throw new CodecardError('EHR_READ_FAILED', { reason: 'no such encounter' });
  const patient = one<Patient>(await read(`Patient/${p}`, 'Patient', true), 'Patient');
  const conditions = searchSet<Condition>(
    await read(`Condition?patient=${p}&encounter=${e}`, 'Condition', false),
    'Condition',
  );
  const procedures = searchSet<Procedure>(
    await read(`Procedure?patient=${p}&encounter=${e}`, 'Procedure', false),
    'Procedure',
  );
  const serviceRequests = searchSet<ServiceRequest>(
    await read(`ServiceRequest?patient=${p}&encounter=${e}`, 'ServiceRequest', true),
    'ServiceRequest',
  );
  const coverages = searchSet<Coverage>(
    await read(`Coverage?patient=${p}`, 'Coverage', true),
    'Coverage',
  );
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

function isResource(body: unknown): body is Resource {
  return typeof body === 'object' && body !== null && 'resourceType' in body;
}
