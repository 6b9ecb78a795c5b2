import { z } from 'zod';
import { claimResultSchema } from './checks.ts';
import { citationSchema, isoDateSchema, localeSchema } from './common.ts';

/**
 * Inside the EHR (issue 18): the shapes shared by the server (src/ehr, its routes) and the web
 * app. A case is one encounter read from the EHR for the session; nothing of it is stored.
 */

/** Where a fact on a case view came from: the patient's chart, or the organization's library. */
export const factOriginSchema = z.enum(['chart', 'library']);

/** A FHIR resource a case fact was read from (type and id, no content). */
export const fhirReferenceSchema = z.object({ resourceType: z.string(), id: z.string() });

export const caseDiagnosisSchema = z.object({
  /** ICD-10-CM, dotted ("M54.16"). */
  code: z.string(),
  /** The EHR's display text for the coding, as the chart has it. */
  display: z.string().optional(),
  from: fhirReferenceSchema,
});

export const caseProcedureSchema = z.object({
  code: z.string(),
  system: z.enum(['cpt', 'hcpcs']),
  modifiers: z.array(z.string()),
  units: z.number().int().positive(),
  display: z.string().optional(),
  /** Performed (Procedure) or ordered/proposed (ServiceRequest). */
  status: z.enum(['performed', 'ordered']),
  from: fhirReferenceSchema,
});

/** Something in the chart Codecard could not use, and why (a coding in another system…). */
export const caseSkippedSchema = z.object({ from: fhirReferenceSchema, reason: z.string() });

export const ehrCaseSchema = z.object({
  fhirBase: z.string(),
  patientId: z.string(),
  encounterId: z.string(),
  /** The encounter's date of service (its period start, else the procedures' dates). */
  dateOfService: isoDateSchema,
  setting: z.enum(['practitioner', 'hospital']),
  /** What decided the setting, e.g. "Encounter.class AMB, Encounter.type outpatient hospital". */
  settingFrom: z.string(),
  diagnoses: z.array(caseDiagnosisSchema),
  procedures: z.array(caseProcedureSchema),
  skipped: z.array(caseSkippedSchema),
  /** The claim check run on the case: findings with the library rows they rest on. */
  check: claimResultSchema,
});
export type EhrCase = z.infer<typeof ehrCaseSchema>;

/** One fact of an answer "for this patient", marked by where it came from. */
export const caseFactSchema = z.object({
  text: z.string(),
  origin: factOriginSchema,
  /** Library facts: the rows they rest on; chart facts: none. */
  citations: z.array(citationSchema),
  /** Chart facts: the FHIR resources they were read from. */
  from: z.array(fhirReferenceSchema).optional(),
});
export type CaseFact = z.infer<typeof caseFactSchema>;

/**
 * An answer about codes "for this patient" (Ask, the card): the case check's findings that
 * involve the asked codes, each fact marked chart or library. Never stored or cached.
 */
export const caseAnswerSchema = z.object({
  encounterId: z.string(),
  dateOfService: isoDateSchema,
  setting: z.enum(['practitioner', 'hospital']),
  /** The codes asked about. */
  codes: z.array(z.string()),
  facts: z.array(caseFactSchema),
});
export type CaseAnswer = z.infer<typeof caseAnswerSchema>;
/** `GET /api/ehr/case/codes/:system/:code?lang=` (params as the card's): the card page's case. */
export const caseCodeQuerySchema = z.object({ lang: localeSchema.optional() });

/** An organization's EHR connection, configured by its admin (enables case-specific answers). */
export const ehrConnectionSchema = z.object({
  /** The EHR's FHIR base URL, the `iss` of its launches. */
  issuer: z.url(),
  clientId: z.string().min(1).max(200),
  scopes: z.string().min(1).max(1000),
  /** Origins allowed to frame Codecard for this EHR (CSP frame-ancestors). */
  frameAncestors: z.array(z.url()).max(20),
  /** The EHR's CDS Hooks client: the `iss` of the JWT it signs each hook call with. */
  cdsIssuer: z.string().min(1).max(500).optional(),
  /** Where that client's public keys are (a JWKS); a JWT's `jku` must equal it. */
  cdsJwksUrl: z.url().max(2000).optional(),
});
export type EhrConnection = z.infer<typeof ehrConnectionSchema>;

/** Whether case-specific answers are on for the caller's organization. */
export const ehrStatusSchema = z.object({
  enabled: z.boolean(),
  /** The caller has already asked for access (and it is not yet handled). */
  requested: z.boolean(),
});

export const ehrAccessRequestSchema = z.object({
  id: z.number(),
  userEmail: z.string(),
  note: z.string(),
  requestedAt: z.string(),
});
export const newEhrAccessRequestSchema = z.object({ note: z.string().max(1000).default('') });
/** GET /api/ehr/access-requests (admin): the organization's open requests, newest first. */
export const ehrAccessRequestsSchema = z.object({ requests: z.array(ehrAccessRequestSchema) });
