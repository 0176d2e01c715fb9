import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csv.ts';

describe('CSV cells a spreadsheet cannot run', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+31 6 1234', "'+31 6 1234"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\t=1', "'\t=1"],
    ['\r=1', '"\'\r=1"'],
    ['\0x', "'\0x"],
    ['gewoon', 'gewoon'],
    ['a;b', '"a;b"'],
    ['zei "nee"', '"zei ""nee"""'],
    ['regel\nregel', '"regel\nregel"'],
    ['2025-01-01', '2025-01-01'],
  ])('%j becomes %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('leaves numbers the export writes alone, negative ones too', () => {
    expect(csvLine([2025, -3, 'x'])).toBe('2025;-3;x');
  });
});
