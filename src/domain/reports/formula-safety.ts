/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): a cell that starts with one of these
 * characters may be read as a formula by Excel, LibreOffice or Google Sheets — `=HYPERLINK(...)` in a
 * complainant's name would become a live link in the coordinator's spreadsheet. The full-width forms
 * are included because some spreadsheet programs fold them to the ASCII ones.
 */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

/** Whether a text cell would start a formula, also behind leading spaces (which programs skip). */
export function looksLikeFormula(value: string): boolean {
  const first = value.replace(/^ +/, '')[0];
  return first !== undefined && FORMULA_TRIGGERS.has(first);
}

/**
 * The text made inert the way OWASP recommends: a leading apostrophe, which spreadsheet programs
 * treat as "this is text". Everything else is left exactly as written, so the register stays true.
 */
export function neutraliseFormula(value: string): string {
  return looksLikeFormula(value) ? `'${value}` : value;
}
