import { documentKinds } from '../../../../src/domain/document-kind.ts';

/** The library's documents, uploads and passages as the API gives them: the contracts' types. */

/** Prose documents hold passages; every other kind is a table of dated facts. */
export const isProse = (kind: string): boolean =>
  (documentKinds as readonly string[]).includes(kind);

/** Options typed once for the files added next (multipart fields of the upload). */
export interface UploadOptions {
  kind: string;
  setting: string;
  system: string;
  effective: string;
  /** '' detect, 'true' partial, 'false' complete. */
  partial: string;
}

export const noOptions: UploadOptions = {
  kind: '',
  setting: '',
  system: '',
  effective: '',
  partial: '',
};
