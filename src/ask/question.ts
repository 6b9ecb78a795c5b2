import { detectCodeMentions, type RangeExpander } from '../library/code-mentions.ts';
import type { LocaleCode } from '../domain/locale.ts';
import { questionLanguage } from './question-language.ts';
import { wordPattern } from './word-pattern.ts';
import type { CodeSystem } from '../domain/code-system.ts';
import type { Setting } from '../domain/setting.ts';

export interface QuestionCode {
  system: CodeSystem;
  code: string;
}

/** What a question names: codes by system, modifiers, a date of service, a setting, its language. */
export interface ParsedQuestion {
  text: string;
  lang: LocaleCode;
  /** Procedure codes (CPT/HCPCS), in the order written, without repeats. */
  procedures: string[];
  /** ICD-10-CM codes. */
  diagnoses: string[];
  modifiers: string[];
  dos: string | null;
  setting: Setting | null;
}

/**
 * Reads the codes, modifiers, date and setting out of a question. Letter-led codes must be
 * capitals for mention detection, so ASCII letters are upper-cased first ("j1040", "m54.16",
 * "modifier xs" are how people type); offsets stay valid since ASCII case changes keep length.
 */
export function parseQuestion(text: string, expandRange?: RangeExpander): ParsedQuestion {
  const upper = text.replace(/[a-z]/g, (c) => c.toUpperCase());
  const procedures: string[] = [];
  const diagnoses: string[] = [];
  const modifiers: string[] = [];
  const add = (list: string[], code: string) => {
    if (!list.includes(code)) list.push(code);
  };
  for (const mention of detectCodeMentions(upper, expandRange)) {
    if (mention.system === 'modifier') add(modifiers, mention.code);
    else if (mention.system === 'icd10cm') add(diagnoses, mention.code);
    else add(procedures, mention.code);
  }
  return {
    text,
    lang: questionLanguage(text),
    procedures,
    diagnoses,
    modifiers,
    dos: dateIn(text),
    setting: settingIn(text),
  };
}

const isoDate = /\b(20\d\d)-(\d\d)-(\d\d)\b/;
const usDate = /\b(\d{1,2})\/(\d{1,2})\/(20\d\d)\b/;
const dottedDate = /\b(\d{1,2})\.(\d{1,2})\.(20\d\d)\b/;

/** A date of service written in the question: ISO, US (03/02/2026) or dotted European (02.03.2026). */
export function dateIn(text: string): string | null {
  const valid = (y: string, m: string, d: string) => {
    const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
    const parsed = new Date(`${iso}T00:00:00Z`);
    return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso ? null : iso;
  };
  const iso = isoDate.exec(text);
  if (iso) return valid(iso[1]!, iso[2]!, iso[3]!);
  const us = usDate.exec(text);
  if (us) return valid(us[3]!, us[1]!, us[2]!);
  const dotted = dottedDate.exec(text);
  if (dotted) return valid(dotted[3]!, dotted[2]!, dotted[1]!);
  return null;
}

// Words for a hospital outpatient or a practitioner (professional) claim in the ten languages.
const hospitalWords = wordPattern(
  'hospital|outpatient|facility|OPPS|institutional|hospitalari[oa]|ambulatori[oa]|h[oô]pital|hospitalier|Krankenhaus|Klinik|station[äa]r|ambulant|bệnh viện|ospital|больниц\\p{L}*|стационар\\p{L}*',
  '医院|병원|مستشفى|المستشفى',
);
const practitionerWords = wordPattern(
  'practitioner|physician|professional|office|doctor|m[ée]dico|consultorio|m[ée]decin|cabinet|Arzt|Praxis|bác sĩ|doktor|врач\\p{L}*',
  '医生|诊所|의사|의원|طبيب',
);
const dmeWords = wordPattern('DME|DMEPOS|durable medical equipment');

export function settingIn(text: string): Setting | null {
  if (dmeWords.test(text)) return 'dme';
  if (hospitalWords.test(text)) return 'hospital';
  if (practitionerWords.test(text)) return 'practitioner';
  return null;
}
