import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { seededRandom } from '../../../bench/generate-ptp.ts';

/** Codes the starter library knows, so checks produce findings (PTP pairs, MUE, add-ons). */
export const sampleCodes = ['62321', '62322', '62323', '64483', '64484', '20550', '99213'];
const modifierChoices = ['', '59', 'XS', '25', 'LT', 'RT', '59;XU'];

/** A CSV claim file of `claims` claims (2-3 lines each) written as a stream. */
export async function writeCsvClaims(path: string, claims: number, seed = 11): Promise<void> {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const out = createWriteStream(path);
  out.write('claim,code,dos,units,modifiers,dx\n');
  for (let i = 0; i < claims; i++) {
    const lines = 2 + Math.floor(random() * 2);
    let text = '';
    for (let l = 0; l < lines; l++) {
      const mods = pick(modifierChoices);
      text += `C${i},${pick(sampleCodes)},2026-03-0${1 + (i % 9)},${1 + Math.floor(random() * 3)},"${mods}",M54.16\n`;
    }
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** One JSON claim line with `units` written raw (so 1e400 or -0 reach the parser as typed). */
export function jsonClaimWithRawUnits(units: string): string {
  return `{"claims":[{"id":"U1","dateOfService":"2026-03-02","lines":[{"code":"62323","units":${units}}]}]}`;
}

const segmentsOf837 = (claims: number): string[] => {
  const out = [
    'BHT*0019*00*HOSTILE01*20260302*0900*CH',
    'NM1*41*2*HOSTILE SAMPLE SUBMITTER*****46*HS0001',
    'PER*IC*SAMPLE DESK*TE*5555550199',
    'NM1*40*2*HOSTILE SAMPLE PAYER*****46*HSPAYER',
    'HL*1**20*1',
    'NM1*85*2*SAMPLE SPINE CLINIC*****XX*1234567893',
  ];
  for (let i = 0; i < claims; i++) {
    out.push(
      `HL*${i + 2}*1*22*0`,
      'SBR*P*18*******CI',
      `NM1*IL*1*SAMPLE*PATIENT${i}****MI*HS${String(i).padStart(6, '0')}`,
      `CLM*HS${i}*300***11:B:1*Y*A*Y*Y`,
      'HI*ABK:M5416',
      'LX*1',
      'SV1*HC:62323*200*UN*1***1',
      'DTP*472*D8*20260302',
      'LX*2',
      'SV1*HC:64483:59*100*UN*2***1',
      'DTP*472*D8*20260302',
    );
  }
  return out;
};

/** A valid professional 837 (005010X222A1) with `claims` claims, segments on their own lines. */
export function sample837(claims = 2): string {
  const version = '005010X222A1';
  const body = [`ST*837*0001*${version}`, ...segmentsOf837(claims)];
  const segments = [
    'ISA*00*          *00*          *ZZ*HOSTILESUBMIT  *ZZ*HOSTILERECEIVE *260302*0900*^*00501*000000007*0*T*:',
    `GS*HC*HOSTILESUBMIT*HOSTILERECEIVE*20260302*0900*7*X*${version}`,
    ...body,
    `SE*${body.length + 1}*0001`,
    'GE*1*7',
    'IEA*1*000000007',
  ];
  return segments.map((s) => `${s}~\n`).join('');
}

/** Seeded edits of an X12 text: segments dropped, doubled, swapped, elements and delimiters changed. */
export function mutateX12(text: string, seed: number): string {
  const random = seededRandom(seed);
  const segments = text.split('~\n').filter((s) => s !== '');
  const edits = 1 + Math.floor(random() * 4);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(random() * segments.length);
    const segment = segments[at] ?? '';
    const elements = segment.split('*');
    switch (Math.floor(random() * 8)) {
      case 0:
        segments.splice(at, 1);
        break;
      case 1:
        segments.splice(at, 0, segment);
        break;
      case 2:
        segments.splice(at, 1, segments[(at + 1) % segments.length]!);
        break;
      case 3:
        elements[Math.floor(random() * elements.length)] = '';
        segments[at] = elements.join('*');
        break;
      case 4:
        elements[Math.floor(random() * elements.length)] = [
          '1e400',
          '-0',
          'NaN',
          '99999999',
          '\u0000',
          'é',
        ][Math.floor(random() * 6)]!;
        segments[at] = elements.join('*');
        break;
      case 5:
        segments[at] = segment.replace(/[*:^]/g, (d) => (random() < 0.3 ? '~' : d));
        break;
      case 6:
        segments[at] = segment.slice(0, Math.floor(random() * segment.length));
        break;
      default:
        segments.splice(at, 0, `${segment}*${'9'.repeat(1 + Math.floor(random() * 200))}`);
    }
  }
  return segments.map((s) => `${s}~\n`).join('');
}
