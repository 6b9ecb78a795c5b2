import { describe, expect, it } from 'vitest';
import { factIntent, mcdIdsIn, systemAsked, tableAsked } from './fact-intent.ts';
import { parseQuestion } from './question.ts';

const intentOf = (text: string) => factIntent(parseQuestion(text));

describe('factIntent', () => {
  it.each([
    ['GPCI for Manhattan', 'table-rows'],
    ['¿Cuál es el GPCI de la localidad de Queens?', 'table-rows'],
    ['which LCDs does Noridian have for epidural steroid injections', 'table-rows'],
    ['what is LCD L39242', 'table-rows'],
    ['billing and coding articles from Palmetto for facet joint', 'table-rows'],
    ['RVUs for 00100', 'table-rows'],
    ['fee for 64483 in Manhattan', 'fee'],
    ['Medicare allowed amount 99213 Alabama', 'fee'],
    ['how much does Medicare pay for 99213 in Queens?', 'fee'],
    ['tarifa de 99213 en Alabama', 'fee'],
    ['Gebühr für 64483 in Manhattan', 'fee'],
    ['99213 在 Manhattan 的费用', 'fee'],
    ['magkano ang bayad sa 99213 sa Manhattan?', 'fee'],
    ['What code for vertebrogenic low back pain?', 'code-search'],
    ['HCPCS code for triamcinolone 10 mg', 'code-search'],
    ['ICD-10 code for sciatica', 'code-search'],
    ['¿Qué código para lumbalgia?', 'code-search'],
    ['Quel code pour la sciatique ?', 'code-search'],
    ['Welcher Code für Ischias?', 'code-search'],
    ['Mã nào cho đau thắt lưng?', 'code-search'],
    ['Anong code para sa sciatica?', 'code-search'],
    ['Какой код для ишиаса?', 'code-search'],
    ['坐骨神经痛用什么代码？', 'code-search'],
    ['좌골신경통 진단 코드는?', 'code-search'],
    ['ما هو الرمز لعرق النسا؟', 'code-search'],
  ])('%s -> %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });

  it.each([
    'can I bill 62264 with 77003?',
    'what code is 62264?',
    'is M54.16 covered for 62323?',
    'which LCDs cover 62323?',
    'how many units of 64483?',
    'What is the Whipple procedure?',
    'global days for 62323',
    'what is the fee schedule?',
    // Billing two codes together is a pair question, not a fee: 收费 and singil mean "bill".
    '62264 和 62263 可以一起收费吗？',
    'Puwede bang singilin ang 62264 at 62263 nang sabay?',
  ])('leaves %s to the other intents', (text) => {
    expect(intentOf(text)).toBeNull();
  });

  it('reads which table a question asks about', () => {
    expect(tableAsked(parseQuestion('work GPCI in NY'))).toBe('gpci');
    expect(tableAsked(parseQuestion('relative value units of 00102'))).toBe('mpfs-rvu');
    expect(tableAsked(parseQuestion('A58995?'))).toBe('mcd-index');
    expect(tableAsked(parseQuestion('RVUs?'))).toBeNull();
  });
});

describe('systemAsked and mcdIdsIn', () => {
  it('names the system a question asks codes of', () => {
    expect(systemAsked('HCPCS code for triamcinolone')).toBe('hcpcs');
    expect(systemAsked('ICD-10-CM code for sciatica')).toBe('icd10cm');
    expect(systemAsked('diagnosis code for sciatica')).toBe('icd10cm');
    expect(systemAsked('CPT code for a lumbar injection')).toBe('cpt');
    expect(systemAsked('what code for low back pain')).toBeNull();
  });

  it('finds LCD and article ids, not codes or longer numbers', () => {
    expect(mcdIdsIn('compare l39242 and A58995 (also L39242)')).toEqual(['L39242', 'A58995']);
    expect(mcdIdsIn('L3924 or AL39242 or L392421')).toEqual([]);
  });
});
