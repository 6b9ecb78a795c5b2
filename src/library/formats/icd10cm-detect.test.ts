import { describe, expect, it } from 'vitest';
import { detectIcd10cmKind } from './icd10cm-detect.ts';
import { orderLine, sampleOrderText, sampleTabularXml } from './icd10cm-test-fixtures.ts';

describe('detectIcd10cmKind', () => {
  it('recognizes the order file by its fixed-width lines, whatever its name', () => {
    expect(detectIcd10cmKind('icd10cm_order_2026.txt', sampleOrderText)).toBe('icd10cm-order');
    expect(detectIcd10cmKind('upload.dat', `${sampleOrderText}\r\n`)).toBe('icd10cm-order');
  });

  it('ignores a last line cut off by the head limit', () => {
    const head = `${sampleOrderText}\r\n00007 A0`;
    expect(detectIcd10cmKind('x.txt', head)).toBe('icd10cm-order');
  });

  it('uses the name only when the head is less than one line', () => {
    const partial = orderLine(1, 'A00', '0', 'Cholera').slice(0, 30);
    expect(detectIcd10cmKind('icd10cm_order_2026.txt', partial)).toBe('icd10cm-order');
    expect(detectIcd10cmKind('notes.txt', partial)).toBeNull();
  });

  it('recognizes the Tabular List by its root element', () => {
    expect(detectIcd10cmKind('x.xml', sampleTabularXml.slice(0, 300))).toBe('icd10cm-tabular');
    expect(detectIcd10cmKind('x.xml', '\uFEFF<!-- c --><?pi x?>\n<ICD10CM.tabular>')).toBe(
      'icd10cm-tabular',
    );
    // Named even with a DOCTYPE, so the parser can refuse it with XML_FORBIDDEN.
    expect(detectIcd10cmKind('x.xml', '<!DOCTYPE x [<!ENTITY e "x">]>\n<ICD10CM.tabular>')).toBe(
      'icd10cm-tabular',
    );
  });

  it('says null for anything else', () => {
    expect(detectIcd10cmKind('x.xml', '<?xml version="1.0"?><ICD10PCS.tabular>')).toBeNull();
    expect(detectIcd10cmKind('x.txt', 'code,description\nM5416,Radiculopathy\n')).toBeNull();
    const mixed = `${orderLine(1, 'A00', '0', 'Cholera')}\r\nnot an order line\r\n`;
    expect(detectIcd10cmKind('x.txt', mixed)).toBeNull();
    expect(detectIcd10cmKind('x.txt', '')).toBeNull();
    expect(detectIcd10cmKind('x.xml', '<?xml version="1.0"')).toBeNull();
    expect(detectIcd10cmKind('x.xml', '<!-- never closed')).toBeNull();
  });
});
