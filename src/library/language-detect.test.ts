import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectLanguage, detectSentenceLanguage } from './language-detect.ts';
import { localeCodes, type LocaleCode } from '../domain/locale.ts';

// Sample sentences written for these tests.
const samples: [LocaleCode, string][] = [
  ['en', 'The injection is reported once per session. Imaging guidance is included in the code.'],
  ['en', 'Report modifier 59 only when the services are distinct and the record shows it.'],
  [
    'es',
    'La inyección se reporta una vez por sesión. La guía por imagen está incluida en el código.',
  ],
  ['es', 'El médico debe documentar el nivel y el medicamento para que el servicio sea cubierto.'],
  [
    'fr',
    "L'injection est déclarée une fois par séance. Le guidage par imagerie est inclus dans le code.",
  ],
  [
    'fr',
    'Le médecin doit noter le niveau et le médicament pour que la prise en charge soit acceptée.',
  ],
  [
    'de',
    'Die Injektion wird einmal pro Sitzung abgerechnet. Die Bildgebung ist im Code enthalten.',
  ],
  [
    'de',
    'Der Arzt muss die Höhe und das Medikament dokumentieren, sonst wird die Leistung nicht bezahlt.',
  ],
  ['vi', 'Mũi tiêm được tính một lần cho mỗi buổi. Hướng dẫn hình ảnh đã bao gồm trong mã này.'],
  ['vi', 'Bác sĩ phải ghi rõ vị trí và thuốc đã dùng cho bệnh nhân.'],
  [
    'tl',
    'Ang iniksiyon ay iniuulat nang isang beses sa bawat sesyon. Kasama na ang gabay ng imaging.',
  ],
  ['tl', 'Dapat isulat ng doktor ang antas at ang gamot na ginamit para sa pasyente.'],
  ['zh', '该注射每次治疗只报告一次。影像引导已包含在代码中。'],
  ['zh', '医生必须记录注射部位和所用药物，代码 62321 才能报告。'],
  ['ko', '주사는 시술당 한 번만 보고합니다. 영상 유도는 코드에 포함되어 있습니다.'],
  ['ko', '의사는 주사 부위와 사용한 약물을 기록해야 합니다.'],
  ['ar', 'يتم الإبلاغ عن الحقن مرة واحدة لكل جلسة. التوجيه بالتصوير مشمول في الرمز.'],
  ['ar', 'يجب على الطبيب توثيق مستوى الحقن والدواء المستخدم.'],
  ['ru', 'Инъекция указывается один раз за сеанс. Визуальный контроль включён в код.'],
  ['ru', 'Врач должен записать уровень и использованный препарат.'],
];

describe('detectLanguage', () => {
  it.each(samples)('detects %s', (expected, text) => {
    expect(detectLanguage(text)).toBe(expected);
  });

  it('defaults to English for too little text', () => {
    expect(detectLanguage('')).toBe('en');
    expect(detectLanguage('62321')).toBe('en');
    expect(detectLanguage('OK')).toBe('en');
    expect(detectLanguage('   \n  ')).toBe('en');
  });

  it('keeps CJK text with embedded English terms and codes as CJK', () => {
    expect(detectLanguage('CPT 62321 MUE 规则')).toBe('zh');
    expect(detectLanguage('CPT 62321 코드 보고')).toBe('ko');
  });

  it('always returns one of the ten locales and never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        expect(localeCodes).toContain(detectLanguage(text));
      }),
      { numRuns: 300 },
    );
  });
});

describe('detectSentenceLanguage', () => {
  it('finds a Spanish sentence in an English document and an English one in a Spanish document', () => {
    expect(
      detectSentenceLanguage(
        'El médico introduce un tubo delgado en el espacio que rodea los nervios.',
        'en',
      ),
    ).toBe('es');
    expect(
      detectSentenceLanguage(
        'The doctor must document the level and the side of the injection.',
        'es',
      ),
    ).toBe('en');
  });

  it('keeps the document language when a sentence gives too little evidence', () => {
    expect(detectSentenceLanguage('Report 62264.', 'es')).toBe('es');
    expect(detectSentenceLanguage('Racz procedure (62264)', 'fr')).toBe('fr');
    expect(detectSentenceLanguage('Todo se hace en una sola visita.', 'es')).toBe('es');
  });

  it('lets a non-Latin script decide, whatever the document', () => {
    expect(detectSentenceLanguage('يتم كل ذلك في زيارة واحدة.', 'en')).toBe('ar');
    expect(detectSentenceLanguage('医生必须记录注射部位。', 'en')).toBe('zh');
    expect(detectSentenceLanguage('The needle is placed under live X-ray.', 'ar')).toBe('en');
  });
});
