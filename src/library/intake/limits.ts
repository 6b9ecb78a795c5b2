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
  /**
   * Text and Markdown: the longest line. Real prose wraps or breaks paragraphs long before a
   * megabyte; a single 20 MB line froze the server in a regular-expression pass.
   */
  maxLineBytes: 1024 * 1024,
  /** Markdown block quotes and lists, HTML (and DOCX) elements: marked's work explodes with depth. */
  maxNestingDepth: 200,
  /** Passages per document (a 5,000-page PDF gives about 50,000). */
  maxPassages: 200_000,
  /**
   * DOCX: the XML mammoth reads (document, styles, notes; inflated, as counted by the zip
   * guard). A 1,000-page manual has about 30 MB; mammoth holds the XML several times over, so a
   * 377 MB document.xml (a DOCX expanding 121x, inside the zip limits) ran the server out of memory.
   */
  maxDocxXmlBytes: 64 * 1024 * 1024,
  /**
   * Code mentions per prose document. Each is a stored row; a 20 MB text with a code on every
   * line has ~430,000 (ranges count every code they expand to).
   */
  maxMentions: 1_000_000,
} as const;

/** The limits on the work a prose parser may do, handed to each parse (tests lower them). */
export interface DocumentLimits {
  maxLineBytes: number;
  maxNestingDepth: number;
  maxPassages: number;
  maxPdfPages: number;
  maxDocxXmlBytes: number;
  maxMentions: number;
}

export const documentLimits: DocumentLimits = {
  maxLineBytes: intakeLimits.maxLineBytes,
  maxNestingDepth: intakeLimits.maxNestingDepth,
  maxPassages: intakeLimits.maxPassages,
  maxPdfPages: intakeLimits.maxPdfPages,
  maxDocxXmlBytes: intakeLimits.maxDocxXmlBytes,
  maxMentions: intakeLimits.maxMentions,
};
