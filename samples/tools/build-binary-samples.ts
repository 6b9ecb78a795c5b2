/**
 * Builds the binary files of the starter library (PDF and DOCX) from the SAMPLE text kept
 * below, so the text stays reviewable in source control and the binaries can be rebuilt:
 *
 *   node --import tsx samples/tools/build-binary-samples.ts
 *
 * Everything here is sample wording written for Codecard: not AMA CPT text, not CMS or payer
 * text, not medical or legal advice. The output is deterministic (no dates, no random ids), so
 * rebuilding unchanged text gives the same bytes and re-importing them is a no-op.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeDocx, type DocxParagraph } from '../../src/library/parsers/test-fixtures.ts';

const outDir = fileURLToPath(new URL('../starter-library/', import.meta.url));

// ---------------------------------------------------------------------------------------------
// PDF: a small writer of its own (Helvetica, WinAnsi, ASCII text only). Body lines are set with
// a leading of 14 pt at 11 pt so the importer joins them into one paragraph; paragraphs are
// separated by a larger gap, and headings are set in a larger size so they become headings.
// ---------------------------------------------------------------------------------------------

type PdfBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  /** A lead-in and checklist items, each item on new (indented) lines, all in one paragraph. */
  | { kind: 'checklist'; text: string; items: string[] };

interface Style {
  size: number;
  leading: number;
  /** Characters per line: Helvetica averages about half an em per character. */
  wrap: number;
  /** Extra space above the block. */
  before: number;
}

const styles: Record<PdfBlock['kind'], Style> = {
  title: { size: 18, leading: 22, wrap: 50, before: 0 },
  heading: { size: 14, leading: 17, wrap: 64, before: 14 },
  paragraph: { size: 11, leading: 14, wrap: 86, before: 9 },
  checklist: { size: 11, leading: 14, wrap: 86, before: 9 },
};

const page = { width: 612, height: 792, left: 72, top: 740, bottom: 64 };

interface PlacedLine {
  text: string;
  size: number;
  x: number;
  y: number;
}

/** Checklist items are indented (no box characters, so each item reads as a clean sentence). */
const itemIndent = 18;

function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Lays the blocks out on letter-size pages; a heading is never left alone at a page foot. */
function layOut(blocks: readonly PdfBlock[]): PlacedLine[][] {
  const pages: PlacedLine[][] = [[]];
  let y = page.top;
  let first = true;
  blocks.forEach((block, index) => {
    const style = styles[block.kind];
    const lines = wrapText(block.text, style.wrap).map((text) => ({ text, x: page.left }));
    if (block.kind === 'checklist') {
      for (const item of block.items) {
        for (const text of wrapText(item, style.wrap - 4)) {
          lines.push({ text, x: page.left + itemIndent });
        }
      }
    }
    const next = blocks[index + 1];
    const isHeading = block.kind === 'title' || block.kind === 'heading';
    const keepWith =
      isHeading && next ? 2 * styles[next.kind].leading + styles[next.kind].before : 0;
    let top = first ? y : y - style.before;
    if (top - lines.length * style.leading - keepWith < page.bottom && !first) {
      pages.push([]);
      top = page.top;
    }
    for (const { text, x } of lines) {
      pages.at(-1)?.push({ text, size: style.size, x, y: top });
      top -= style.leading;
    }
    y = top;
    first = false;
  });
  return pages;
}

function pdfString(text: string): string {
  if (!/^[\x20-\x7e]*$/.test(text)) {
    throw new Error(`PDF text must be printable ASCII (WinAnsi subset): ${JSON.stringify(text)}`);
  }
  return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

function buildPdf(blocks: readonly PdfBlock[], info: { title: string; subject: string }) {
  const pages = layOut(blocks);
  const objects: string[] = [];
  const firstPageId = 5;
  const pageIds = pages.map((_, i) => firstPageId + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] =
    `<< /Title ${pdfString(info.title)} /Subject ${pdfString(info.subject)}` +
    ` /Producer (Codecard samples/tools/build-binary-samples.ts) >>`;
  pages.forEach((lines, i) => {
    const id = firstPageId + i * 2;
    const stream = lines
      .map((l) => `BT /F1 ${l.size} Tf ${l.x} ${l.y} Td ${pdfString(l.text)} Tj ET`)
      .join('\n');
    objects[id] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${page.width} ${page.height}]` +
      ` /Resources << /Font << /F1 3 0 R >> >> /Contents ${id + 1} 0 R >>`;
    objects[id + 1] =
      `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`;
  });
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, 'latin1');
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xrefAt = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) {
    out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  }
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const title = (text: string): PdfBlock => ({ kind: 'title', text });
const heading = (text: string): PdfBlock => ({ kind: 'heading', text });
const para = (text: string): PdfBlock => ({ kind: 'paragraph', text });
const checklist = (text: string, ...items: string[]): PdfBlock => ({
  kind: 'checklist',
  text,
  items,
});

const pdfNotice =
  'SAMPLE DOCUMENT written for the Codecard starter library by the fictional Example Spine ' +
  'Center. It is not AMA CPT text, not CMS or payer text, and not medical or legal advice.';

// ---------------------------------------------------------------------------------------------
// sample-documentation-checklist-epidural.pdf
// ---------------------------------------------------------------------------------------------

const checklistPdf: PdfBlock[] = [
  title('Sample documentation checklist: epidural injections and adhesiolysis'),
  para(pdfNotice),
  para(
    'Use this checklist before a claim for 62263, 62264, 62320-62327 or 64479-64484 goes out. ' +
      'Every box should be answered by the record of the date of service.',
  ),
  heading('Documentation requirements before the procedure'),
  checklist(
    'Before 62264, 62263, 62321, 62323, 64479 or 64483 the record must show:',
    'Document the diagnosis, with the ICD-10-CM code that supports the procedure.',
    'Document how long the symptoms have lasted and where the pain spreads (neck, arm, back, leg).',
    'Document the conservative care tried and for how long (therapy, home exercise, medicine).',
    'Record a pain score or a function score taken before the procedure.',
    'Record the imaging or examination findings that point to the level and side treated.',
    'For a repeat procedure, record the date of the last one and how much relief it gave.',
    'Record the review of blood thinners, and keep the signed consent in the record.',
  ),
  heading('Documentation requirements for the injection note'),
  checklist(
    'For 62320-62327 and 64479-64484 the procedure note must show:',
    'Record the approach: interlaminar, caudal or transforaminal.',
    'Record the spinal region and the level, and the side for 64479 and 64483.',
    'Document each additional level reported with 64480 or 64484, level by level.',
    'Record the imaging used (fluoroscopy or CT) and keep at least one saved image.',
    'Describe the contrast pattern that confirmed the needle position.',
    'Record every drug injected with its dose and volume.',
    'Record complications, or state that there were none.',
  ),
  heading('Documentation requirements for one-day adhesiolysis'),
  checklist(
    'For one-day adhesiolysis (62264) the procedure note must also show:',
    'Record the entry site (sacral hiatus or a lumbar level) and the catheter used.',
    'Describe the contrast study and the filling defect it showed, and keep a saved image.',
    'Describe how the catheter was moved to free the scar tissue, and the levels it reached.',
    'Record each solution injected (saline, hypertonic saline, anesthetic, steroid) with dose and volume.',
    'Document the removal of the catheter before discharge, on the same day.',
  ),
  heading('Documentation requirements for catheter infusions and fluoroscopy'),
  checklist(
    'For 62324-62327 and for 77003 the record must also show:',
    '62324-62327: record the catheter level, how far it was threaded, and the drug and rate infused.',
    '62324-62327: document the plan for the infusion and for removing the catheter.',
    '77003: name the procedure that was guided and keep at least one saved image.',
    '77003: confirm that the guided procedure code does not already include imaging guidance.',
  ),
  heading('Documentation requirements for a multi-day series'),
  para(
    'For 62263 the record must show the plan for the whole series in the first note, and for each ' +
      'session of the series: the date, a check of the catheter position, the solutions given and ' +
      'the patient response. 62263 is reported once for the series, not once per session.',
  ),
  heading('After the procedure'),
  para(
    'For 62264 and 62263 record the pain score after the procedure, the condition at discharge ' +
      'and the follow-up plan. A related visit within the 10-day global period of 62264 is part of ' +
      'the procedure and is not reported separately.',
  ),
  heading('Coding checks before the claim goes out'),
  checklist(
    'Before the claim for 62264, 62263, 62321-62327 or 64479-64484 is sent:',
    '62264: one unit per day; 62263 and 62264 are never reported together.',
    '77003 and 72275 are not reported with 62263 or 62264 for the same procedure.',
    '77003 is not reported with 62321-62327 or 64479-64484.',
    'Modifier 50 on 64479 or 64483 only when both sides were injected, and the note says so.',
    'Modifier XS or 59 only when a separate spinal region was treated, and the note says so.',
    'Modifier 52 on 62264 only with the reason the procedure was stopped.',
  ),
];

// ---------------------------------------------------------------------------------------------
// sample-clinical-examples-epidural.pdf
// ---------------------------------------------------------------------------------------------

const examplesPdf: PdfBlock[] = [
  title('Sample clinical examples: epidural injections and adhesiolysis'),
  para(pdfNotice),
  para(
    'The patients below are invented. Each vignette shows the codes the sample guideline would ' +
      'report; check every case against your own licensed code book and payer rules.',
  ),
  heading('Clinical example 1: one-day adhesiolysis after spine surgery'),
  para(
    'A 58-year-old man had a lumbar laminectomy two years ago and now has burning pain down his ' +
      'left leg. Two transforaminal injections each gave about two weeks of relief. Under ' +
      'fluoroscopy the physician enters the epidural space through the sacral hiatus, injects ' +
      'contrast that shows a filling defect at L5-S1 on the left, steers a catheter into the scar ' +
      'tissue and injects hypertonic saline, local anesthetic and a steroid. The catheter is ' +
      'removed before discharge the same day. Codes reported: 62264 with diagnoses M96.1 and ' +
      'M54.17. The contrast study (72275) and the fluoroscopic guidance (77003) are included in ' +
      '62264 and are not reported.',
  ),
  heading('Clinical example 2: adhesiolysis over three days'),
  para(
    'A 64-year-old woman with scar tissue after two lumbar operations is admitted for a planned ' +
      'three-day adhesiolysis series. The catheter is placed on day one and left in place; on days ' +
      'two and three the position is checked with contrast and the injections are repeated. Code ' +
      'reported: 62263, one unit, on the first day of the series. The later sessions are part of ' +
      '62263 and are not reported separately.',
  ),
  heading('Clinical example 3: lumbar interlaminar epidural injection'),
  para(
    'A 71-year-old man with lumbar spinal stenosis and pain in both legs when walking has not ' +
      'improved after eight weeks of physical therapy. Under fluoroscopy a needle is placed ' +
      'between L4 and L5 into the epidural space, contrast confirms the position, and a steroid ' +
      'with saline is injected. Code reported: 62323 with diagnosis M48.062. Fluoroscopy (77003) is ' +
      'included in 62323 and is not reported.',
  ),
  heading('Clinical example 4: bilateral transforaminal injections at two levels'),
  para(
    'A 49-year-old woman with lumbar disc herniations and radiating pain in both legs receives ' +
      'transforaminal injections at L4-L5 and L5-S1 on both sides in one session under ' +
      'fluoroscopy. Codes reported: 64483-50 for the first level on both sides and 64484-50 for the ' +
      'second level on both sides, with diagnosis M51.16. 64484 is an add-on code and is reported ' +
      'only with 64483.',
  ),
  heading('Clinical example 5: adhesiolysis stopped early'),
  para(
    'During a one-day adhesiolysis the catheter cannot be advanced past dense scar tissue at the ' +
      'sacral level. The physician injects the medicine at the level reached and ends the ' +
      'procedure, and the note explains why the planned treatment could not be completed. Code ' +
      'reported: 62264-52 (reduced services), with the reason documented in the note.',
  ),
  heading('Clinical example 6: two spinal regions on the same day'),
  para(
    'A 66-year-old man has lumbar adhesiolysis for post-surgical leg pain and, in the same visit, ' +
      'a separately planned cervical interlaminar injection under fluoroscopy for arm pain from a ' +
      'cervical disc (M50.13). Each procedure has its own note, level and images. Codes reported: ' +
      '62264 and 62321-XS. Modifier XS shows that 62321 was performed at a separate spinal region, ' +
      'which bypasses the edit between 62264 and 62321 (modifier indicator 1).',
  ),
  heading('Clinical example 7: cervical interlaminar epidural injection'),
  para(
    'A 52-year-old woman with neck pain and tingling into her left hand from a cervical disc has ' +
      'not improved after six weeks of therapy. Under fluoroscopy a needle is placed between C7 and ' +
      'T1 into the epidural space, contrast confirms the position, and a steroid is injected. Code ' +
      'reported: 62321 with diagnosis M50.13. The code without imaging, 62320, is not used because ' +
      'fluoroscopy guided the needle, and 77003 is not reported.',
  ),
  heading('Clinical example 8: caudal epidural injection without imaging'),
  para(
    'In a clinic without fluoroscopy, a physician gives a 68-year-old man with lumbar ' +
      'radiculopathy a caudal epidural injection through the sacral hiatus, placing the needle by ' +
      'feel and landmarks and confirming the space by loss of resistance. Code reported: 62322 with ' +
      'diagnosis M54.16. Had fluoroscopy been used, 62323 would be reported instead.',
  ),
  heading('Clinical example 9: cervical transforaminal injections at two levels'),
  para(
    'A 55-year-old man with right arm pain from cervical nerve root irritation receives right ' +
      'transforaminal injections at C5-C6 and C6-C7 under fluoroscopy in one session. Codes ' +
      'reported: 64479-RT for the first level and 64480-RT for the second level, with diagnosis ' +
      'M54.12. 64480 is an add-on code reported only with 64479, and 77003 is not reported.',
  ),
  heading('Clinical example 10: thoracic epidural catheter after surgery'),
  para(
    'After an open chest operation, an anesthesiologist places a thoracic epidural catheter at ' +
      'T6-T7 without imaging and starts a continuous infusion of local anesthetic for pain control. ' +
      'Code reported: 62324 with diagnosis G89.12. Had fluoroscopy been used to place the catheter, ' +
      '62325 would be reported. The daily management of the infusion on later days is not part of ' +
      '62324.',
  ),
  heading('Clinical example 11: lumbar epidural catheter for cancer pain'),
  para(
    'A 70-year-old woman with pain from cancer that has spread to the lumbar spine has a lumbar ' +
      'epidural catheter placed under fluoroscopy for a continuous infusion trial before an ' +
      'implanted drug pump is considered. Code reported: 62327 with diagnosis G89.3. Fluoroscopy ' +
      '(77003) is included in 62327; without imaging the code would be 62326.',
  ),
  heading('Clinical example 12: fluoroscopy that is not reported separately'),
  para(
    'A physician uses fluoroscopy to guide a right L5-S1 transforaminal injection and saves two ' +
      'images to the record. The claim first lists 64483-RT and 77003. The coder removes 77003: ' +
      'imaging guidance is part of 64483, and the edit between 64483 and 77003 is not bypassed for ' +
      'guidance of the same injection.',
  ),
];

// ---------------------------------------------------------------------------------------------
// sample-modifier-reference.docx
// ---------------------------------------------------------------------------------------------

const h1 = (text: string): DocxParagraph => ({ text, style: 'Heading1' });
const h2 = (text: string): DocxParagraph => ({ text, style: 'Heading2' });
const p = (text: string): DocxParagraph => ({ text });

const modifiers: DocxParagraph[] = [
  h1('Sample modifier reference for spine injection coding'),
  p(
    'SAMPLE DOCUMENT written for the Codecard starter library by the fictional Example Spine ' +
      'Center coding team. The definitions are our own plain-language summaries, not AMA CPT text, ' +
      'not CMS text and not medical or legal advice.',
  ),
  h2('Modifier 50 — Bilateral procedure'),
  p(
    'Modifier 50 tells the payer that the same procedure was done on both the left and the right ' +
      'side in the same session. In spine injection coding it applies to transforaminal injections: ' +
      'report 64483-50 when the same lumbar level is injected on both sides, and 64484-50 for an ' +
      'additional level done on both sides. Modifier 50 does not apply to 62263, 62264 or ' +
      '62320-62327, which are midline procedures.',
  ),
  h2('Modifier 51 — Multiple procedures'),
  p(
    'Modifier 51 marks the second and later procedures done by the same practitioner in the same ' +
      'session, so the payer applies its multiple-procedure reduction. List the procedure with the ' +
      'highest value first (for example 62264) and add 51 to the others (for example 64483-51). ' +
      'Add-on codes such as 64480 and 64484 never take modifier 51.',
  ),
  h2('Modifier 52 — Reduced services'),
  p(
    'Modifier 52 says that a procedure was partly reduced or cut short at the practitioner’s ' +
      'choice, and that the full service described by the code was not delivered. Example: 62264-52 ' +
      'when adhesiolysis is stopped because the catheter cannot pass the scar tissue. The note must ' +
      'say what was done and why.',
  ),
  h2('Modifier 59 — Distinct procedural service'),
  p(
    'Modifier 59 shows that a procedure that is normally bundled with another one was, on this ' +
      'occasion, separate and distinct: a different session, a different site or organ system, a ' +
      'separate incision or injury. It bypasses an NCCI edit only when the edit’s modifier indicator ' +
      'is 1 and the record supports the distinction. Use a more specific X modifier (XE, XS, XP, XU) ' +
      'when one fits. Example: 62321-59 for a cervical injection on the same day as lumbar ' +
      'adhesiolysis 62264.',
  ),
  h2('Modifier XE — Separate encounter'),
  p(
    'Modifier XE is a more specific form of 59: the service was performed during a separate ' +
      'encounter on the same date, for example a morning clinic visit and an afternoon procedure. ' +
      'Example: 62323-XE when the injection is done in a second, separately scheduled session on the ' +
      'same day as another procedure.',
  ),
  h2('Modifier XS — Separate structure'),
  p(
    'Modifier XS is a more specific form of 59: the service was performed on a separate organ or ' +
      'structure, here a different spinal region. Example: 62321-XS for a cervical interlaminar ' +
      'injection on the same day as a lumbar adhesiolysis 62264.',
  ),
  h2('Modifier XP — Separate practitioner'),
  p(
    'Modifier XP is a more specific form of 59: the service was performed by a different ' +
      'practitioner. Example: 20610-XP when a different physician of the same group injects a knee ' +
      'on the same day that 62264 is performed, and each physician documents their own service.',
  ),
  h2('Modifier XU — Unusual non-overlapping service'),
  p(
    'Modifier XU is a more specific form of 59: the service does not overlap the usual components ' +
      'of the main service. Use it only when none of XE, XS or XP describes the situation, and the ' +
      'note explains why the two services are distinct (for example 96372 for an unrelated injection ' +
      'given on the same day as 62264).',
  ),
  h2('Modifier LT — Left side'),
  p(
    'Modifier LT identifies a procedure on the left side of the body. Example: 64483-LT for a ' +
      'transforaminal injection at one lumbar level on the left. Do not use LT with modifier 50.',
  ),
  h2('Modifier RT — Right side'),
  p(
    'Modifier RT identifies a procedure on the right side of the body. Example: 64479-RT for a ' +
      'transforaminal injection at one cervical level on the right. Do not use RT with modifier 50.',
  ),
  h2('Modifiers 26 and TC — Professional and technical components'),
  p(
    'Modifier 26 reports only the physician’s reading and report of an imaging service (for ' +
      'example 72148-26 for an MRI read for a hospital, or 77003-26 when the physician guides a ' +
      'separately reportable procedure in a hospital), and TC reports only the equipment and staff ' +
      'part. They are not used for guidance that is already included in 62264, 62323 or 64483.',
  ),
];

// ---------------------------------------------------------------------------------------------

const outputs: [name: string, bytes: Buffer][] = [
  [
    'sample-documentation-checklist-epidural.pdf',
    buildPdf(checklistPdf, {
      title: 'Sample documentation checklist: epidural injections and adhesiolysis',
      subject: 'SAMPLE content for the Codecard starter library - not AMA or CMS text',
    }),
  ],
  [
    'sample-clinical-examples-epidural.pdf',
    buildPdf(examplesPdf, {
      title: 'Sample clinical examples: epidural injections and adhesiolysis',
      subject: 'SAMPLE content for the Codecard starter library - not AMA or CMS text',
    }),
  ],
  ['sample-modifier-reference.docx', makeDocx(modifiers)],
];

for (const [name, bytes] of outputs) {
  writeFileSync(join(outDir, name), bytes);
  process.stdout.write(`wrote ${name} (${bytes.length} bytes)\n`);
}
