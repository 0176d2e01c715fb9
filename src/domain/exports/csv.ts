/**
 * CSV cells a spreadsheet cannot run. A cell that starts with = + - @, a tab, CR or NUL is a
 * formula (or becomes one) in Excel and LibreOffice (CSV injection); it gets a leading apostrophe,
 * which the spreadsheet shows as text. Numbers the export itself writes are left alone.
 */
const FORMULA_START = /^[=+\-@\t\r\0]/;
const SEPARATOR = ';';

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvCell(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : neutraliseCell(value);
  return /[";\r\n,]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: ReadonlyArray<string | number>): string {
  return values.map(csvCell).join(SEPARATOR);
}
