/** Hard limits on what an upload may contain. Checked before any expensive work. */
export const intakeLimits = {
  /** Largest file accepted (a full quarterly PTP part is ~70 MB as text). */
  maxFileBytes: 512 * 1024 * 1024,
  /** Zip containers (DOCX, XLSX): entry count and total uncompressed size. */
  maxZipEntries: 5_000,
  maxZipUncompressedBytes: 400 * 1024 * 1024,
  /** A single entry that inflates more than this many times its compressed size is a bomb. */
  maxZipRatio: 200,
  maxPdfPages: 5_000,
} as const;
