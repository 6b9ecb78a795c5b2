import { describe, expect, test } from 'vitest';
import { CodecardError } from '../../errors/codecard-error.ts';
import { decodeText } from './decode-text.ts';

describe('decodeText', () => {
  test('reads UTF-8, with or without a byte-order mark', () => {
    expect(decodeText(Buffer.from('Café ®'), 'a.txt')).toEqual({
      text: 'Café ®',
      encoding: 'utf-8',
    });
    expect(decodeText(Buffer.from('\ufeffCafé'), 'a.txt').text).toBe('Café');
  });

  test('falls back to Windows-1252, including its 0x80-0x9F punctuation', () => {
    const bytes = Buffer.from([
      0x43, 0x50, 0x54, 0xae, 0x20, 0x93, 0x71, 0x94, 0x20, 0x96, 0x20, 0x80, 0x99,
    ]);
    expect(decodeText(bytes, 'cms.txt')).toEqual({
      text: 'CPT® “q” – €™',
      encoding: 'windows-1252',
    });
  });

  test('reads UTF-16 with a byte-order mark and refuses NUL bytes otherwise', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Code', 'utf16le')]);
    expect(decodeText(le, 'w.csv')).toEqual({ text: 'Code', encoding: 'utf-16le' });
    expect(() => decodeText(Buffer.from('Code', 'utf16le'), 'w.csv')).toThrow(CodecardError);
    expect(() => decodeText(Buffer.from('Code', 'utf16le'), 'w.csv')).toThrow(
      /w\.csv: byte 1 is NUL/,
    );
  });
});
