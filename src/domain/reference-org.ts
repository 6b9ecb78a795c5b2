/**
 * The organization that holds instance-wide reference data: official CMS/CDC releases an
 * instance admin imports once and every organization reads beside its own documents.
 */
export const REFERENCE_ORG = 'reference';
