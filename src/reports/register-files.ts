import ExcelJS from 'exceljs';
import { neutraliseFormula } from '../domain/reports/formula-safety.ts';
import { REGISTER_COLUMNS, type RegisterCell, type RegisterEntry } from '../domain/reports/register.ts';

/** Every text cell goes through here on its way into a file, in both formats. */
function safeCell(value: RegisterCell): string | number | null {
  return typeof value === 'string' ? neutraliseFormula(value) : value;
}

function csvField(value: RegisterCell): string {
  const safe = safeCell(value);
  if (safe === null) return '';
  if (typeof safe === 'number') return String(safe);
  return `"${safe.replaceAll('"', '""')}"`;
}

/**
 * RFC 4180 with a semicolon: Dutch spreadsheet settings use the comma as the decimal sign and
 * open a semicolon file in columns straight away. A UTF-8 byte-order mark makes Excel read the
 * accents right; text fields are always quoted, and every line ends in CRLF.
 */
export function registerCsv(entries: readonly RegisterEntry[]): Buffer {
  const lines = [
    REGISTER_COLUMNS.map((c) => csvField(c.header)).join(';'),
    ...entries.map((entry) => REGISTER_COLUMNS.map((c) => csvField(c.value(entry))).join(';')),
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/**
 * One sheet with a frozen, filterable header row. exceljs writes strings as text cells (never as
 * formulas), and the cells are neutralised as in the CSV besides, because a register is often
 * saved on as CSV from Excel, where the text would become a formula again.
 */
export async function registerXlsx(
  entries: readonly RegisterEntry[],
  meta: { organisationName: string; createdAt: Date },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Klachtwijzer';
  workbook.company = meta.organisationName;
  workbook.created = meta.createdAt;
  workbook.modified = meta.createdAt;
  const sheet = workbook.addWorksheet('Klachtenregister', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = REGISTER_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const entry of entries) {
    sheet.addRow(REGISTER_COLUMNS.map((c) => safeCell(c.value(entry))));
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: REGISTER_COLUMNS.length } };
  for (let column = 1; column <= REGISTER_COLUMNS.length; column += 1) {
    sheet.getColumn(column).alignment = { vertical: 'top', wrapText: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
