import { describe, expect, test } from 'vitest';
import { csvCell } from './csv-cell.ts';

describe('csvCell', () => {
  test('defuses formula cells and quotes separators', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('62264')).toBe('62264');
    expect(csvCell(3)).toBe('3');
  });
});
