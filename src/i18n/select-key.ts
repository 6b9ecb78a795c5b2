/** A kebab-case value as an ICU select key ("same-site" → "sameSite"): selectors take no hyphens. */
export function camel(value: string): string {
  return value.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
}
