import { readFile } from 'node:fs/promises';
import type { Bundle } from '@medplum/fhirtypes';

/** The synthetic FHIR cases (collection Bundles) the tests and the EHR simulator serve. */
export const caseFixtureDir = new URL('./fixtures/', import.meta.url).pathname;

export const caseFixtureNames = [
  'lumbar-radiculopathy-office',
  'outpatient-hospital-injection',
] as const;
export type CaseFixtureName = (typeof caseFixtureNames)[number];

export async function readCaseFixture(name: CaseFixtureName): Promise<Bundle> {
  return JSON.parse(await readFile(`${caseFixtureDir}${name}.json`, 'utf8')) as Bundle;
}
