/**
 * Masks the identifiers a coder may paste into a question or a comment before the text is
 * stored: dates (of birth, and any other full date), record and account numbers, phone numbers,
 * email addresses and SSN-like numbers. Only the stored copy is masked; the answer is computed
 * from the text as typed (its date of service included), and the thread keeps that date in its
 * own context, so nothing the product needs is read back from stored text.
 *
 * Every full date is masked, the date of service too: a date of birth is written in the same
 * shapes (a child's is a 20xx date), and a date of service is itself a dated fact about one
 * patient (HIPAA Safe Harbor lists every date element but the year). Years alone, month and
 * year ("March 2026"), quarters and versions stay.
 *
 * What must stay is what coders type: CPT/HCPCS codes (5 characters), ICD-10-CM codes (with a
 * dot), modifiers, units, versions ("32.2"), code ranges ("62321-62327") and NDCs, so digit runs
 * shorter than six are never masked unless a label ("MRN", "DOB", "phone") or a phone/SSN/date
 * shape says what they are.
 */
export type IdentifierMask = '[date]' | '[id]' | '[phone]' | '[email]' | '[ssn]';

/** The masks as they appear in redacted text (for reading words out of it without them). */
export const identifierMaskPattern = /\[(?:date|id|phone|email|ssn)\]/g;

type Replacer = (match: string, ...groups: string[]) => string;

interface Rule {
  pattern: RegExp;
  replace: string | Replacer;
}

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';

/** A label, its separator and the value after it: the label stays, the value is masked. */
function labelled(label: string, value: string, mask: IdentifierMask): Rule {
  return {
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])(${label})([\\s:#.-]*)(${value})`, 'giu'),
    // "MRN12345678" keeps its label apart from the mask: "MRN [id]".
    replace: (_match, name, separator) => `${name}${separator || ' '}${mask}`,
  };
}

/** Month and day in either order (US 03/14, European 14.03), each in range. */
function monthAndDay(a: number, b: number): boolean {
  const day = (n: number) => n >= 1 && n <= 31;
  const month = (n: number) => n >= 1 && n <= 12;
  return (month(a) && day(b)) || (month(b) && day(a));
}

/** 1962-03-14, 03/14/1962, 14.03.1962, 3-14-62: a full date only when its parts are in range. */
const numericDate: Replacer = (match, first, _separator, second, third) => {
  const [a, b, c] = [Number(first), Number(second), Number(third)];
  if (first.length === 4)
    return third.length <= 2 && b >= 1 && b <= 12 && c >= 1 && c <= 31 ? '[date]' : match;
  if (third.length === 3) return match;
  return monthAndDay(a, b) ? '[date]' : match;
};

/** In order: what a later rule could misread goes first (an email's digits, a labelled DOB). */
const rules: Rule[] = [
  {
    pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu,
    replace: '[email]',
  },
  labelled(
    'DOB|D\\.O\\.B\\.?|date of birth|birth ?date|born(?: on)?',
    '\\d{1,4}[/.\\s-]\\d{1,2}[/.\\s-]\\d{2,4}|\\d{4,8}(?![\\p{L}\\p{N}])',
    '[date]',
  ),
  labelled(
    'SSN|SS#|social security(?: number| no\\.?| #)?',
    '\\d{3}[\\s-]?\\d{2}[\\s-]?\\d{4}(?!\\d)',
    '[ssn]',
  ),
  labelled(
    'MRN|MR#|medical record(?: number| no\\.?| #)?|acct|account(?: number| no\\.?| #)?|' +
      'patient(?: id| number| no\\.?| #)|member(?: id| number| no\\.?| #)|subscriber(?: id| number)|' +
      'policy(?: number| no\\.?| #)|chart(?: number| no\\.?| #)|encounter(?: id| number| #)|' +
      'visit(?: id| number| #)|FIN|CSN|HAR|MBI|HICN',
    // An id has a digit and at least four characters: "account for 62264" names no account.
    '(?=[\\p{L}\\p{N}-]*\\d)[\\p{L}\\p{N}][\\p{L}\\p{N}-]{3,}',
    '[id]',
  ),
  labelled('phone|telephone|tel|cell|mobile|fax', '\\+?\\d[\\d\\s().-]{5,}\\d(?!\\d)', '[phone]'),
  { pattern: /(?<![\w-])\d{3}([- ])\d{2}\1\d{4}(?![\w-])/g, replace: '[ssn]' },
  { pattern: /(?<![\w.,-])\d{9}(?![\w-]|[.,]\d)/g, replace: '[ssn]' },
  {
    pattern: /(?<![\w+-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\w-])/g,
    replace: '[phone]',
  },
  { pattern: /(?<![\w+])\+\d{1,3}(?:[\s.-]?\d{2,4}){2,4}(?![\w-])/g, replace: '[phone]' },
  {
    pattern: /(?<![\w./-])(\d{1,4})([/.-])(\d{1,2})\2(\d{2,4})(?![\w/-]|\.\d)/g,
    replace: numericDate,
  },
  {
    pattern: new RegExp(
      `\\b(?:${MONTH}\\.?\\s+${DAY},?\\s+\\d{4}|${DAY}[\\s-]${MONTH}\\.?,?[\\s-]\\d{2,4})\\b`,
      'gi',
    ),
    replace: '[date]',
  },
  // A Medicare Beneficiary Identifier: 11 characters in a fixed letter/digit pattern.
  {
    pattern:
      /\b[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y]{2}\d{2}\b/g,
    replace: '[id]',
  },
  // Letters then six or more digits (MRN-like ids under any prefix); an NDC is a product.
  { pattern: /(?<![\w-])(?!NDC)\p{L}{1,5}[-#]?\d{6,}(?![\w-])/gu, replace: '[id]' },
  // Six or more digits: no code a coder types is that long, but an NDC (a product) is.
  {
    pattern: /(?<![\w.,]|NDC[\s:#-]{0,3})\d{6,}\p{L}{0,2}(?![\p{L}\p{N}]|[.,]\d)/giu,
    replace: '[id]',
  },
];

/** The text with likely identifiers masked; masking masked text changes nothing. */
export function redactIdentifiers(text: string): string {
  let out = text;
  for (const rule of rules) out = out.replace(rule.pattern, rule.replace as Replacer);
  return out;
}
