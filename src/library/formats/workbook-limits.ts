/**
 * Limits on the work an XLSX upload may cause, beyond the zip guard's (entries, total inflated
 * size, ratio). A workbook inside those limits could still hold the server: exceljs's whole-book
 * model of a 600k-row PTP sheet (15 MB file, 225 MB of sheet XML) took 2.3 GiB.
 */
export interface WorkbookLimits {
  /**
   * The longest run of XML between two `<` in any part: a cell's text, or a tag with its
   * attributes. Excel caps a cell at 32,767 characters (up to 6 bytes each when escaped), so a
   * longer run is no spreadsheet, and the XML reader would have to hold it whole.
   */
  maxXmlTokenBytes: number;
  /** xl/sharedStrings.xml, inflated: every shared string is held in memory while the sheet is read. */
  maxSharedStringsBytes: number;
  /** Characters in one cell, as Excel allows. */
  maxCellChars: number;
  /**
   * Cells kept for the sheet that is read, blanks before a row's last cell included (a row whose
   * only cell is in column XFD is 16,384 cells). 600k PTP rows are 4.2M.
   */
  maxSheetCells: number;
  /**
   * The last column a row may use. The tables Codecard reads have a few dozen; rows reaching
   * column XFD (16,384) made kind detection's header matching alone take 1.9 s for 40 rows.
   */
  maxSheetColumns: number;
}

export const workbookLimits: WorkbookLimits = {
  maxXmlTokenBytes: 256 * 1024,
  maxSharedStringsBytes: 64 * 1024 * 1024,
  maxCellChars: 32_767,
  maxSheetCells: 12_000_000,
  maxSheetColumns: 1_024,
};
