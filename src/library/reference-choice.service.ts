import { CodecardError } from '../errors/codecard-error.ts';
import type { LibraryContext } from './library-context.ts';
import {
  referenceDatasets,
  turnOffReferenceDataset,
  turnOnReferenceDataset,
} from './store/reference-choice.repository.ts';

export interface ReferenceDatasetChoice {
  datasetKey: string;
  kind: string;
  titles: string[];
  documents: number;
  /** Whether the organization's cards, checks and answers read it. */
  used: boolean;
  /** Why not: the organization holds its own release, or its admin turned it off. */
  setAside: 'own-release' | 'turned-off' | null;
}

/** The instance-wide reference datasets and whether this organization uses each. */
export async function referenceChoices(ctx: LibraryContext): Promise<ReferenceDatasetChoice[]> {
  return (await referenceDatasets(ctx.db, ctx.orgId)).map((row) => {
    const setAside = row.own_release ? 'own-release' : row.turned_off ? 'turned-off' : null;
    return {
      datasetKey: row.dataset_key,
      kind: row.kind,
      titles: row.titles,
      documents: row.documents,
      used: setAside === null,
      setAside,
    };
  });
}

/** Turns one reference dataset on or off for the organization. */
export async function chooseReferenceDataset(
  ctx: LibraryContext,
  datasetKey: string,
  use: boolean,
): Promise<ReferenceDatasetChoice> {
  const exists = (await referenceDatasets(ctx.db, ctx.orgId)).some(
    (row) => row.dataset_key === datasetKey,
  );
  if (!exists) {
    throw new CodecardError('NOT_FOUND', {
      detail: `the reference data has no dataset "${datasetKey}"`,
    });
  }
  if (use) await turnOnReferenceDataset(ctx.db, ctx.orgId, datasetKey);
  else await turnOffReferenceDataset(ctx.db, ctx.orgId, datasetKey);
  const choice = (await referenceChoices(ctx)).find((c) => c.datasetKey === datasetKey);
  if (!choice) throw new CodecardError('NOT_FOUND', { detail: datasetKey });
  return choice;
}
