/**
 * The coder's regression set for issue 12, "Truth by date of service".
 *
 * Every case was written from the CMS/CDC row it rests on (`evidence`: the file under
 * ../shared/data, the 1-based line and the row quoted as it stands there, trailing blanks of
 * fixed-width records left off). The runner re-reads each file and fails a case whose quote is
 * not at its line. Where the expected answer is that the library cannot tell, or rests on the
 * absence of a row (no edit between two covered codes, a code missing from a complete file),
 * `evidence` may be null with a `why`, and `absent` lists the rows the runner proves missing.
 *
 * These are the target behaviour, not today's output: many cases fail until issue 12 lands.
 * CPT codes appear as bare identifiers only; no CPT descriptor text is written here.
 */

export type Setting = 'practitioner' | 'hospital';

export type Verdict =
  // pair
  | 'allowed'
  | 'modifier-required'
  | 'not-allowed'
  | 'no-edit-found'
  // validity
  | 'valid'
  | 'not-billable'
  | 'ended'
  | 'not-yet'
  | 'not-in-library'
  // any kind: no release of the dataset in force, or outside a partial file's coverage
  | 'cannot-tell';

export type Rule =
  | 'code-validity'
  | 'ptp'
  | 'mue'
  | 'add-on'
  | 'modifier'
  | 'medical-necessity'
  | 'frequency'
  | 'duplicate';

export type Category =
  | 'pair-hospital'
  | 'pair-practitioner'
  | 'units'
  | 'validity-icd'
  | 'validity-hcpcs'
  | 'code-search'
  | 'table-rows'
  | 'claim-ptp'
  | 'claim-mue'
  | 'claim-validity';

/** A row of a file under shared/data. `firstLine`: where a multi-line CSV record starts. */
export interface Evidence {
  file: string;
  line: number;
  row: string;
  firstLine?: number;
}

/** A row that must not exist: no line of `file` contains `text`. */
export interface Absent {
  file: string;
  text: string;
}

type Grounds =
  | { evidence: Evidence; why?: string; absent?: Absent[] }
  | { evidence: null; why: string; absent?: Absent[] };

interface CaseBase {
  id: string;
  category: Category;
}

export type AskCase = CaseBase &
  Grounds & {
    type: 'ask';
    question: string;
    dos: string;
    setting: Setting;
    expect: {
      kind: 'pair' | 'units' | 'validity' | 'code-search' | 'table-rows';
      verdict?: Verdict;
      /** `codes[0]` must be one of these. */
      firstCode?: string[];
      /** `codes` must hold all of these. */
      codes?: string[];
      /** The answer text must match each. */
      text?: RegExp[];
      /** Must the answer cite the evidence row (default: yes when there is evidence)? */
      cite?: boolean;
      /** Further rows the answer must cite. */
      alsoCite?: Evidence[];
      /** Rows of the evidence file the answer must not cite. */
      notCite?: number[];
      /** Every citation of the evidence file's document must point to a record matching this. */
      citedRecordsMatch?: RegExp;
    };
  };

export interface ClaimLineInput {
  code: string;
  modifiers?: string[];
  units?: number;
  diagnoses?: string[];
}

export interface FindingExpectation {
  /** One rule, or any of several (e.g. a terminated modifier: code-validity or modifier). */
  rule: Rule | Rule[];
  severity: 'error' | 'warning' | 'info';
  /** Each must be among the finding's codes or modifiers. */
  codes?: string[];
  /** Each must be among the finding's lines (1-based line numbers). */
  lines?: number[];
  /** The finding must cite the case's evidence row. */
  cites?: boolean;
}

export type ClaimCase = CaseBase &
  Grounds & {
    type: 'claim';
    setting: Setting;
    dos: string;
    lines: ClaimLineInput[];
    mustHave: FindingExpectation[];
    mustNotHave: { rule: Rule; severity?: 'error' | 'warning' | 'info'; codes?: string[] }[];
    /** The rule whose warning states that the library cannot tell (counted in the summary). */
    cannotTell?: Rule;
  };

export type RegressionCase = AskCase | ClaimCase;

/** The files under shared/data the cases rest on. */
export const F_ptpH = 'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv';
export const F_ptpP = 'ncci-ptp/ccipra-v322r0-f1.excerpt.txt';
export const F_mueH = 'ncci-mue/MUE_OutpatientHospital_Eff_10-01-2026.spine_subset.csv';
export const F_mueP = 'ncci-mue/MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv';
export const F_icd21 = 'icd10cm/fy2021/icd10cm-order-Jan-2021.txt';
export const F_icd26 = 'icd10cm/fy2026-excerpt/icd10cm_order_2026.excerpt.txt';
export const F_hc20 = 'hcpcs-level2/2020/HCPC2020_ANWEB_w_disclaimer.txt';
export const F_hc26 = 'hcpcs-level2/2026-oct-excerpt/HCPC2026_OCT_ANWEB.excerpt.csv';
export const F_gpci = 'mpfs-2026/GPCI2026.csv';
export const F_mcd = 'mcd-coverage-index/documents_latest.csv';

const H = 'hospital' as const;
const P = 'practitioner' as const;
/** Hospital dates: the v32.3 hospital PTP subset and the hospital MUE subset take effect 2026-10-01. */
const HOSP_DOS = '2026-11-02';
/** Practitioner dates in v32.2's quarter (2026-07-01 to 2026-09-30) and the 2026-07-01 MUE file. */
const PRAC_DOS = '2026-08-03';

export const askCases: AskCase[] = [
  // ───────────── Pairs, outpatient hospital (v32.3 subset, in force from 2026-10-01) ─────────────
  {
    id: 'H01',
    category: 'pair-hospital',
    type: 'ask',
    question: 'can I bill 62264 with 77003 in hospital on 2026-11-02?',
    dos: HOSP_DOS,
    setting: H,
    evidence: {
      file: 'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv',
      line: 317,
      row: '62264,77003,1',
    },
    expect: { kind: 'pair', verdict: 'modifier-required' },
  },
  {
    id: 'H02',
    category: 'pair-hospital',
    type: 'ask',
    question: 'can I bill 62264 with 77003 with modifier XS in hospital on 2026-11-02?',
    dos: HOSP_DOS,
    setting: H,
    evidence: {
      file: 'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv',
      line: 317,
      row: '62264,77003,1',
    },
    why: 'Indicator 1 and an NCCI-associated modifier named: the edit is bypassed.',
    expect: { kind: 'pair', verdict: 'allowed' },
  },
  {
    id: 'H03',
    category: 'pair-hospital',
    type: 'ask',
    question: 'can I bill 62263 with 62264 in hospital on 2026-11-02?',
    dos: HOSP_DOS,
    setting: H,
    evidence: {
      file: 'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv',
      line: 72,
      row: '62263,62264,0',
    },
    expect: { kind: 'pair', verdict: 'not-allowed' },
  },
  {
    id: 'H04',
    category: 'pair-hospital',
    type: 'ask',
    question: 'can I bill 62263 with 62264 with modifier 59 in hospital on 2026-11-02?',
    dos: HOSP_DOS,
    setting: H,
    evidence: {
      file: 'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv',
      line: 72,
      row: '62263,62264,0',
    },
    why: 'Indicator 0 is never bypassed, whatever the modifier.',
    expect: { kind: 'pair', verdict: 'not-allowed' },
  },
  {
    id: 'H05',
    category: 'pair-hospital',
    type: 'ask',
    question: 'can I bill 64479 with 69990 in hospital on 2026-11-02?',
    dos: HOSP_DOS,
    setting: H,
    evidence: {
      file: 'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv',
      line: 2397,
      row: '64479,69990,0',
    },
    expect: { kind: 'pair', verdict: 'not-allowed' },
  },
  {
    id: 'H06',
    category: 'pair-hospital',
    type: 'ask',
    question: 'can I bill 62323 with 62284 in hospital on 2026-11-02?',
    dos: HOSP_DOS,
    setting: H,
    evidence: {
      file: 'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv',
      line: 1213,
      row: '62323,62284,0',
    },
    expect: { kind: 'pair', verdict: 'not-allowed' },
  },
  {
    id: 'H07',
    category: 'pair-hospital',
    type: 'ask',
    question: 'can I bill 62323 with 77003 in hospital on 2026-11-02?',
    dos: HOSP_DOS,
    setting: H,
    evidence: {
      file: 'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv',
      line: 1226,
      row: '62323,77003,1',
    },
    expect: { kind: 'pair', verdict: 'modifier-required' },
  },
  {
    id: 'H08',
    category: 'pair-hospital',
    type: 'ask',
    question: 'can I bill 77003 with 64483 in hospital on 2026-11-02?',
    dos: HOSP_DOS,
    setting: H,
    evidence: {
      file: 'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv',
      line: 2609,
      row: '64483,77003,1',
    },
    why: 'Asked column 2 first: the edit is found whichever code is named first.',
    expect: { kind: 'pair', verdict: 'modifier-required' },
  },
  {
    id: 'H09',
    category: 'pair-hospital',
    type: 'ask',
    question: 'can I bill 72270 with 72240 in hospital on 2026-11-02?',
    dos: HOSP_DOS,
    setting: H,
    evidence: {
      file: 'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv',
      line: 2794,
      row: '72270,72240,0',
    },
    expect: { kind: 'pair', verdict: 'not-allowed' },
  },
  {
    id: 'H10',
    category: 'pair-hospital',
    type: 'ask',
    question: 'can I bill 62324 with 62320 in hospital on 2026-11-02?',
    dos: HOSP_DOS,
    setting: H,
    evidence: {
      file: 'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv',
      line: 1456,
      row: '62324,62320,1',
    },
    expect: { kind: 'pair', verdict: 'modifier-required' },
  },
  {
    id: 'H11',
    category: 'pair-hospital',
    type: 'ask',
    question: 'can I bill 62264 with 62282 in hospital on 2026-11-02?',
    dos: HOSP_DOS,
    setting: H,
    evidence: {
      file: 'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv',
      line: 265,
      row: '62264,62282,0',
    },
    expect: { kind: 'pair', verdict: 'not-allowed' },
  },
  {
    id: 'H12',
    category: 'pair-hospital',
    type: 'ask',
    question: 'can I bill 62263 with 62282 in hospital on 2026-11-02?',
    dos: HOSP_DOS,
    setting: H,
    evidence: {
      file: 'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv',
      line: 73,
      row: '62263,62282,1',
    },
    why: 'Same column 2 as H11, but 62263 carries indicator 1.',
    expect: { kind: 'pair', verdict: 'modifier-required' },
  },
  {
    id: 'H13',
    category: 'pair-hospital',
    type: 'ask',
    question: 'can I bill 64483 with 20610 in hospital on 2026-11-02?',
    dos: HOSP_DOS,
    setting: H,
    evidence: {
      file: 'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv',
      line: 2562,
      row: '64483,20610,1',
    },
    expect: { kind: 'pair', verdict: 'modifier-required' },
  },
  {
    id: 'H14',
    category: 'pair-hospital',
    type: 'ask',
    question: 'can I bill 62322 with 99213 in hospital on 2026-11-02?',
    dos: HOSP_DOS,
    setting: H,
    evidence: {
      file: 'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv',
      line: 1058,
      row: '62322,99213,1',
    },
    expect: { kind: 'pair', verdict: 'modifier-required' },
  },
  {
    id: 'H15',
    category: 'pair-hospital',
    type: 'ask',
    question: 'can I bill 62323 with 64479 in hospital on 2026-11-02?',
    dos: HOSP_DOS,
    setting: H,
    evidence: null,
    why: 'Both are column-1 codes of the subset, each complete, and neither lists the other: no edit.',
    absent: [
      { file: F_ptpH, text: '62323,64479,' },
      { file: F_ptpH, text: '64479,62323,' },
    ],
    expect: { kind: 'pair', verdict: 'no-edit-found' },
  },
  {
    id: 'H16',
    category: 'pair-hospital',
    type: 'ask',
    question: 'can I bill 64483 with 64484 in hospital on 2026-11-02?',
    dos: HOSP_DOS,
    setting: H,
    evidence: null,
    why: 'Primary and its add-on, both column-1 codes of the subset: no edit either way.',
    absent: [
      { file: F_ptpH, text: '64483,64484,' },
      { file: F_ptpH, text: '64484,64483,' },
    ],
    expect: { kind: 'pair', verdict: 'no-edit-found' },
  },
  {
    id: 'H17',
    category: 'pair-hospital',
    type: 'ask',
    question: 'can I bill 62321 with 64483 in hospital on 2026-11-02?',
    dos: HOSP_DOS,
    setting: H,
    evidence: null,
    why: 'Both covered column-1 codes; 62321 lists 64480 but not 64483, and 64483 lists neither 62321.',
    absent: [
      { file: F_ptpH, text: '62321,64483,' },
      { file: F_ptpH, text: '64483,62321,' },
    ],
    expect: { kind: 'pair', verdict: 'no-edit-found' },
  },
  {
    id: 'H18',
    category: 'pair-hospital',
    type: 'ask',
    question: 'can I bill 77003 with 76942 in hospital on 2026-11-02?',
    dos: HOSP_DOS,
    setting: H,
    evidence: null,
    why: 'Neither code is a column-1 code of the subset (77003 as column 1 was not collected): an edit could exist outside it.',
    absent: [
      { file: F_ptpH, text: '77003,76942,' },
      { file: F_ptpH, text: '76942,77003,' },
    ],
    expect: { kind: 'pair', verdict: 'cannot-tell' },
  },
  {
    id: 'H19',
    category: 'pair-hospital',
    type: 'ask',
    question: 'can I bill 62323 with 99999 in hospital on 2026-11-02?',
    dos: HOSP_DOS,
    setting: H,
    evidence: null,
    why: '99999 is not a code any file in the library knows.',
    absent: [{ file: F_ptpH, text: '99999' }],
    expect: { kind: 'pair', verdict: 'cannot-tell' },
  },
  {
    id: 'H20',
    category: 'pair-hospital',
    type: 'ask',
    question: 'can I bill 62264 with 77003 in hospital on 2026-05-01?',
    dos: '2026-05-01',
    setting: H,
    evidence: {
      file: 'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv',
      line: 317,
      row: '62264,77003,1',
    },
    why: 'The hospital subset has no row dates and takes effect 2026-10-01: no hospital PTP in force on 2026-05-01.',
    expect: { kind: 'pair', verdict: 'cannot-tell', cite: false },
  },
  {
    id: 'H21',
    category: 'pair-hospital',
    type: 'ask',
    question: 'can I bill 62264 with J1040 in hospital on 2026-11-02?',
    dos: HOSP_DOS,
    setting: H,
    evidence: null,
    why: '62264 is covered, J1040 is not a column-1 code of the subset: an edit with J1040 as column 1 could exist.',
    absent: [
      { file: F_ptpH, text: '62264,J1040,' },
      { file: F_ptpH, text: 'J1040,' },
    ],
    expect: { kind: 'pair', verdict: 'cannot-tell' },
  },
  {
    id: 'H22',
    category: 'pair-hospital',
    type: 'ask',
    question: 'can I bill 64483 with 77003 in hospital on 2026-09-30?',
    dos: '2026-09-30',
    setting: H,
    evidence: {
      file: 'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv',
      line: 2609,
      row: '64483,77003,1',
    },
    why: 'The day before the hospital subset takes effect.',
    expect: { kind: 'pair', verdict: 'cannot-tell', cite: false },
  },
  {
    id: 'H23',
    category: 'pair-hospital',
    type: 'ask',
    question: 'can I bill 64483 with 77003 in hospital on 2026-10-01?',
    dos: '2026-10-01',
    setting: H,
    evidence: {
      file: 'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv',
      line: 2609,
      row: '64483,77003,1',
    },
    why: 'Its first day in force.',
    expect: { kind: 'pair', verdict: 'modifier-required' },
  },
  {
    id: 'H24',
    category: 'pair-hospital',
    type: 'ask',
    question: 'can I bill 62264 with 77003-XS in hospital on 2026-11-02?',
    dos: HOSP_DOS,
    setting: H,
    evidence: {
      file: 'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv',
      line: 317,
      row: '62264,77003,1',
    },
    why: 'The modifier written on the column 2 code.',
    expect: { kind: 'pair', verdict: 'allowed' },
  },
  {
    id: 'H25',
    category: 'pair-hospital',
    type: 'ask',
    question: 'can I bill 62264 with 77003 with XS on 77003 in hospital on 2026-11-02?',
    dos: HOSP_DOS,
    setting: H,
    evidence: {
      file: 'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv',
      line: 317,
      row: '62264,77003,1',
    },
    expect: { kind: 'pair', verdict: 'allowed' },
  },
  {
    id: 'H26',
    category: 'pair-hospital',
    type: 'ask',
    question: 'can I bill 62323 with 72275 in hospital on 2026-11-02?',
    dos: HOSP_DOS,
    setting: H,
    evidence: null,
    why: 'The subset covers a set of column-1 codes, not the range 72240–72295: 72275 is not among them, so an edit with 72275 as column 1 could exist.',
    absent: [{ file: F_ptpH, text: '72275' }],
    expect: { kind: 'pair', verdict: 'cannot-tell' },
  },

  // ───────────── Pairs, practitioner (v32.2 excerpt: rows carry their own dates) ─────────────
  {
    id: 'P01',
    category: 'pair-practitioner',
    type: 'ask',
    question: 'can I bill 0001A with 36591 on 2023-05-01?',
    dos: '2023-05-01',
    setting: P,
    evidence: {
      file: 'ncci-ptp/ccipra-v322r0-f1.excerpt.txt',
      line: 10,
      row: '0001A\t36591\t\t20220101\t20231231\t0\tCPT Manual or CMS manual coding instruction',
    },
    expect: { kind: 'pair', verdict: 'not-allowed' },
  },
  {
    id: 'P02',
    category: 'pair-practitioner',
    type: 'ask',
    question: 'can I bill 0001A with 36591 on 2024-01-02?',
    dos: '2024-01-02',
    setting: P,
    evidence: {
      file: 'ncci-ptp/ccipra-v322r0-f1.excerpt.txt',
      line: 10,
      row: '0001A\t36591\t\t20220101\t20231231\t0\tCPT Manual or CMS manual coding instruction',
    },
    why: 'Deleted 20231231, the last day the edit was in force.',
    expect: { kind: 'pair', verdict: 'allowed' },
  },
  {
    id: 'P03',
    category: 'pair-practitioner',
    type: 'ask',
    question: 'can I bill 0001A with 36591 on 2021-06-01?',
    dos: '2021-06-01',
    setting: P,
    evidence: {
      file: 'ncci-ptp/ccipra-v322r0-f1.excerpt.txt',
      line: 10,
      row: '0001A\t36591\t\t20220101\t20231231\t0\tCPT Manual or CMS manual coding instruction',
    },
    why: 'The edit starts 20220101, so none is in force; 36591 is outside the excerpt (column 1 0001A–0001U), so an edit with 36591 as column 1 could exist.',
    expect: { kind: 'pair', verdict: 'cannot-tell', cite: false },
  },
  {
    id: 'P04',
    category: 'pair-practitioner',
    type: 'ask',
    question: 'can I bill 0001A with 36591 on 2023-12-31?',
    dos: '2023-12-31',
    setting: P,
    evidence: {
      file: 'ncci-ptp/ccipra-v322r0-f1.excerpt.txt',
      line: 10,
      row: '0001A\t36591\t\t20220101\t20231231\t0\tCPT Manual or CMS manual coding instruction',
    },
    why: 'The deletion date is the last day in force.',
    expect: { kind: 'pair', verdict: 'not-allowed' },
  },
  {
    id: 'P05',
    category: 'pair-practitioner',
    type: 'ask',
    question: 'can I bill 0001A with 36591 on 2022-01-01?',
    dos: '2022-01-01',
    setting: P,
    evidence: {
      file: 'ncci-ptp/ccipra-v322r0-f1.excerpt.txt',
      line: 10,
      row: '0001A\t36591\t\t20220101\t20231231\t0\tCPT Manual or CMS manual coding instruction',
    },
    why: 'The effective date is the first day in force.',
    expect: { kind: 'pair', verdict: 'not-allowed' },
  },
  {
    id: 'P06',
    category: 'pair-practitioner',
    type: 'ask',
    question: 'can I bill 0001A with 99241 on 2023-03-01?',
    dos: '2023-03-01',
    setting: P,
    evidence: {
      file: 'ncci-ptp/ccipra-v322r0-f1.excerpt.txt',
      line: 25,
      row: '0001A\t99241\t\t20220101\t20221231\t1\tCPT Manual or CMS manual coding instruction',
    },
    why: 'This edit was deleted 20221231, a year before its neighbours.',
    expect: { kind: 'pair', verdict: 'allowed' },
  },
  {
    id: 'P07',
    category: 'pair-practitioner',
    type: 'ask',
    question: 'can I bill 0001A with 99242 on 2023-03-01?',
    dos: '2023-03-01',
    setting: P,
    evidence: {
      file: 'ncci-ptp/ccipra-v322r0-f1.excerpt.txt',
      line: 26,
      row: '0001A\t99242\t\t20220101\t20231231\t1\tCPT Manual or CMS manual coding instruction',
    },
    expect: { kind: 'pair', verdict: 'modifier-required' },
  },
  {
    id: 'P08',
    category: 'pair-practitioner',
    type: 'ask',
    question: 'can I bill 0001A with 90473 on 2022-01-01?',
    dos: '2022-01-01',
    setting: P,
    evidence: {
      file: 'ncci-ptp/ccipra-v322r0-f1.excerpt.txt',
      line: 12,
      row: '0001A\t90473\t\t20220101\t20220101\t9\tCPT Manual or CMS manual coding instruction',
    },
    why: 'Indicator 9: the edit does not apply.',
    expect: { kind: 'pair', verdict: 'allowed' },
  },
  {
    id: 'P09',
    category: 'pair-practitioner',
    type: 'ask',
    question: 'can I bill 0001M with 80050 on 2018-06-01?',
    dos: '2018-06-01',
    setting: P,
    evidence: {
      file: 'ncci-ptp/ccipra-v322r0-f1.excerpt.txt',
      line: 71,
      row: '0001M\t80050\t\t20170401\t20181231\t0\tMisuse of Column Two code with Column One code',
    },
    expect: { kind: 'pair', verdict: 'not-allowed' },
  },
  {
    id: 'P10',
    category: 'pair-practitioner',
    type: 'ask',
    question: 'can I bill 0001M with 80050 on 2019-01-01?',
    dos: '2019-01-01',
    setting: P,
    evidence: {
      file: 'ncci-ptp/ccipra-v322r0-f1.excerpt.txt',
      line: 71,
      row: '0001M\t80050\t\t20170401\t20181231\t0\tMisuse of Column Two code with Column One code',
    },
    why: 'Deleted 20181231.',
    expect: { kind: 'pair', verdict: 'allowed' },
  },
  {
    id: 'P11',
    category: 'pair-practitioner',
    type: 'ask',
    question: 'can I bill 0001U with 0029U on 2026-06-30?',
    dos: '2026-06-30',
    setting: P,
    evidence: {
      file: 'ncci-ptp/ccipra-v322r0-f1.excerpt.txt',
      line: 89,
      row: '0001U\t0029U\t\t20180701\t20260630\t1\tMisuse of Column Two code with Column One code',
    },
    why: 'The deletion date 20260630 is its last day, the day before v32.2 takes effect.',
    expect: { kind: 'pair', verdict: 'modifier-required' },
  },
  {
    id: 'P12',
    category: 'pair-practitioner',
    type: 'ask',
    question: 'can I bill 0001U with 0029U on 2026-07-01?',
    dos: '2026-07-01',
    setting: P,
    evidence: {
      file: 'ncci-ptp/ccipra-v322r0-f1.excerpt.txt',
      line: 89,
      row: '0001U\t0029U\t\t20180701\t20260630\t1\tMisuse of Column Two code with Column One code',
    },
    expect: { kind: 'pair', verdict: 'allowed' },
  },
  {
    id: 'P13',
    category: 'pair-practitioner',
    type: 'ask',
    question: 'can I bill 0001U with 0030U on 2026-08-03?',
    dos: PRAC_DOS,
    setting: P,
    evidence: {
      file: 'ncci-ptp/ccipra-v322r0-f1.excerpt.txt',
      line: 90,
      row: '0001U\t0030U\t\t20180701\t*\t1\tMisuse of Column Two code with Column One code',
    },
    expect: { kind: 'pair', verdict: 'modifier-required' },
  },
  {
    id: 'P14',
    category: 'pair-practitioner',
    type: 'ask',
    question: 'can I bill 0001U with 0030U with modifier 59 on 2026-08-03?',
    dos: PRAC_DOS,
    setting: P,
    evidence: {
      file: 'ncci-ptp/ccipra-v322r0-f1.excerpt.txt',
      line: 90,
      row: '0001U\t0030U\t\t20180701\t*\t1\tMisuse of Column Two code with Column One code',
    },
    expect: { kind: 'pair', verdict: 'allowed' },
  },
  {
    id: 'P15',
    category: 'pair-practitioner',
    type: 'ask',
    question: 'can I bill 0001A with 36592 with modifier 59 on 2023-05-01?',
    dos: '2023-05-01',
    setting: P,
    evidence: {
      file: 'ncci-ptp/ccipra-v322r0-f1.excerpt.txt',
      line: 11,
      row: '0001A\t36592\t\t20220101\t20231231\t0\tCPT Manual or CMS manual coding instruction',
    },
    why: 'Indicator 0 is never bypassed.',
    expect: { kind: 'pair', verdict: 'not-allowed' },
  },
  {
    id: 'P16',
    category: 'pair-practitioner',
    type: 'ask',
    question: 'can I bill 0001T with 0002T on 2004-02-02?',
    dos: '2004-02-02',
    setting: P,
    evidence: {
      file: 'ncci-ptp/ccipra-v322r0-f1.excerpt.txt',
      line: 81,
      row: '0001T\t0002T\t\t20030101\t20040331\t1\tMutually exclusive procedures',
    },
    expect: { kind: 'pair', verdict: 'modifier-required' },
  },
  {
    id: 'P17',
    category: 'pair-practitioner',
    type: 'ask',
    question: 'can I bill 0001T with 0002T on 2004-04-01?',
    dos: '2004-04-01',
    setting: P,
    evidence: {
      file: 'ncci-ptp/ccipra-v322r0-f1.excerpt.txt',
      line: 81,
      row: '0001T\t0002T\t\t20030101\t20040331\t1\tMutually exclusive procedures',
    },
    why: 'Deleted 20040331.',
    expect: { kind: 'pair', verdict: 'allowed' },
  },
  {
    id: 'P18',
    category: 'pair-practitioner',
    type: 'ask',
    question: 'can I bill 0001A with 0001M on 2026-08-03?',
    dos: PRAC_DOS,
    setting: P,
    evidence: null,
    why: 'Both are column-1 codes inside the excerpt (0001A rows 7–68, 0001M rows 69–80, each complete) and neither lists the other.',
    absent: [
      { file: F_ptpP, text: '\t0001A\t0001M\t' },
      { file: F_ptpP, text: '\t0001M\t0001A\t' },
    ],
    expect: { kind: 'pair', verdict: 'no-edit-found' },
  },
  {
    id: 'P19',
    category: 'pair-practitioner',
    type: 'ask',
    question: 'can I bill 0001M with 0001T on 2021-06-01?',
    dos: '2021-06-01',
    setting: P,
    evidence: null,
    why: 'Both inside the excerpt; the file keeps deleted edits with their dates, and none links them on any date.',
    absent: [
      { file: F_ptpP, text: '\t0001M\t0001T\t' },
      { file: F_ptpP, text: '\t0001T\t0001M\t' },
    ],
    expect: { kind: 'pair', verdict: 'no-edit-found' },
  },
  {
    id: 'P20',
    category: 'pair-practitioner',
    type: 'ask',
    question: 'can I bill 0001U with 0417U on 2024-12-02?',
    dos: '2024-12-02',
    setting: P,
    evidence: {
      file: 'ncci-ptp/ccipra-v322r0-f1.excerpt.txt',
      line: 136,
      row: '0001U\t0417U\t\t20250101\t*\t1\tMisuse of Column Two code with Column One code',
    },
    why: 'The edit starts 20250101; 0417U is outside the excerpt, so an edit with it as column 1 could exist.',
    expect: { kind: 'pair', verdict: 'cannot-tell', cite: false },
  },
  {
    id: 'P21',
    category: 'pair-practitioner',
    type: 'ask',
    question: 'can I bill 0001U with 0428U on 2024-11-15?',
    dos: '2024-11-15',
    setting: P,
    evidence: {
      file: 'ncci-ptp/ccipra-v322r0-f1.excerpt.txt',
      line: 137,
      row: '0001U\t0428U\t\t20241001\t20241231\t1\tMisuse of Column Two code with Column One code',
    },
    expect: { kind: 'pair', verdict: 'modifier-required' },
  },
  {
    id: 'P22',
    category: 'pair-practitioner',
    type: 'ask',
    question: 'can I bill 0001U with 0428U on 2025-02-03?',
    dos: '2025-02-03',
    setting: P,
    evidence: {
      file: 'ncci-ptp/ccipra-v322r0-f1.excerpt.txt',
      line: 137,
      row: '0001U\t0428U\t\t20241001\t20241231\t1\tMisuse of Column Two code with Column One code',
    },
    why: 'A one-quarter edit, deleted 20241231.',
    expect: { kind: 'pair', verdict: 'allowed' },
  },
  {
    id: 'P23',
    category: 'pair-practitioner',
    type: 'ask',
    question: 'can I bill 0001M with 36591 on 2015-10-01?',
    dos: '2015-10-01',
    setting: P,
    evidence: {
      file: 'ncci-ptp/ccipra-v322r0-f1.excerpt.txt',
      line: 69,
      row: '0001M\t36591\t\t20151001\t20151001\t9\tCPT Manual or CMS manual coding instruction',
    },
    why: 'Indicator 9 (and effective and deleted the same day).',
    expect: { kind: 'pair', verdict: 'allowed' },
  },
  {
    id: 'P24',
    category: 'pair-practitioner',
    type: 'ask',
    question: 'can I bill 0001A with 0591T on 2023-05-01?',
    dos: '2023-05-01',
    setting: P,
    evidence: {
      file: 'ncci-ptp/ccipra-v322r0-f1.excerpt.txt',
      line: 7,
      row: '0001A\t0591T\t\t20220101\t20231231\t1\tCPT Manual or CMS manual coding instruction',
    },
    expect: { kind: 'pair', verdict: 'modifier-required' },
  },
  {
    id: 'P25',
    category: 'pair-practitioner',
    type: 'ask',
    question: 'can I bill 0001A with 0591T with modifier XU on 2023-05-01?',
    dos: '2023-05-01',
    setting: P,
    evidence: {
      file: 'ncci-ptp/ccipra-v322r0-f1.excerpt.txt',
      line: 7,
      row: '0001A\t0591T\t\t20220101\t20231231\t1\tCPT Manual or CMS manual coding instruction',
    },
    expect: { kind: 'pair', verdict: 'allowed' },
  },

  // ───────────── Units (MUE) ─────────────
  {
    id: 'U01',
    category: 'units',
    type: 'ask',
    question: 'how many units of 64484 in hospital on 2026-11-02?',
    dos: HOSP_DOS,
    setting: H,
    evidence: {
      file: 'ncci-mue/MUE_OutpatientHospital_Eff_10-01-2026.spine_subset.csv',
      line: 80,
      row: '64484,4,3,Clinical: Data',
    },
    expect: { kind: 'units', text: [/\b4 units?\b/, /clinical/i] },
  },
  {
    id: 'U02',
    category: 'units',
    type: 'ask',
    question: 'how many units of 62323 in hospital on 2026-11-02?',
    dos: HOSP_DOS,
    setting: H,
    evidence: {
      file: 'ncci-mue/MUE_OutpatientHospital_Eff_10-01-2026.spine_subset.csv',
      line: 26,
      row: '62323,1,3,Clinical: Data',
    },
    expect: { kind: 'units', text: [/\b1 units?\b/, /clinical/i] },
  },
  {
    id: 'U03',
    category: 'units',
    type: 'ask',
    question: 'how many units of 64483 in hospital on 2026-11-02?',
    dos: HOSP_DOS,
    setting: H,
    evidence: {
      file: 'ncci-mue/MUE_OutpatientHospital_Eff_10-01-2026.spine_subset.csv',
      line: 79,
      row: '64483,1,2,CMS Policy',
    },
    expect: { kind: 'units', text: [/\b1 units?\b/, /policy/i] },
  },
  {
    id: 'U04',
    category: 'units',
    type: 'ask',
    question: 'how many units of 77003 in hospital on 2026-11-02?',
    dos: HOSP_DOS,
    setting: H,
    evidence: {
      file: 'ncci-mue/MUE_OutpatientHospital_Eff_10-01-2026.spine_subset.csv',
      line: 104,
      row: '77003,1,3,CMS Policy',
    },
    expect: { kind: 'units', text: [/\b1 units?\b/, /clinical/i] },
  },
  {
    id: 'U05',
    category: 'units',
    type: 'ask',
    question: 'how many units of 72295 in hospital on 2026-11-02?',
    dos: HOSP_DOS,
    setting: H,
    evidence: {
      file: 'ncci-mue/MUE_OutpatientHospital_Eff_10-01-2026.spine_subset.csv',
      line: 99,
      row: '72295,5,3,Clinical: Data',
    },
    expect: { kind: 'units', text: [/\b5 units?\b/, /clinical/i] },
  },
  {
    id: 'U06',
    category: 'units',
    type: 'ask',
    question: 'how many units of 0009U on 2026-08-03?',
    dos: PRAC_DOS,
    setting: P,
    evidence: {
      file: 'ncci-mue/MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv',
      line: 21,
      row: '0009U,2,3 Date of Service Edit: Clinical,Nature of Analyte',
    },
    expect: { kind: 'units', text: [/\b2 units?\b/, /clinical/i] },
  },
  {
    id: 'U07',
    category: 'units',
    type: 'ask',
    question: 'how many units of 0001U on 2026-08-03?',
    dos: PRAC_DOS,
    setting: P,
    evidence: {
      file: 'ncci-mue/MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv',
      line: 10,
      row: '0001U,1,2 Date of Service Edit: Policy,Code Descriptor / CPT Instruction',
    },
    expect: { kind: 'units', text: [/\b1 units?\b/, /policy/i] },
  },
  {
    id: 'U08',
    category: 'units',
    type: 'ask',
    question: 'how many units of 62323 in hospital on 2026-05-01?',
    dos: '2026-05-01',
    setting: H,
    evidence: {
      file: 'ncci-mue/MUE_OutpatientHospital_Eff_10-01-2026.spine_subset.csv',
      line: 26,
      row: '62323,1,3,Clinical: Data',
    },
    why: 'The hospital MUE subset takes effect 2026-10-01 and has no row dates: no hospital MUE in force.',
    expect: { kind: 'units', verdict: 'cannot-tell', cite: false },
  },
  {
    id: 'U09',
    category: 'units',
    type: 'ask',
    question: 'how many units of 62323 on 2026-08-03?',
    dos: PRAC_DOS,
    setting: P,
    evidence: null,
    why: 'The practitioner MUE excerpt covers 0001U–0041U only; the hospital value (1) is not a practitioner answer.',
    absent: [{ file: F_mueP, text: '62323' }],
    expect: { kind: 'units', verdict: 'cannot-tell' },
  },

  // ───────────── Validity, ICD-10-CM ─────────────
  {
    id: 'V01',
    category: 'validity-icd',
    type: 'ask',
    question: 'is M54.5 billable on 2021-03-15?',
    dos: '2021-03-15',
    setting: P,
    evidence: {
      file: 'icd10cm/fy2021/icd10cm-order-Jan-2021.txt',
      line: 19260,
      row: '19260 M545    1 Low back pain                                                Low back pain',
    },
    expect: { kind: 'validity', verdict: 'valid' },
  },
  {
    id: 'V02',
    category: 'validity-icd',
    type: 'ask',
    question: 'is M54.5 billable on 2026-03-15?',
    dos: '2026-03-15',
    setting: P,
    evidence: {
      file: 'icd10cm/fy2026-excerpt/icd10cm_order_2026.excerpt.txt',
      line: 92,
      row: '20086 M545    0 Low back pain                                                Low back pain',
    },
    why: 'A header since FY2022; the FY2026 file lists M54.50, M54.51 and M54.59 under it.',
    expect: {
      kind: 'validity',
      verdict: 'not-billable',
      text: [/M54\.50/, /M54\.51/, /M54\.59/],
      alsoCite: [
        {
          file: 'icd10cm/fy2026-excerpt/icd10cm_order_2026.excerpt.txt',
          line: 93,
          row: '20087 M5450   1 Low back pain, unspecified                                   Low back pain, unspecified',
        },
      ],
    },
  },
  {
    id: 'V03',
    category: 'validity-icd',
    type: 'ask',
    question: 'is M54.16 billable on 2021-03-15?',
    dos: '2021-03-15',
    setting: P,
    evidence: {
      file: 'icd10cm/fy2021/icd10cm-order-Jan-2021.txt',
      line: 19248,
      row: '19248 M5416   1 Radiculopathy, lumbar region                                 Radiculopathy, lumbar region',
    },
    expect: { kind: 'validity', verdict: 'valid' },
  },
  {
    id: 'V04',
    category: 'validity-icd',
    type: 'ask',
    question: 'is M54.16 billable on 2019-06-01?',
    dos: '2019-06-01',
    setting: P,
    evidence: null,
    why: 'FY2019: the library holds ICD-10-CM FY2021 (from 2020-10-01) and an FY2026 excerpt only; order files carry no row dates.',
    expect: { kind: 'validity', verdict: 'cannot-tell' },
  },
  {
    id: 'V05',
    category: 'validity-icd',
    type: 'ask',
    question: 'is M54.1 billable on 2021-03-15?',
    dos: '2021-03-15',
    setting: P,
    evidence: {
      file: 'icd10cm/fy2021/icd10cm-order-Jan-2021.txt',
      line: 19241,
      row: '19241 M541    0 Radiculopathy                                                Radiculopathy',
    },
    expect: { kind: 'validity', verdict: 'not-billable' },
  },
  {
    id: 'V06',
    category: 'validity-icd',
    type: 'ask',
    question: 'is M51.1 billable on 2021-03-15?',
    dos: '2021-03-15',
    setting: P,
    evidence: {
      file: 'icd10cm/fy2021/icd10cm-order-Jan-2021.txt',
      line: 19177,
      row: '19177 M511    0 Thor, thrclm & lumbosacr intvrt disc disord w radiculopathy  Thoracic, thoracolumbar and lumbosacral intervertebral disc disorders with radiculopathy',
    },
    expect: { kind: 'validity', verdict: 'not-billable' },
  },
  {
    id: 'V07',
    category: 'validity-icd',
    type: 'ask',
    question: 'is M54 billable on 2021-03-15?',
    dos: '2021-03-15',
    setting: P,
    evidence: {
      file: 'icd10cm/fy2021/icd10cm-order-Jan-2021.txt',
      line: 19229,
      row: '19229 M54     0 Dorsalgia                                                    Dorsalgia',
    },
    expect: { kind: 'validity', verdict: 'not-billable' },
  },
  {
    id: 'V08',
    category: 'validity-icd',
    type: 'ask',
    question: 'is M54.50 billable on 2021-03-15?',
    dos: '2021-03-15',
    setting: P,
    evidence: {
      file: 'icd10cm/fy2026-excerpt/icd10cm_order_2026.excerpt.txt',
      line: 93,
      row: '20087 M5450   1 Low back pain, unspecified                                   Low back pain, unspecified',
    },
    why: 'Absent from the complete FY2021 file; the library knows it only from a later release.',
    absent: [{ file: F_icd21, text: ' M5450 ' }],
    expect: { kind: 'validity', verdict: 'not-yet', cite: false },
  },
  {
    id: 'V09',
    category: 'validity-icd',
    type: 'ask',
    question: 'is M54.50 billable on 2026-03-15?',
    dos: '2026-03-15',
    setting: P,
    evidence: {
      file: 'icd10cm/fy2026-excerpt/icd10cm_order_2026.excerpt.txt',
      line: 93,
      row: '20087 M5450   1 Low back pain, unspecified                                   Low back pain, unspecified',
    },
    expect: { kind: 'validity', verdict: 'valid' },
  },
  {
    id: 'V10',
    category: 'validity-icd',
    type: 'ask',
    question: 'is M54.16 billable on 2020-09-30?',
    dos: '2020-09-30',
    setting: P,
    evidence: null,
    why: 'The day before FY2021 takes effect: FY2020 is not in the library.',
    expect: { kind: 'validity', verdict: 'cannot-tell' },
  },
  {
    id: 'V11',
    category: 'validity-icd',
    type: 'ask',
    question: 'is M54.5 billable on 2022-06-01?',
    dos: '2022-06-01',
    setting: P,
    evidence: null,
    why: 'FY2022: FY2021 ended 2021-09-30 (yearly release) and the FY2026 excerpt starts 2025-10-01; M54.5 changed in FY2022, so the FY2021 row must not answer.',
    expect: { kind: 'validity', verdict: 'cannot-tell' },
  },
  {
    id: 'V12',
    category: 'validity-icd',
    type: 'ask',
    question: 'is M54.3 billable on 2026-03-15?',
    dos: '2026-03-15',
    setting: P,
    evidence: {
      file: 'icd10cm/fy2026-excerpt/icd10cm_order_2026.excerpt.txt',
      line: 84,
      row: '20078 M543    0 Sciatica                                                     Sciatica',
    },
    expect: { kind: 'validity', verdict: 'not-billable' },
  },

  // ───────────── Validity, HCPCS Level II codes and modifiers ─────────────
  {
    id: 'V20',
    category: 'validity-hcpcs',
    type: 'ask',
    question: 'is modifier JG valid on 2026-11-02?',
    dos: HOSP_DOS,
    setting: P,
    evidence: {
      file: 'hcpcs-level2/2026-oct-excerpt/HCPC2026_OCT_ANWEB.excerpt.csv',
      line: 35,
      row: '   JG,0010,7,"Drug or biological acquired with 340b drug pricing program discount, reported for informational purposes",340b acquired drug,,,,,,,,,,,,,,,,,,,,,,,,,,C,,,,,,,,,,,,,,20180101,20250101,20241231,N',
    },
    why: 'TERM DT 20241231.',
    expect: { kind: 'validity', verdict: 'ended' },
  },
  {
    id: 'V21',
    category: 'validity-hcpcs',
    type: 'ask',
    question: 'is modifier JG valid on 2024-06-03?',
    dos: '2024-06-03',
    setting: P,
    evidence: {
      file: 'hcpcs-level2/2026-oct-excerpt/HCPC2026_OCT_ANWEB.excerpt.csv',
      line: 35,
      row: '   JG,0010,7,"Drug or biological acquired with 340b drug pricing program discount, reported for informational purposes",340b acquired drug,,,,,,,,,,,,,,,,,,,,,,,,,,C,,,,,,,,,,,,,,20180101,20250101,20241231,N',
    },
    why: 'ADD DT 20180101, TERM DT 20241231: in force on the date (row dates count before the release takes effect).',
    expect: { kind: 'validity', verdict: 'valid' },
  },
  {
    id: 'V22',
    category: 'validity-hcpcs',
    type: 'ask',
    question: 'is modifier JG valid on 2025-01-01?',
    dos: '2025-01-01',
    setting: P,
    evidence: {
      file: 'hcpcs-level2/2026-oct-excerpt/HCPC2026_OCT_ANWEB.excerpt.csv',
      line: 35,
      row: '   JG,0010,7,"Drug or biological acquired with 340b drug pricing program discount, reported for informational purposes",340b acquired drug,,,,,,,,,,,,,,,,,,,,,,,,,,C,,,,,,,,,,,,,,20180101,20250101,20241231,N',
    },
    why: 'The day after its termination date.',
    expect: { kind: 'validity', verdict: 'ended' },
  },
  {
    id: 'V23',
    category: 'validity-hcpcs',
    type: 'ask',
    question: 'is modifier GD valid on 2020-06-01?',
    dos: '2020-06-01',
    setting: P,
    evidence: {
      file: 'hcpcs-level2/2026-oct-excerpt/HCPC2026_OCT_ANWEB.excerpt.csv',
      line: 33,
      row: '   GD,0010,7,Units of service exceeds medically unlikely edit value and represents reasonable and necessary services,Unit of service > mue value,,,,,,,,,,,,,,,,,,,,,,,,,,C,,,,,,,,,,,,,,20080101,20200101,20191231,N',
    },
    why: 'The newest release holding GD (October 2026) decides (issue 12 §1); it states TERM DT 20191231, as the 2020 file (line 160, action D) does.',
    expect: { kind: 'validity', verdict: 'ended' },
  },
  {
    id: 'V24',
    category: 'validity-hcpcs',
    type: 'ask',
    question: 'is modifier GD valid on 2026-11-02?',
    dos: HOSP_DOS,
    setting: P,
    evidence: {
      file: 'hcpcs-level2/2026-oct-excerpt/HCPC2026_OCT_ANWEB.excerpt.csv',
      line: 33,
      row: '   GD,0010,7,Units of service exceeds medically unlikely edit value and represents reasonable and necessary services,Unit of service > mue value,,,,,,,,,,,,,,,,,,,,,,,,,,C,,,,,,,,,,,,,,20080101,20200101,20191231,N',
    },
    expect: { kind: 'validity', verdict: 'ended' },
  },
  {
    id: 'V25',
    category: 'validity-hcpcs',
    type: 'ask',
    question: 'is modifier GD valid on 2019-12-31?',
    dos: '2019-12-31',
    setting: P,
    evidence: {
      file: 'hcpcs-level2/2026-oct-excerpt/HCPC2026_OCT_ANWEB.excerpt.csv',
      line: 33,
      row: '   GD,0010,7,Units of service exceeds medically unlikely edit value and represents reasonable and necessary services,Unit of service > mue value,,,,,,,,,,,,,,,,,,,,,,,,,,C,,,,,,,,,,,,,,20080101,20200101,20191231,N',
    },
    why: 'Its termination date is its last day in force; the newest release holding GD (October 2026) speaks.',
    expect: { kind: 'validity', verdict: 'valid' },
  },
  {
    id: 'V26',
    category: 'validity-hcpcs',
    type: 'ask',
    question: 'is J1040 valid on 2019-06-01?',
    dos: '2019-06-01',
    setting: P,
    evidence: {
      file: 'hcpcs-level2/2020/HCPC2020_ANWEB_w_disclaimer.txt',
      line: 7666,
      row: 'J1040001003Injection, methylprednisolone acetate, 80 mg                                    Methylprednisolone 80 mg inj51      A                  2049                                                                               D                          O1E 1P     01982010119970101        N',
    },
    why: 'ADD DT 19820101, no TERM DT.',
    expect: { kind: 'validity', verdict: 'valid' },
  },
  {
    id: 'V27',
    category: 'validity-hcpcs',
    type: 'ask',
    question: 'is J0001 valid on 2020-06-01?',
    dos: '2020-06-01',
    setting: P,
    evidence: null,
    why: 'Not in the complete 2020 HCPCS file.',
    absent: [{ file: F_hc20, text: 'J0001' }],
    expect: { kind: 'validity', verdict: 'not-in-library' },
  },
  {
    id: 'V28',
    category: 'validity-hcpcs',
    type: 'ask',
    question: 'is modifier AC valid on 2026-06-30?',
    dos: '2026-06-30',
    setting: P,
    evidence: {
      file: 'hcpcs-level2/2026-oct-excerpt/HCPC2026_OCT_ANWEB.excerpt.csv',
      line: 13,
      row: '   AC,0010,7,"Initial onboarding support payment for access beneficiary enrollment, device/app setup, and care coordination activities; first month only; once per beneficiary per track",Co-mgmt mod - onboarding,,,,,,,,,,,,,,,,,,,,,,,,,,C,,,,,,,,,,,,,,20260701,20260701,,N',
    },
    why: 'ADD DT 20260701; AC is not in the 2020 file.',
    absent: [{ file: F_hc20, text: '   AC0' }],
    expect: { kind: 'validity', verdict: 'not-yet' },
  },
  {
    id: 'V29',
    category: 'validity-hcpcs',
    type: 'ask',
    question: 'is modifier AC valid on 2026-07-15?',
    dos: '2026-07-15',
    setting: P,
    evidence: {
      file: 'hcpcs-level2/2026-oct-excerpt/HCPC2026_OCT_ANWEB.excerpt.csv',
      line: 13,
      row: '   AC,0010,7,"Initial onboarding support payment for access beneficiary enrollment, device/app setup, and care coordination activities; first month only; once per beneficiary per track",Co-mgmt mod - onboarding,,,,,,,,,,,,,,,,,,,,,,,,,,C,,,,,,,,,,,,,,20260701,20260701,,N',
    },
    expect: { kind: 'validity', verdict: 'valid' },
  },
  {
    id: 'V30',
    category: 'validity-hcpcs',
    type: 'ask',
    question: 'is modifier CP valid on 2017-06-01?',
    dos: '2017-06-01',
    setting: P,
    evidence: {
      file: 'hcpcs-level2/2026-oct-excerpt/HCPC2026_OCT_ANWEB.excerpt.csv',
      line: 32,
      row: '   CP,0010,7,"Adjunctive service related to a procedure assigned to a comprehensive ambulatory payment classification (c-apc) procedure, but reported on a different claim",C-apc adjunctive service,,,,,,,,,,,,,,,,,,,,,,,,,,C,,,,,,,,,,,,,,20160101,20180101,20171231,N',
    },
    why: 'ADD DT 20160101, TERM DT 20171231.',
    expect: { kind: 'validity', verdict: 'valid' },
  },
  {
    id: 'V31',
    category: 'validity-hcpcs',
    type: 'ask',
    question: 'is modifier L1 valid on 2026-11-02?',
    dos: HOSP_DOS,
    setting: P,
    evidence: {
      file: 'hcpcs-level2/2026-oct-excerpt/HCPC2026_OCT_ANWEB.excerpt.csv',
      line: 36,
      row: '   L1,0010,7,Provider attestation that the hospital laboratory test(s) is not packaged under the hospital opps,Separately payable lab test,,,,,,,,,,,,,,,,,,,,,,,,,,C,,,,,,,,,,,,,,20140701,20170101,20161231,N',
    },
    expect: { kind: 'validity', verdict: 'ended' },
  },
  {
    id: 'V32',
    category: 'validity-hcpcs',
    type: 'ask',
    question: 'is modifier JF valid on 2015-05-01?',
    dos: '2015-05-01',
    setting: P,
    evidence: {
      file: 'hcpcs-level2/2026-oct-excerpt/HCPC2026_OCT_ANWEB.excerpt.csv',
      line: 34,
      row: '   JF,0010,7,Compounded drug,Compounded drug,,,,,,,,,,,,,,,,,,,,,,,,,,C,,,,,,,,,,,,,,20150401,20150701,20150630,N',
    },
    why: 'ADD DT 20150401, TERM DT 20150630.',
    expect: { kind: 'validity', verdict: 'valid' },
  },

  // ───────────── Code search ─────────────
  {
    id: 'S01',
    category: 'code-search',
    type: 'ask',
    question: 'HCPCS code for triamcinolone 10 mg',
    dos: '2020-06-01',
    setting: P,
    evidence: {
      file: 'hcpcs-level2/2020/HCPC2020_ANWEB_w_disclaimer.txt',
      line: 7980,
      row: 'J3301001003Injection, triamcinolone acetonide, not otherwise specified, 10 mg              Triamcinolone acet inj nos  51      A                  2049                                                                               D                          O1E 1P     01991010120090101        N',
    },
    expect: { kind: 'code-search', firstCode: ['J3301'] },
  },
  {
    id: 'S02',
    category: 'code-search',
    type: 'ask',
    question: 'HCPCS code for methylprednisolone acetate 80 mg',
    dos: '2020-06-01',
    setting: P,
    evidence: {
      file: 'hcpcs-level2/2020/HCPC2020_ANWEB_w_disclaimer.txt',
      line: 7666,
      row: 'J1040001003Injection, methylprednisolone acetate, 80 mg                                    Methylprednisolone 80 mg inj51      A                  2049                                                                               D                          O1E 1P     01982010119970101        N',
    },
    expect: { kind: 'code-search', firstCode: ['J1040'] },
  },
  {
    id: 'S03',
    category: 'code-search',
    type: 'ask',
    question: 'HCPCS code for methylprednisolone acetate 40 mg',
    dos: '2020-06-01',
    setting: P,
    evidence: {
      file: 'hcpcs-level2/2020/HCPC2020_ANWEB_w_disclaimer.txt',
      line: 7665,
      row: 'J1030001003Injection, methylprednisolone acetate, 40 mg                                    Methylprednisolone 40 mg inj51      A                  2049                                                                               D                          O1E 1P     01982010119970101        N',
    },
    expect: { kind: 'code-search', firstCode: ['J1030'] },
  },
  {
    id: 'S04',
    category: 'code-search',
    type: 'ask',
    // "sacroiliac joint injection" alone carries every word of both G0259 (arthrography) and
    // G0260 (therapeutic agent): a coder names the steroid, and so does this case.
    question: 'HCPCS code for sacroiliac joint injection of steroid',
    dos: '2020-06-01',
    setting: P,
    evidence: {
      file: 'hcpcs-level2/2020/HCPC2020_ANWEB_w_disclaimer.txt',
      line: 3279,
      row: 'G0260001003Injection procedure for sacroiliac joint; provision of anesthetic, steroid      Inj for sacroiliac jt anesth00      9                                                                                                     DYY20030101            0107O1E F      02003010120041001        N',
    },
    expect: { kind: 'code-search', firstCode: ['G0260'] },
  },
  {
    id: 'S05',
    category: 'code-search',
    type: 'ask',
    question: 'ICD-10 code for sciatica on 2021-03-15',
    dos: '2021-03-15',
    setting: P,
    evidence: {
      file: 'icd10cm/fy2021/icd10cm-order-Jan-2021.txt',
      line: 19253,
      row: '19253 M5430   1 Sciatica, unspecified side                                   Sciatica, unspecified side',
    },
    why: 'M54.3 is the category (a header); its billable codes are M54.30–M54.32 by side.',
    expect: {
      kind: 'code-search',
      firstCode: ['M54.3', 'M54.30'],
      codes: ['M54.30', 'M54.31', 'M54.32'],
    },
  },
  {
    id: 'S06',
    category: 'code-search',
    type: 'ask',
    question: 'ICD-10 code for lumbar radiculopathy on 2021-03-15',
    dos: '2021-03-15',
    setting: P,
    evidence: {
      file: 'icd10cm/fy2021/icd10cm-order-Jan-2021.txt',
      line: 19248,
      row: '19248 M5416   1 Radiculopathy, lumbar region                                 Radiculopathy, lumbar region',
    },
    expect: { kind: 'code-search', firstCode: ['M54.16'] },
  },
  {
    id: 'S07',
    category: 'code-search',
    type: 'ask',
    question: 'ICD-10 code for low back pain on 2021-03-15',
    dos: '2021-03-15',
    setting: P,
    evidence: {
      file: 'icd10cm/fy2021/icd10cm-order-Jan-2021.txt',
      line: 19260,
      row: '19260 M545    1 Low back pain                                                Low back pain',
    },
    expect: { kind: 'code-search', firstCode: ['M54.5'] },
  },
  {
    id: 'S08',
    category: 'code-search',
    type: 'ask',
    question: 'ICD-10 code for low back pain on 2026-03-15',
    dos: '2026-03-15',
    setting: P,
    evidence: {
      file: 'icd10cm/fy2026-excerpt/icd10cm_order_2026.excerpt.txt',
      line: 93,
      row: '20087 M5450   1 Low back pain, unspecified                                   Low back pain, unspecified',
    },
    why: 'On an FY2026 date M54.5 is a header; the billable unspecified code comes first.',
    expect: { kind: 'code-search', firstCode: ['M54.50'], codes: ['M54.51', 'M54.59'] },
  },
  {
    id: 'S09',
    category: 'code-search',
    type: 'ask',
    question: 'ICD-10 code for lumbar spinal stenosis with neurogenic claudication on 2021-03-15',
    dos: '2021-03-15',
    setting: P,
    evidence: {
      file: 'icd10cm/fy2021/icd10cm-order-Jan-2021.txt',
      line: 18968,
      row: '18968 M48062  1 Spinal stenosis, lumbar region with neurogenic claudication  Spinal stenosis, lumbar region with neurogenic claudication',
    },
    expect: { kind: 'code-search', firstCode: ['M48.062'] },
  },
  {
    id: 'S10',
    category: 'code-search',
    type: 'ask',
    question:
      'ICD-10 code for intervertebral disc disorder with radiculopathy, lumbar region on 2021-03-15',
    dos: '2021-03-15',
    setting: P,
    evidence: {
      file: 'icd10cm/fy2021/icd10cm-order-Jan-2021.txt',
      line: 19180,
      row: '19180 M5116   1 Intervertebral disc disorders w radiculopathy, lumbar region Intervertebral disc disorders with radiculopathy, lumbar region',
    },
    expect: { kind: 'code-search', firstCode: ['M51.16'] },
  },
  {
    id: 'S11',
    category: 'code-search',
    type: 'ask',
    question: 'ICD-10 code for lesion of sciatic nerve, right lower limb on 2021-03-15',
    dos: '2021-03-15',
    setting: P,
    evidence: {
      file: 'icd10cm/fy2021/icd10cm-order-Jan-2021.txt',
      line: 6456,
      row: '06456 G5701   1 Lesion of sciatic nerve, right lower limb                    Lesion of sciatic nerve, right lower limb',
    },
    expect: { kind: 'code-search', firstCode: ['G57.01'] },
  },

  // ───────────── Table rows (GPCI, MCD index) ─────────────
  {
    id: 'T01',
    category: 'table-rows',
    type: 'ask',
    question: 'GPCI for Manhattan',
    dos: HOSP_DOS,
    setting: P,
    evidence: {
      file: 'mpfs-2026/GPCI2026.csv',
      line: 78,
      row: '13202,NY,01,MANHATTAN,1.064,1.162,1.586',
    },
    expect: { kind: 'table-rows', text: [/1\.064/, /1\.162/, /1\.586/] },
  },
  {
    id: 'T02',
    category: 'table-rows',
    type: 'ask',
    question: 'GPCI for Alaska',
    dos: HOSP_DOS,
    setting: P,
    evidence: {
      file: 'mpfs-2026/GPCI2026.csv',
      line: 5,
      row: '02102,AK,01,ALASKA*,1.500,1.065,0.551',
    },
    expect: { kind: 'table-rows', text: [/1\.500/] },
  },
  {
    id: 'T03',
    category: 'table-rows',
    type: 'ask',
    question: 'GPCI for Detroit',
    dos: HOSP_DOS,
    setting: P,
    evidence: {
      file: 'mpfs-2026/GPCI2026.csv',
      line: 64,
      row: '08202,MI,01,DETROIT,1.000,0.965,1.686',
    },
    expect: { kind: 'table-rows', text: [/1\.686/] },
  },
  {
    id: 'T04',
    category: 'table-rows',
    type: 'ask',
    question: 'LCD L39242',
    dos: HOSP_DOS,
    setting: P,
    evidence: {
      file: 'mcd-coverage-index/documents_latest.csv',
      line: 1055,
      row: '(MAC - Part A, MAC - Part B)",L39242,39242,LCD,7,06/19/2022,,N/A,Epidural Steroid Injections for Pain Management,12/11/2023,20231211103408,https://www.cms.gov/medicare-coverage-database/view/lcd.aspx?lcdid=39242&ver=7',
      firstLine: 1054,
    },
    expect: { kind: 'table-rows', citedRecordsMatch: /L39242/ },
  },
  {
    id: 'T05',
    category: 'table-rows',
    type: 'ask',
    question: 'which LCDs does Noridian have for epidural steroid injections',
    dos: HOSP_DOS,
    setting: P,
    evidence: {
      file: 'mcd-coverage-index/documents_latest.csv',
      line: 1055,
      row: '(MAC - Part A, MAC - Part B)",L39242,39242,LCD,7,06/19/2022,,N/A,Epidural Steroid Injections for Pain Management,12/11/2023,20231211103408,https://www.cms.gov/medicare-coverage-database/view/lcd.aspx?lcdid=39242&ver=7',
      firstLine: 1054,
    },
    why: 'Noridian has two ESI LCDs (L39242, L39240); the other MACs\u2019 ESI LCDs must not be listed.',
    expect: {
      kind: 'table-rows',
      alsoCite: [
        {
          file: 'mcd-coverage-index/documents_latest.csv',
          line: 1057,
          row: '(MAC - Part A, MAC - Part B)",L39240,39240,LCD,7,06/19/2022,,N/A,Epidural Steroid Injections for Pain Management,12/11/2023,20231211103313,https://www.cms.gov/medicare-coverage-database/view/lcd.aspx?lcdid=39240&ver=7',
          firstLine: 1056,
        },
      ],
      notCite: [1029, 1150, 1160, 1168, 1200, 1202],
      citedRecordsMatch: /Noridian/,
    },
  },
  {
    id: 'T06',
    category: 'table-rows',
    type: 'ask',
    question: 'billing article A58995',
    dos: HOSP_DOS,
    setting: P,
    evidence: {
      file: 'mcd-coverage-index/documents_latest.csv',
      line: 2468,
      row: '(MAC - Part A, MAC - Part B)",A58995,58995,Article,13,11/15/2023,,N/A,Billing and Coding: Epidural Steroid Injections for Pain Management,06/13/2025,20250613114232,https://www.cms.gov/medicare-coverage-database/view/article.aspx?articleid=58995&ver=13',
      firstLine: 2467,
    },
    expect: { kind: 'table-rows', citedRecordsMatch: /A58995/ },
  },
  {
    id: 'T07',
    category: 'table-rows',
    type: 'ask',
    question: 'which LCDs does WPS have for epidural steroid injections',
    dos: HOSP_DOS,
    setting: P,
    evidence: {
      file: 'mcd-coverage-index/documents_latest.csv',
      line: 1029,
      row: '(MAC - Part A, MAC - Part B)",L39054,39054,LCD,11,02/01/2024,,N/A,Epidural Steroid Injections for Pain Management,01/23/2024,20240123094307,https://www.cms.gov/medicare-coverage-database/view/lcd.aspx?lcdid=39054&ver=11',
      firstLine: 1028,
    },
    expect: { kind: 'table-rows', citedRecordsMatch: /WPS/, notCite: [1055, 1057] },
  },
];

export const claimCases: ClaimCase[] = [
  // ───────────── PTP on claims, hospital ─────────────
  {
    id: 'C01',
    category: 'claim-ptp',
    type: 'claim',
    setting: H,
    dos: HOSP_DOS,
    lines: [{ code: '62264' }, { code: '77003' }],
    evidence: {
      file: 'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv',
      line: 317,
      row: '62264,77003,1',
    },
    mustHave: [
      { rule: 'ptp', severity: 'error', codes: ['62264', '77003'], lines: [2], cites: true },
    ],
    mustNotHave: [],
  },
  {
    id: 'C02',
    category: 'claim-ptp',
    type: 'claim',
    setting: H,
    dos: HOSP_DOS,
    lines: [{ code: '62264' }, { code: '77003', modifiers: ['XS'] }],
    evidence: {
      file: 'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv',
      line: 317,
      row: '62264,77003,1',
    },
    why: 'XS on the column 2 line bypasses indicator 1.',
    mustHave: [{ rule: 'ptp', severity: 'info', codes: ['62264', '77003'], cites: true }],
    mustNotHave: [{ rule: 'ptp', severity: 'error' }],
  },
  {
    id: 'C03',
    category: 'claim-ptp',
    type: 'claim',
    setting: H,
    dos: HOSP_DOS,
    lines: [{ code: '62264', modifiers: ['XS'] }, { code: '77003' }],
    evidence: {
      file: 'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv',
      line: 317,
      row: '62264,77003,1',
    },
    why: 'The NCCI-associated modifier belongs on the column 2 code; on column 1 only it does not bypass.',
    mustHave: [
      { rule: 'ptp', severity: 'error', codes: ['62264', '77003'], lines: [2], cites: true },
    ],
    mustNotHave: [{ rule: 'ptp', severity: 'info' }],
  },
  {
    id: 'C04',
    category: 'claim-ptp',
    type: 'claim',
    setting: H,
    dos: HOSP_DOS,
    lines: [{ code: '62264' }, { code: '77003', modifiers: ['59'] }],
    evidence: {
      file: 'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv',
      line: 317,
      row: '62264,77003,1',
    },
    mustHave: [{ rule: 'ptp', severity: 'info', codes: ['62264', '77003'], cites: true }],
    mustNotHave: [{ rule: 'ptp', severity: 'error' }],
  },
  {
    id: 'C05',
    category: 'claim-ptp',
    type: 'claim',
    setting: H,
    dos: HOSP_DOS,
    lines: [
      { code: '62263', modifiers: ['59'] },
      { code: '62264', modifiers: ['59'] },
    ],
    evidence: {
      file: 'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv',
      line: 72,
      row: '62263,62264,0',
    },
    why: 'Indicator 0: no modifier bypasses it.',
    mustHave: [
      { rule: 'ptp', severity: 'error', codes: ['62263', '62264'], lines: [2], cites: true },
    ],
    mustNotHave: [{ rule: 'ptp', severity: 'info' }],
  },
  {
    id: 'C06',
    category: 'claim-ptp',
    type: 'claim',
    setting: H,
    dos: HOSP_DOS,
    lines: [{ code: '64479' }, { code: '69990', modifiers: ['XS'] }],
    evidence: {
      file: 'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv',
      line: 2397,
      row: '64479,69990,0',
    },
    mustHave: [
      { rule: 'ptp', severity: 'error', codes: ['64479', '69990'], lines: [2], cites: true },
    ],
    mustNotHave: [{ rule: 'ptp', severity: 'info' }],
  },
  {
    id: 'C07',
    category: 'claim-ptp',
    type: 'claim',
    setting: H,
    dos: HOSP_DOS,
    lines: [
      { code: '64483', modifiers: ['LT'] },
      { code: '20610', modifiers: ['RT'] },
    ],
    evidence: {
      file: 'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv',
      line: 2562,
      row: '64483,20610,1',
    },
    why: 'Different anatomic modifiers on the two lines: different sides, the edit is bypassed.',
    mustHave: [{ rule: 'ptp', severity: 'info', codes: ['64483', '20610'], cites: true }],
    mustNotHave: [{ rule: 'ptp', severity: 'error' }],
  },
  {
    id: 'C08',
    category: 'claim-ptp',
    type: 'claim',
    setting: H,
    dos: HOSP_DOS,
    lines: [
      { code: '64483', modifiers: ['RT'] },
      { code: '20610', modifiers: ['RT'] },
    ],
    evidence: {
      file: 'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv',
      line: 2562,
      row: '64483,20610,1',
    },
    why: 'The same side on both lines is no separate site: the edit stands, and RT as a bypass is misuse.',
    mustHave: [
      { rule: 'ptp', severity: 'error', codes: ['64483', '20610'], lines: [2], cites: true },
      { rule: ['modifier', 'ptp'], severity: 'warning', codes: ['RT'] },
    ],
    mustNotHave: [{ rule: 'ptp', severity: 'info' }],
  },
  {
    id: 'C09',
    category: 'claim-ptp',
    type: 'claim',
    setting: H,
    dos: HOSP_DOS,
    lines: [{ code: '64483' }, { code: '20610', modifiers: ['RT'] }],
    evidence: {
      file: 'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv',
      line: 2562,
      row: '64483,20610,1',
    },
    why: 'An anatomic modifier on one line only says nothing about a different site.',
    mustHave: [
      { rule: 'ptp', severity: 'error', codes: ['64483', '20610'], lines: [2], cites: true },
      { rule: ['modifier', 'ptp'], severity: 'warning', codes: ['RT'] },
    ],
    mustNotHave: [{ rule: 'ptp', severity: 'info' }],
  },
  {
    id: 'C10',
    category: 'claim-ptp',
    type: 'claim',
    setting: H,
    dos: HOSP_DOS,
    lines: [{ code: '62323' }, { code: '99213', modifiers: ['25'] }],
    evidence: {
      file: 'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv',
      line: 1298,
      row: '62323,99213,1',
    },
    why: '25 on the E/M line (here the column 2 code) bypasses indicator 1.',
    mustHave: [{ rule: 'ptp', severity: 'info', codes: ['62323', '99213'], cites: true }],
    mustNotHave: [{ rule: 'ptp', severity: 'error' }],
  },
  {
    id: 'C11',
    category: 'claim-ptp',
    type: 'claim',
    setting: H,
    dos: HOSP_DOS,
    lines: [{ code: '62323', modifiers: ['25'] }, { code: '99213' }],
    evidence: {
      file: 'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv',
      line: 1298,
      row: '62323,99213,1',
    },
    why: '25 counts only on an E/M code line.',
    mustHave: [
      { rule: 'ptp', severity: 'error', codes: ['62323', '99213'], lines: [2], cites: true },
    ],
    mustNotHave: [{ rule: 'ptp', severity: 'info' }],
  },
  {
    id: 'C12',
    category: 'claim-ptp',
    type: 'claim',
    setting: H,
    dos: '2026-05-01',
    lines: [{ code: '62264' }, { code: '77003' }],
    evidence: {
      file: 'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv',
      line: 317,
      row: '62264,77003,1',
    },
    why: 'No hospital PTP release in force before 2026-10-01: a warning that the library cannot tell, never an error.',
    mustHave: [{ rule: 'ptp', severity: 'warning' }],
    mustNotHave: [{ rule: 'ptp', severity: 'error' }],
    cannotTell: 'ptp',
  },
  {
    id: 'C13',
    category: 'claim-ptp',
    type: 'claim',
    setting: H,
    dos: HOSP_DOS,
    lines: [{ code: '62324' }, { code: '62320', modifiers: ['XU'] }],
    evidence: {
      file: 'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv',
      line: 1456,
      row: '62324,62320,1',
    },
    mustHave: [{ rule: 'ptp', severity: 'info', codes: ['62324', '62320'], cites: true }],
    mustNotHave: [{ rule: 'ptp', severity: 'error' }],
  },

  // ───────────── PTP on claims, practitioner (row-dated edits) ─────────────
  {
    id: 'C20',
    category: 'claim-ptp',
    type: 'claim',
    setting: P,
    dos: '2023-05-01',
    lines: [{ code: '0001A' }, { code: '36591' }],
    evidence: {
      file: 'ncci-ptp/ccipra-v322r0-f1.excerpt.txt',
      line: 10,
      row: '0001A\t36591\t\t20220101\t20231231\t0\tCPT Manual or CMS manual coding instruction',
    },
    mustHave: [
      { rule: 'ptp', severity: 'error', codes: ['0001A', '36591'], lines: [2], cites: true },
    ],
    mustNotHave: [],
  },
  {
    id: 'C21',
    category: 'claim-ptp',
    type: 'claim',
    setting: P,
    dos: '2024-01-02',
    lines: [{ code: '0001A' }, { code: '36591' }],
    evidence: {
      file: 'ncci-ptp/ccipra-v322r0-f1.excerpt.txt',
      line: 10,
      row: '0001A\t36591\t\t20220101\t20231231\t0\tCPT Manual or CMS manual coding instruction',
    },
    why: 'Deleted 20231231.',
    mustHave: [],
    mustNotHave: [{ rule: 'ptp', severity: 'error' }],
  },
  {
    id: 'C22',
    category: 'claim-ptp',
    type: 'claim',
    setting: P,
    dos: '2023-12-31',
    lines: [{ code: '0001A' }, { code: '36591' }],
    evidence: {
      file: 'ncci-ptp/ccipra-v322r0-f1.excerpt.txt',
      line: 10,
      row: '0001A\t36591\t\t20220101\t20231231\t0\tCPT Manual or CMS manual coding instruction',
    },
    why: 'The deletion date is the last day in force.',
    mustHave: [{ rule: 'ptp', severity: 'error', codes: ['0001A', '36591'], cites: true }],
    mustNotHave: [],
  },
  {
    id: 'C23',
    category: 'claim-ptp',
    type: 'claim',
    setting: P,
    dos: '2023-05-01',
    lines: [{ code: '0001A' }, { code: '99213', modifiers: ['25'] }],
    evidence: {
      file: 'ncci-ptp/ccipra-v322r0-f1.excerpt.txt',
      line: 22,
      row: '0001A\t99213\t\t20220101\t20231231\t1\tCPT Manual or CMS manual coding instruction',
    },
    mustHave: [{ rule: 'ptp', severity: 'info', codes: ['0001A', '99213'], cites: true }],
    mustNotHave: [{ rule: 'ptp', severity: 'error' }],
  },
  {
    id: 'C24',
    category: 'claim-ptp',
    type: 'claim',
    setting: P,
    dos: '2023-05-01',
    lines: [{ code: '0001A', modifiers: ['25'] }, { code: '99213' }],
    evidence: {
      file: 'ncci-ptp/ccipra-v322r0-f1.excerpt.txt',
      line: 22,
      row: '0001A\t99213\t\t20220101\t20231231\t1\tCPT Manual or CMS manual coding instruction',
    },
    why: '25 on the vaccine administration line, not on the E/M line.',
    mustHave: [
      { rule: 'ptp', severity: 'error', codes: ['0001A', '99213'], lines: [2], cites: true },
    ],
    mustNotHave: [{ rule: 'ptp', severity: 'info' }],
  },
  {
    id: 'C25',
    category: 'claim-ptp',
    type: 'claim',
    setting: P,
    dos: '2026-06-30',
    lines: [{ code: '0001U' }, { code: '0029U' }],
    evidence: {
      file: 'ncci-ptp/ccipra-v322r0-f1.excerpt.txt',
      line: 89,
      row: '0001U\t0029U\t\t20180701\t20260630\t1\tMisuse of Column Two code with Column One code',
    },
    mustHave: [{ rule: 'ptp', severity: 'error', codes: ['0001U', '0029U'], cites: true }],
    mustNotHave: [],
  },
  {
    id: 'C26',
    category: 'claim-ptp',
    type: 'claim',
    setting: P,
    dos: '2026-07-01',
    lines: [{ code: '0001U' }, { code: '0029U' }],
    evidence: {
      file: 'ncci-ptp/ccipra-v322r0-f1.excerpt.txt',
      line: 89,
      row: '0001U\t0029U\t\t20180701\t20260630\t1\tMisuse of Column Two code with Column One code',
    },
    mustHave: [],
    mustNotHave: [{ rule: 'ptp' }],
  },
  {
    id: 'C27',
    category: 'claim-ptp',
    type: 'claim',
    setting: P,
    dos: '2023-05-01',
    lines: [{ code: '0001A' }, { code: '36592', modifiers: ['59'] }],
    evidence: {
      file: 'ncci-ptp/ccipra-v322r0-f1.excerpt.txt',
      line: 11,
      row: '0001A\t36592\t\t20220101\t20231231\t0\tCPT Manual or CMS manual coding instruction',
    },
    mustHave: [{ rule: 'ptp', severity: 'error', codes: ['0001A', '36592'], cites: true }],
    mustNotHave: [{ rule: 'ptp', severity: 'info' }],
  },
  {
    id: 'C28',
    category: 'claim-ptp',
    type: 'claim',
    setting: P,
    dos: PRAC_DOS,
    lines: [{ code: '0001U' }, { code: '0030U', modifiers: ['91'] }],
    evidence: {
      file: 'ncci-ptp/ccipra-v322r0-f1.excerpt.txt',
      line: 90,
      row: '0001U\t0030U\t\t20180701\t*\t1\tMisuse of Column Two code with Column One code',
    },
    mustHave: [{ rule: 'ptp', severity: 'info', codes: ['0001U', '0030U'], cites: true }],
    mustNotHave: [{ rule: 'ptp', severity: 'error' }],
  },
  {
    id: 'C29',
    category: 'claim-ptp',
    type: 'claim',
    setting: P,
    dos: '2018-06-01',
    lines: [{ code: '0001M' }, { code: '80050' }],
    evidence: {
      file: 'ncci-ptp/ccipra-v322r0-f1.excerpt.txt',
      line: 71,
      row: '0001M\t80050\t\t20170401\t20181231\t0\tMisuse of Column Two code with Column One code',
    },
    mustHave: [{ rule: 'ptp', severity: 'error', codes: ['0001M', '80050'], cites: true }],
    mustNotHave: [],
  },

  // ───────────── MUE on claims ─────────────
  {
    id: 'C40',
    category: 'claim-mue',
    type: 'claim',
    setting: H,
    dos: HOSP_DOS,
    lines: [{ code: '62323', units: 2 }],
    evidence: {
      file: 'ncci-mue/MUE_OutpatientHospital_Eff_10-01-2026.spine_subset.csv',
      line: 26,
      row: '62323,1,3,Clinical: Data',
    },
    mustHave: [{ rule: 'mue', severity: 'error', codes: ['62323'], cites: true }],
    mustNotHave: [],
  },
  {
    id: 'C41',
    category: 'claim-mue',
    type: 'claim',
    setting: H,
    dos: HOSP_DOS,
    lines: [{ code: '62323', units: 1 }],
    evidence: {
      file: 'ncci-mue/MUE_OutpatientHospital_Eff_10-01-2026.spine_subset.csv',
      line: 26,
      row: '62323,1,3,Clinical: Data',
    },
    mustHave: [],
    mustNotHave: [{ rule: 'mue' }],
  },
  {
    id: 'C42',
    category: 'claim-mue',
    type: 'claim',
    setting: H,
    dos: HOSP_DOS,
    lines: [{ code: '64484', units: 4 }],
    evidence: {
      file: 'ncci-mue/MUE_OutpatientHospital_Eff_10-01-2026.spine_subset.csv',
      line: 80,
      row: '64484,4,3,Clinical: Data',
    },
    mustHave: [],
    mustNotHave: [{ rule: 'mue' }],
  },
  {
    id: 'C43',
    category: 'claim-mue',
    type: 'claim',
    setting: H,
    dos: HOSP_DOS,
    lines: [{ code: '64484', units: 5 }],
    evidence: {
      file: 'ncci-mue/MUE_OutpatientHospital_Eff_10-01-2026.spine_subset.csv',
      line: 80,
      row: '64484,4,3,Clinical: Data',
    },
    mustHave: [{ rule: 'mue', severity: 'error', codes: ['64484'], cites: true }],
    mustNotHave: [],
  },
  {
    id: 'C44',
    category: 'claim-mue',
    type: 'claim',
    setting: H,
    dos: HOSP_DOS,
    lines: [
      { code: '64484', modifiers: ['RT'], units: 2 },
      { code: '64484', modifiers: ['LT'], units: 3 },
    ],
    evidence: {
      file: 'ncci-mue/MUE_OutpatientHospital_Eff_10-01-2026.spine_subset.csv',
      line: 80,
      row: '64484,4,3,Clinical: Data',
    },
    why: 'MAI 3 (date of service, clinical): units are summed over the date, 2 + 3 > 4.',
    mustHave: [{ rule: 'mue', severity: 'error', codes: ['64484'], cites: true }],
    mustNotHave: [],
  },
  {
    id: 'C45',
    category: 'claim-mue',
    type: 'claim',
    setting: H,
    dos: HOSP_DOS,
    lines: [
      { code: '64484', modifiers: ['RT'], units: 2 },
      { code: '64484', modifiers: ['LT'], units: 2 },
    ],
    evidence: {
      file: 'ncci-mue/MUE_OutpatientHospital_Eff_10-01-2026.spine_subset.csv',
      line: 80,
      row: '64484,4,3,Clinical: Data',
    },
    why: '2 + 2 = 4, at the MUE.',
    mustHave: [],
    mustNotHave: [{ rule: 'mue', severity: 'error' }],
  },
  {
    id: 'C46',
    category: 'claim-mue',
    type: 'claim',
    setting: H,
    dos: HOSP_DOS,
    lines: [
      { code: '64483', modifiers: ['RT'], units: 1 },
      { code: '64483', modifiers: ['LT'], units: 1 },
    ],
    evidence: {
      file: 'ncci-mue/MUE_OutpatientHospital_Eff_10-01-2026.spine_subset.csv',
      line: 79,
      row: '64483,1,2,CMS Policy',
    },
    why: 'MAI 2 (date of service, policy): 1 + 1 > 1 on the date, even on separate lines.',
    mustHave: [{ rule: 'mue', severity: 'error', codes: ['64483'], cites: true }],
    mustNotHave: [],
  },
  {
    id: 'C47',
    category: 'claim-mue',
    type: 'claim',
    setting: H,
    dos: HOSP_DOS,
    lines: [{ code: '77003', units: 2 }],
    evidence: {
      file: 'ncci-mue/MUE_OutpatientHospital_Eff_10-01-2026.spine_subset.csv',
      line: 104,
      row: '77003,1,3,CMS Policy',
    },
    mustHave: [{ rule: 'mue', severity: 'error', codes: ['77003'], cites: true }],
    mustNotHave: [],
  },
  {
    id: 'C48',
    category: 'claim-mue',
    type: 'claim',
    setting: H,
    dos: '2026-05-01',
    lines: [{ code: '62323', units: 2 }],
    evidence: {
      file: 'ncci-mue/MUE_OutpatientHospital_Eff_10-01-2026.spine_subset.csv',
      line: 26,
      row: '62323,1,3,Clinical: Data',
    },
    why: 'No hospital MUE in force before 2026-10-01: a warning, never an error.',
    mustHave: [{ rule: 'mue', severity: 'warning' }],
    mustNotHave: [{ rule: 'mue', severity: 'error' }],
    cannotTell: 'mue',
  },
  {
    id: 'C49',
    category: 'claim-mue',
    type: 'claim',
    setting: P,
    dos: PRAC_DOS,
    lines: [{ code: '0009U', units: 3 }],
    evidence: {
      file: 'ncci-mue/MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv',
      line: 21,
      row: '0009U,2,3 Date of Service Edit: Clinical,Nature of Analyte',
    },
    mustHave: [{ rule: 'mue', severity: 'error', codes: ['0009U'], cites: true }],
    mustNotHave: [],
  },
  {
    id: 'C50',
    category: 'claim-mue',
    type: 'claim',
    setting: P,
    dos: PRAC_DOS,
    lines: [{ code: '0009U', units: 2 }],
    evidence: {
      file: 'ncci-mue/MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv',
      line: 21,
      row: '0009U,2,3 Date of Service Edit: Clinical,Nature of Analyte',
    },
    mustHave: [],
    mustNotHave: [{ rule: 'mue' }],
  },
  {
    id: 'C51',
    category: 'claim-mue',
    type: 'claim',
    setting: P,
    dos: PRAC_DOS,
    lines: [{ code: '0001U', units: 2 }],
    evidence: {
      file: 'ncci-mue/MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv',
      line: 10,
      row: '0001U,1,2 Date of Service Edit: Policy,Code Descriptor / CPT Instruction',
    },
    mustHave: [{ rule: 'mue', severity: 'error', codes: ['0001U'], cites: true }],
    mustNotHave: [],
  },
  {
    id: 'C52',
    category: 'claim-mue',
    type: 'claim',
    setting: P,
    dos: '2026-05-01',
    lines: [{ code: '0009U', units: 3 }],
    evidence: {
      file: 'ncci-mue/MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv',
      line: 21,
      row: '0009U,2,3 Date of Service Edit: Clinical,Nature of Analyte',
    },
    why: 'The practitioner MUE file takes effect 2026-07-01 and has no row dates: a warning, never an error.',
    mustHave: [{ rule: 'mue', severity: 'warning' }],
    mustNotHave: [{ rule: 'mue', severity: 'error' }],
    cannotTell: 'mue',
  },

  // ───────────── Code validity on claims ─────────────
  {
    id: 'C60',
    category: 'claim-validity',
    type: 'claim',
    setting: H,
    dos: HOSP_DOS,
    lines: [{ code: 'J1040', modifiers: ['JG'] }],
    evidence: {
      file: 'hcpcs-level2/2026-oct-excerpt/HCPC2026_OCT_ANWEB.excerpt.csv',
      line: 35,
      row: '   JG,0010,7,"Drug or biological acquired with 340b drug pricing program discount, reported for informational purposes",340b acquired drug,,,,,,,,,,,,,,,,,,,,,,,,,,C,,,,,,,,,,,,,,20180101,20250101,20241231,N',
    },
    why: 'JG ended 20241231.',
    mustHave: [
      { rule: ['code-validity', 'modifier'], severity: 'error', codes: ['JG'], cites: true },
    ],
    mustNotHave: [],
  },
  {
    id: 'C61',
    category: 'claim-validity',
    type: 'claim',
    setting: H,
    dos: '2024-06-03',
    lines: [{ code: 'J1040', modifiers: ['JG'] }],
    evidence: {
      file: 'hcpcs-level2/2026-oct-excerpt/HCPC2026_OCT_ANWEB.excerpt.csv',
      line: 35,
      row: '   JG,0010,7,"Drug or biological acquired with 340b drug pricing program discount, reported for informational purposes",340b acquired drug,,,,,,,,,,,,,,,,,,,,,,,,,,C,,,,,,,,,,,,,,20180101,20250101,20241231,N',
    },
    mustHave: [],
    mustNotHave: [
      { rule: 'code-validity', severity: 'error', codes: ['JG'] },
      { rule: 'modifier', severity: 'error', codes: ['JG'] },
    ],
  },
  {
    id: 'C62',
    category: 'claim-validity',
    type: 'claim',
    setting: P,
    dos: '2020-06-01',
    lines: [{ code: 'J1040', modifiers: ['GD'], units: 3 }],
    evidence: {
      file: 'hcpcs-level2/2026-oct-excerpt/HCPC2026_OCT_ANWEB.excerpt.csv',
      line: 33,
      row: '   GD,0010,7,Units of service exceeds medically unlikely edit value and represents reasonable and necessary services,Unit of service > mue value,,,,,,,,,,,,,,,,,,,,,,,,,,C,,,,,,,,,,,,,,20080101,20200101,20191231,N',
    },
    why: 'GD ended 20191231: the October 2026 release, the newest holding it, states so (the 2020 file, line 160, agrees).',
    mustHave: [
      { rule: ['code-validity', 'modifier'], severity: 'error', codes: ['GD'], cites: true },
    ],
    mustNotHave: [],
  },
  {
    id: 'C63',
    category: 'claim-validity',
    type: 'claim',
    setting: P,
    dos: '2026-03-15',
    lines: [{ code: '0001U', diagnoses: ['M54.5'] }],
    evidence: {
      file: 'icd10cm/fy2026-excerpt/icd10cm_order_2026.excerpt.txt',
      line: 92,
      row: '20086 M545    0 Low back pain                                                Low back pain',
    },
    why: 'M54.5 is a header in FY2026.',
    mustHave: [{ rule: 'code-validity', severity: 'error', codes: ['M54.5'], cites: true }],
    mustNotHave: [],
  },
  {
    id: 'C64',
    category: 'claim-validity',
    type: 'claim',
    setting: P,
    dos: '2021-03-15',
    lines: [{ code: 'J3301', diagnoses: ['M54.5'] }],
    evidence: {
      file: 'icd10cm/fy2021/icd10cm-order-Jan-2021.txt',
      line: 19260,
      row: '19260 M545    1 Low back pain                                                Low back pain',
    },
    mustHave: [],
    mustNotHave: [{ rule: 'code-validity', severity: 'error', codes: ['M54.5'] }],
  },
  {
    id: 'C65',
    category: 'claim-validity',
    type: 'claim',
    setting: P,
    dos: '2021-03-15',
    lines: [{ code: 'J3301', diagnoses: ['M54.50'] }],
    evidence: {
      file: 'icd10cm/fy2026-excerpt/icd10cm_order_2026.excerpt.txt',
      line: 93,
      row: '20087 M5450   1 Low back pain, unspecified                                   Low back pain, unspecified',
    },
    why: 'M54.50 is not in the complete FY2021 file.',
    absent: [{ file: F_icd21, text: ' M5450 ' }],
    mustHave: [{ rule: 'code-validity', severity: 'error', codes: ['M54.50'] }],
    mustNotHave: [],
  },
  {
    id: 'C66',
    category: 'claim-validity',
    type: 'claim',
    setting: P,
    dos: '2026-03-15',
    lines: [{ code: '0001U', diagnoses: ['M54.50'] }],
    evidence: {
      file: 'icd10cm/fy2026-excerpt/icd10cm_order_2026.excerpt.txt',
      line: 93,
      row: '20087 M5450   1 Low back pain, unspecified                                   Low back pain, unspecified',
    },
    mustHave: [],
    mustNotHave: [{ rule: 'code-validity', severity: 'error', codes: ['M54.50'] }],
  },
  {
    id: 'C67',
    category: 'claim-validity',
    type: 'claim',
    setting: P,
    dos: '2019-06-01',
    lines: [{ code: 'J3301', diagnoses: ['M54.16'] }],
    evidence: null,
    why: 'No ICD-10-CM release in force for FY2019: a warning that the library cannot tell, never an error.',
    mustHave: [{ rule: 'code-validity', severity: 'warning' }],
    mustNotHave: [{ rule: 'code-validity', severity: 'error', codes: ['M54.16'] }],
    cannotTell: 'code-validity',
  },
  {
    id: 'C68',
    category: 'claim-validity',
    type: 'claim',
    setting: P,
    dos: '2021-03-15',
    lines: [{ code: 'J1040', diagnoses: ['M54.1'] }],
    evidence: {
      file: 'icd10cm/fy2021/icd10cm-order-Jan-2021.txt',
      line: 19241,
      row: '19241 M541    0 Radiculopathy                                                Radiculopathy',
    },
    mustHave: [
      { rule: 'code-validity', severity: 'error', codes: ['M54.1'], lines: [1], cites: true },
    ],
    mustNotHave: [],
  },
  {
    id: 'C69',
    category: 'claim-validity',
    type: 'claim',
    setting: P,
    dos: '2020-06-01',
    lines: [{ code: 'J0001' }],
    evidence: null,
    why: 'J0001 is not in the complete 2020 HCPCS file.',
    absent: [{ file: F_hc20, text: 'J0001' }],
    mustHave: [{ rule: 'code-validity', severity: 'error', codes: ['J0001'], lines: [1] }],
    mustNotHave: [],
  },
  {
    id: 'C70',
    category: 'claim-validity',
    type: 'claim',
    setting: P,
    dos: '2021-03-15',
    lines: [{ code: 'J3301', diagnoses: ['M54.16'] }],
    evidence: {
      file: 'icd10cm/fy2021/icd10cm-order-Jan-2021.txt',
      line: 19248,
      row: '19248 M5416   1 Radiculopathy, lumbar region                                 Radiculopathy, lumbar region',
    },
    mustHave: [],
    mustNotHave: [{ rule: 'code-validity', severity: 'error' }],
  },
  {
    id: 'C71',
    category: 'claim-validity',
    type: 'claim',
    setting: P,
    dos: '2019-12-31',
    lines: [{ code: 'J1040', modifiers: ['GD'], units: 3 }],
    evidence: {
      file: 'hcpcs-level2/2026-oct-excerpt/HCPC2026_OCT_ANWEB.excerpt.csv',
      line: 33,
      row: '   GD,0010,7,Units of service exceeds medically unlikely edit value and represents reasonable and necessary services,Unit of service > mue value,,,,,,,,,,,,,,,,,,,,,,,,,,C,,,,,,,,,,,,,,20080101,20200101,20191231,N',
    },
    why: 'GD\u2019s last day in force; J1040 valid since 19820101.',
    mustHave: [],
    mustNotHave: [
      { rule: 'code-validity', severity: 'error' },
      { rule: 'modifier', severity: 'error', codes: ['GD'] },
    ],
  },
];

export const regressionCases: RegressionCase[] = [...askCases, ...claimCases];
