import { buildEditIndex } from './edit-index.ts';
import { buildEditReleases } from './edit-releases.ts';
import { libraryVersionCache } from './library-version-cache.ts';
import { buildReferenceIndex } from './reference-index.loader.ts';

/** The NCCI PTP and MUE edits of an org, built on first use and rebuilt when they change. */
export const editIndexFor = libraryVersionCache('ncci-edits', buildEditIndex);

/**
 * The same org's NCCI releases without their rows (periods, precedence, coverage): what a card
 * needs, read in one query, so a card never waits for the edit index to load.
 */
export const editReleasesFor = libraryVersionCache('ncci-edits', buildEditReleases);

/** Descriptors, add-ons, indicators, coverage and guidance, rebuilt when those documents change. */
export const referenceIndexFor = libraryVersionCache('reference', buildReferenceIndex);
