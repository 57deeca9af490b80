/**
 * A cell of text that came from the public (a message, a handle) as a spreadsheet may read it:
 * one beginning with = + - @, a tab or a carriage return could run as a formula when the CSV or
 * TSV is opened in Excel, so it gets a leading ' (OWASP's CSV-injection rule). A plain number
 * (−2, +1.5) cannot run and is left as it is, so labels copy and paste back unchanged.
 */
export function neutralizeFormula(text: string): string {
  if (!/^[=+\-@\t\r]/.test(text)) return text;
  if (/^[-+]?\d+(\.\d+)?$/.test(text)) return text;
  return `'${text}`;
}
