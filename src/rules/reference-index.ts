import { CodeReleases } from '../codes/code-releases.ts';
import { CodesUnder } from '../codes/codes-under.ts';
import type { HeldCodeRow } from '../domain/code-validity.ts';
import type { SourceRef } from './edit-releases.ts';
import { coversDay, type InForce } from './in-force.ts';
import type { Citation } from '../domain/citation.ts';

/** A fact row held in memory: when it is in force and where it came from. */
export interface Sourced extends InForce {
  source: number;
  locator: string;
}

/** A descriptor row of a release that decides validity, held for the code-validity verdict. */
export interface CodeRow {
  source: number;
  documentId: number;
  locator: string;
  /** The row's own dates as the file states them, for messages. */
  rowFrom: string | null;
  rowTo: string | null;
}

export type CodeEntry = HeldCodeRow<CodeRow>;

export interface AddOnEntry extends Sourced {
  primary: string;
}

/** One MPFS indicator of a code (bilateral surgery, multiple procedure) from its unmodified row. */
export interface RvuIndicatorEntry extends Sourced {
  indicator: string;
}

/** One policy's covered diagnoses for one procedure code. */
export interface CoverageEntry extends Sourced {
  policyId: string;
  diagnoses: Set<string>;
}

/** A frequency limit read from a guidance sentence ("Report 62264 once per day"). */
export interface FrequencyEntry extends InForce {
  max: number;
  period: string;
  setting: string | null;
  citation: Citation;
}

/** A passage that names modifiers, to cite for modifier combinations it explains. */
export interface ModifierPassage extends InForce {
  modifiers: Set<string>;
  citation: Citation;
}

/**
 * Everything besides the NCCI edits that the claim rules consult, held in memory by code:
 * descriptor tables (which codes exist when), add-on primaries, the RVU file's bilateral and
 * multiple-procedure indicators, coverage
 * lists, frequency limits stated in guidance, and the modifiers the library knows. Built from
 * the library and rebuilt when it changes, like the edit index.
 */
export class ReferenceIndex {
  readonly sources: SourceRef[] = [];
  /** The releases that decide code validity (HCPCS files, ICD-10-CM order files, code tables). */
  releases = new CodeReleases([]);
  /** Billable ICD-10-CM codes per release, for the codes under a header. */
  readonly codesUnder = new CodesUnder();
  /** Systems with at least one deciding descriptor table, whatever its dates. */
  readonly systems = new Set<string>();
  readonly codes = new Map<string, CodeEntry[]>();
  readonly addOns = new Map<string, AddOnEntry[]>();
  readonly bilateral = new Map<string, RvuIndicatorEntry[]>();
  readonly multipleProcedure = new Map<string, RvuIndicatorEntry[]>();
  readonly coverage = new Map<string, CoverageEntry[]>();
  readonly frequency = new Map<string, FrequencyEntry[]>();
  readonly knownModifiers = new Set<string>();
  readonly modifierPassages: ModifierPassage[] = [];

  codeEntries(system: string, code: string): CodeEntry[] {
    return this.codes.get(`${system}|${code}`) ?? [];
  }

  addCode(system: string, code: string, entry: CodeEntry): void {
    this.systems.add(system);
    push(this.codes, `${system}|${code}`, entry);
  }

  /** Rows of a code in force on the day, of any document version. */
  static inForceOn<T extends InForce>(entries: readonly T[], day: number): T[] {
    return entries.filter((entry) => coversDay(entry, day));
  }

  citation(entry: { source: number; locator: string }): Citation {
    return { ...this.sources[entry.source]!, locator: entry.locator };
  }

  /** The first passage in force on the day that names every one of the modifiers. */
  passageNaming(modifiers: readonly string[], day: number): Citation | undefined {
    return this.modifierPassages.find(
      (p) => coversDay(p, day) && modifiers.every((m) => p.modifiers.has(m)),
    )?.citation;
  }
}

export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
