/** Where a service was given, as NCCI splits its tables: practitioner, outpatient hospital, DME supplier. */
export const settings = ['practitioner', 'hospital', 'dme'] as const;

export type Setting = (typeof settings)[number];

export function isSetting(value: unknown): value is Setting {
  return settings.some((setting) => setting === value);
}
