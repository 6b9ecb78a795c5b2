import { systemsForShape } from '../../../src/domain/code-shape.ts';

/** The card page of a code named without its system: the system its shape suggests first. */
export function cardHref(
  code: string,
  options: { system?: string; dos?: string; setting?: string; lang?: string } = {},
): string {
  const system = options.system ?? systemsForShape(code)[0] ?? 'cpt';
  const query = new URLSearchParams();
  if (options.dos) query.set('dos', options.dos);
  if (options.setting) query.set('setting', options.setting);
  if (options.lang) query.set('lang', options.lang);
  const search = query.toString();
  return `/codes/${encodeURIComponent(system)}/${encodeURIComponent(code)}${search ? `?${search}` : ''}`;
}
