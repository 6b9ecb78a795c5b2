import { describe, expect, test } from 'vitest';
import { readAliases } from './alias-reader.ts';
import { classifyIntent } from './intent.ts';
import { parseQuestion } from './question.ts';

describe('parseQuestion', () => {
  test.each([
    ['can I bill 62264 with 77003 in hospital?', ['62264', '77003'], [], 'hospital', 'en'],
    ['is m54.16 covered for 62323?', ['62323'], ['M54.16'], null, 'en'],
    ['¿Puedo facturar 62264 con 77003?', ['62264', '77003'], [], null, 'es'],
    ['62264 与 77003 可以一起报告吗？', ['62264', '77003'], [], null, 'zh'],
    ['Сколько единиц 64480 в больнице?', ['64480'], [], 'hospital', 'ru'],
    ['j1040 units for the physician', ['J1040'], [], 'practitioner', 'en'],
  ])('%s', (text, procedures, diagnoses, setting, lang) => {
    const q = parseQuestion(text);
    expect(q.procedures).toEqual(procedures);
    expect(q.diagnoses).toEqual(diagnoses);
    expect(q.setting).toBe(setting);
    expect(q.lang).toBe(lang);
  });

  test('dates of service in ISO, US and dotted forms; impossible dates are ignored', () => {
    expect(parseQuestion('64484 on 2026-03-02').dos).toBe('2026-03-02');
    expect(parseQuestion('64484 on 3/2/2026').dos).toBe('2026-03-02');
    expect(parseQuestion('64484 am 02.03.2026').dos).toBe('2026-03-02');
    expect(parseQuestion('64484 on 2026-02-30').dos).toBeNull();
  });
});

describe('classifyIntent', () => {
  const intent = (text: string, context?: Parameters<typeof classifyIntent>[1]) =>
    classifyIntent(parseQuestion(text), context);

  test.each([
    ['62264', 'card'],
    ['can I bill 62264 and 62263 together?', 'pair'],
    ['62264 77003', 'pair'],
    ['how many units of 64484?', 'units'],
    ['what must the note show for 62264?', 'documentation'],
    ['is M54.16 covered for 62323?', 'coverage'],
    ['can I use modifier 50 with 64483?', 'modifier'],
    ['what does modifier XS mean?', 'passages'],
    ['M54.16', 'card'],
    ['¿Cuántas unidades de 64484?', 'units'],
    ['Wie viele Einheiten von 64484?', 'units'],
    ['64484 是多少单位？', 'units'],
  ])('%s → %s', (text, expected) => {
    expect(intent(text)).toBe(expected);
  });

  test.each([
    ['is M54.5 billable on 2026-03-15?', 'validity'],
    ['is modifier JG valid on 2026-11-02?', 'validity'],
    ['is J1040 still active?', 'validity'],
    ['¿Es M54.5 facturable?', 'validity'],
    ['Ist M54.5 abrechenbar?', 'validity'],
    ['M54.5 是否有效？', 'validity'],
    ['M54.5는 청구 가능한가요?', 'validity'],
    ['is M54.16 covered for 62323?', 'coverage'],
    ['is 62264 still billable with 77003?', 'pair'],
  ])('%s → %s', (text, expected) => {
    expect(intent(text)).toBe(expected);
  });

  test('validity follow-ups work on the thread’s one code', () => {
    const context = { procedures: [], lastIntent: 'card' as const, subject: 'M54.5' };
    expect(intent('is it billable?', context)).toBe('validity');
    expect(intent('what should I use instead?', context)).toBe('validity');
    expect(intent('is it billable?', { procedures: [], lastIntent: null })).toBe('passages');
  });

  test('follow-ups use the thread: its codes, and its last question for a new code', () => {
    const context = { procedures: ['62264'], lastIntent: 'coverage' as const };
    expect(intent('and modifiers?', context)).toBe('modifier');
    expect(intent('and for 62321?', context)).toBe('coverage');
    expect(intent('what about in hospital?', context)).toBe('coverage');
  });
});

describe('readAliases', () => {
  test('reads other names for codes in several languages', () => {
    const names = (text: string) => readAliases(text).map((a) => [a.name, a.codes.join('+')]);
    expect(
      names(
        'Percutaneous lysis of epidural adhesions (62263, 62264) is often referred to as the Racz procedure. Other names for 62263 and 62264 are epidural adhesiolysis and epidural neurolysis.',
      ),
    ).toEqual([
      ['Racz procedure', '62263+62264'],
      ['epidural adhesiolysis', '62263+62264'],
      ['epidural neurolysis', '62263+62264'],
    ]);
    expect(
      names(
        'Transforaminal injections (64479, 64483) are also called transforaminal epidural steroid injections (TFESI), and the add-on codes 64480 and 64484 are also called additional-level injections.',
      ),
    ).toEqual([
      ['TFESI', '64479+64483'],
      ['transforaminal epidural steroid injections', '64479+64483'],
      ['additional-level injections', '64480+64484'],
    ]);
    expect(names('硬膜外粘连松解术（手术代码 62264，也叫 Racz 手术）用于治疗')).toEqual([
      ['Racz 手术', '62264'],
      ['硬膜外粘连松解术', '62264'],
    ]);
    expect(names('After adhesiolysis (62264) or an injection (62323), rest.')).toEqual([]);
  });
});
