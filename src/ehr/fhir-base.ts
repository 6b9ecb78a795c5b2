/** A FHIR base URL as Codecard compares them: no trailing slash. */
export function normalizeFhirBase(iss: string): string {
  return iss.replace(/\/+$/, '');
}
