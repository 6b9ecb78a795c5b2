import { buildEditIndex } from './edit-index.ts';
import { libraryVersionCache } from './library-version-cache.ts';
import { buildReferenceIndex } from './reference-index.loader.ts';

/** The NCCI PTP and MUE edits of an org, built on first use and rebuilt when they change. */
export const editIndexFor = libraryVersionCache('ncci-edits', buildEditIndex);

/** Descriptors, add-ons, indicators, coverage and guidance, rebuilt when those documents change. */
export const referenceIndexFor = libraryVersionCache('reference', buildReferenceIndex);
