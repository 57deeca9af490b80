import type { Language } from '../domain/vocabulary';

/**
 * What an import says of the cells and files it cannot read (shared/domain/import/problems.ts), apart from the UI's
 * catalogs (en.ts and es.ts include them): the import threads write their reports with these alone.
 */
export const importProblemsEn = {
  'cellProblem.date-unread': 'cannot read date "{value}"',
  'cellProblem.date-not-real': '"{value}" is not a real date',
  'cellProblem.date-12-hour': '"{value}" has an hour that is not on a 12-hour clock',
  'cellProblem.date-order': '"{value}" could be day/month or month/day; choose the date order',
  'cellProblem.temperature-scale': 'cannot tell whether "{value}" is on a −2..2 or a 1–5 scale',
  'cellProblem.temperature-outside': 'temperature {value} is outside the {scale} scale',
  'cellProblem.temperature-unknown': 'unknown temperature "{value}"',
  'cellProblem.kind-unknown': 'unknown kind "{value}"',
  'cellProblem.not-a-count': '"{value}" is not a count',
  'cellProblem.not-a-number': '"{value}" is not a number',
  'cellProblem.id-conflict':
    'id {value} is already in the workspace with another text: a different message, or the same one edited',
  'cellProblem.too-long': 'cell has {length} characters; the limit is {limit}',
  'cellProblem.past-header':
    'the row has {cells} cells but the header names {width}: a delimiter inside a cell that is not in quotes? Quote that cell, or fix the row',
  'cellProblem.text-empty': 'text is empty',
  'cellProblem.date-empty': 'date is empty',
  'cellProblem.deal-no-id': 'the deal has no id',
  'cellProblem.deal-no-stage': 'the deal has no stage',
  'cellProblem.amount-unread': 'cannot read amount "{value}"',
  'cellProblem.sale-no-amount': 'the deal is won but has no amount',
  'cellProblem.currency-unknown': '"{value}" is not a currency code',
  'cellProblem.currency-mixed': 'a second currency, "{value}": one report is summed in one currency',
  'importReport.row': '{file}, row {row}, column "{column}": {problem}',
  'importReport.refused': '{file}: nothing imported; {atLeast}{count} {count|row cannot|rows cannot} be read:',
  'importReport.more': '(and {atLeast}{count} more)',
  'importReport.atLeast': 'at least ',
  'importReport.fix':
    'Fix them, or import the valid rows and write the rejected ones to a file (--rejects FILE in the CLI).',
  'importReport.allRejected': '{file}: nothing imported: all {count} rows were rejected; their reasons are in {path}',
  'fileProblem.file-empty': '{file} is empty (0 bytes)',
  'fileProblem.file-folder': '{file} is a folder: choose a file in it',
  'fileProblem.file-not-regular': '{file} is not a regular file (a pipe, a device or a socket): Pulso imports files',
  'fileProblem.file-format':
    '{file}: Pulso reads .csv, .tsv, .txt, .xlsx, .mdb, .accdb and .jsonl files, and network archives (.zip, tweets.js)',
  'fileProblem.file-utf32':
    '{file} is in UTF-32, which Pulso does not read: save it as UTF-8 (or UTF-16) and import it again',
  'fileProblem.file-no-header': '{file} is empty: there is no header row',
  'fileProblem.file-not-found': '{file}: file not found at {path}',
  'fileProblem.workbook-invalid':
    '{file} is not a valid Excel workbook ({reason}); it may be truncated or another kind of file',
  'fileProblem.workbook-no-sheets': '{file} has no sheets',
  'fileProblem.sheet-missing': '{file}: sheet "{sheet}" is missing from the workbook; it may be truncated',
  'fileProblem.sheet-unreadable': '{file}: cannot read sheet "{sheet}" ({reason})',
  'fileProblem.workbook-no-workbook': '{file} is not a valid Excel workbook: it has no xl/workbook.xml',
  'fileProblem.jsonl-line-invalid': '{file}: line {line} is not valid JSON ({reason})',
  'fileProblem.jsonl-line-not-object': '{file}: line {line} is not a JSON object',
  'fileProblem.jsonl-empty': '{file} is empty: there are no JSON objects',
  'fileProblem.access-no-tables': '{file} has no tables',
  'fileProblem.table-unreadable': '{file}: cannot read table "{table}" ({reason})',
  'fileProblem.archive-no-posts': '{file}: the archive holds no posts',
  'fileProblem.archive-no-tweets':
    "{file}: no data/tweets.js in it; Pulso reads a network's account archive as downloaded",
  'fileProblem.sheet-empty': '{file}: sheet "{sheet}" is empty',
  'fileProblem.header-row-blank':
    '{file}: row {row} is blank; choose the row the column names are on (--header-row N in the CLI)',
  'fileProblem.header-row-past-end':
    '{file}: row {row} is past the end of the file; choose the row the column names are on (--header-row N in the CLI)',
  'fileProblem.sheet-header-row-blank':
    '{file}: row {row} of sheet "{sheet}" is blank; choose the row the column names are on (--header-row N in the CLI)',
  'fileProblem.dates-ambiguous':
    '{file}: the dates could be day/month or month/day (e.g. 05/03); choose the date order (dmy or mdy)',
  'fileProblem.dates-mixed':
    '{file}: the dates mix day/month and month/day; fix the file or choose the date order (dmy or mdy)',
  'fileProblem.temperatures-ambiguous':
    '{file}: the temperatures could be on −2…+2 or on 1…5 (the file has only 1s and 2s, or as many values only one scale allows as only the other); choose the scale (signed or five: --temperature-scale in the CLI)',
  'fileProblem.not-utf8':
    "{file}: line {line} has bytes that are not UTF-8 (byte {byte}): the file mixes encodings, or is not the UTF-8 its start looks like; nothing imported. Choose its encoding (Windows-1252 for most old Spanish exports): the wizard's Encoding, or --encoding in the CLI",
  'fileProblem.quote-unclosed':
    '{file}, row {row}: a cell opens a quote (") that never closes, so the rest of the file would be one cell; close it, or remove the quote',
  'fileProblem.quote-text-after':
    '{file}, row {row}: a quoted cell has text after its closing quote ({reason}); quote the whole cell, doubling the quotes inside it',
  'fileProblem.deal-row': '{file}, row {row}, column "{column}": {problem}; nothing imported',
  'fileProblem.deal-column-missing': '{file}: no column "{header}" for the deal\'s {field}; its columns are {columns}',
  'fileProblem.deal-columns-not-found':
    "{file}: cannot find a column for the deal's {fields} among {columns}; is it a CRM's deals export? If so, name its columns in a mapping file (--mapping)",
  'fileProblem.ads-columns-not-found':
    '{file}: cannot find what was spent and on which days among {columns}; is it an ads report (Amount Spent, Reporting Starts)?',
  'fileProblem.ads-no-rows': '{file} has no rows of spend',
  'fileProblem.ads-row': '{file}, row {row}, column "{column}": {problem}; nothing taken',
  'fileProblem.mapping-field-unmapped': '{file}: no column is mapped to {field} (columns: {columns})',
  'fileProblem.file-deals-not-messages':
    "{file} looks like a CRM's export of deals (a deal id, an amount and a stage), not messages: import it as deals (pulso sales import, or the wizard's Import as CRM deals); to import it as messages all the same, name its text column in a mapping file (--mapping) or in the wizard's Columns",
  'fileProblem.text-column-empty':
    '{file}: the column "{column}", taken for the message text, is empty in {empty} of {count} {count|row|rows} read: the file does not look like messages (an accounts or contacts export?), or the text is in another column: name it in a mapping file (--mapping) or in the wizard\'s Columns; nothing imported',
  'fileProblem.mapping-column-missing':
    '{file}: column "{header}" (for {field}) is not in the file (columns: {columns})',
  'fileProblem.mapping-header-repeated':
    '{file}: the header "{header}" names {count} columns ({letters}); rename them so each is unique',
} as const;

export type ImportProblemKey = keyof typeof importProblemsEn;

const importProblemsEs: Record<ImportProblemKey, string> = {
  'cellProblem.date-unread': 'no se puede leer la fecha «{value}»',
  'cellProblem.date-not-real': '«{value}» no es una fecha real',
  'cellProblem.date-12-hour': '«{value}» tiene una hora que no es de un reloj de 12 horas',
  'cellProblem.date-order': '«{value}» puede ser día/mes o mes/día; elige el orden de las fechas',
  'cellProblem.temperature-scale': 'no se sabe si «{value}» está en una escala de −2..2 o de 1–5',
  'cellProblem.temperature-outside': 'la temperatura {value} está fuera de la escala {scale}',
  'cellProblem.temperature-unknown': 'temperatura desconocida «{value}»',
  'cellProblem.kind-unknown': 'tipo desconocido «{value}»',
  'cellProblem.not-a-count': '«{value}» no es un recuento',
  'cellProblem.not-a-number': '«{value}» no es un número',
  'cellProblem.id-conflict':
    'el id {value} ya está en el espacio de trabajo con otro texto: otro mensaje, o el mismo editado',
  'cellProblem.too-long': 'la celda tiene {length} caracteres; el límite es {limit}',
  'cellProblem.past-header':
    'la fila tiene {cells} celdas pero la cabecera nombra {width}: ¿un separador dentro de una celda sin comillas? Pon esa celda entre comillas o corrige la fila',
  'cellProblem.text-empty': 'el texto está vacío',
  'cellProblem.date-empty': 'la fecha está vacía',
  'cellProblem.deal-no-id': 'la venta no tiene id',
  'cellProblem.deal-no-stage': 'la venta no tiene etapa',
  'cellProblem.amount-unread': 'no se puede leer el importe «{value}»',
  'cellProblem.sale-no-amount': 'la venta está ganada pero no tiene importe',
  'cellProblem.currency-unknown': '«{value}» no es un código de moneda',
  'cellProblem.currency-mixed': 'una segunda moneda, «{value}»: un informe se suma en una sola moneda',
  'importReport.row': '{file}, fila {row}, columna «{column}»: {problem}',
  'importReport.refused':
    '{file}: no se importó nada; {atLeast}{count} {count|fila no se puede leer|filas no se pueden leer}:',
  'importReport.more': '(y {atLeast}{count} más)',
  'importReport.atLeast': 'al menos ',
  'importReport.fix':
    'Corrígelas, o importa las filas válidas y guarda las rechazadas en un archivo (--rejects ARCHIVO en la CLI).',
  'importReport.allRejected':
    '{file}: no se importó nada: se rechazaron las {count} filas; sus motivos están en {path}',
  'fileProblem.file-empty': '{file} está vacío (0 bytes)',
  'fileProblem.file-folder': '{file} es una carpeta: elige un archivo de dentro',
  'fileProblem.file-not-regular':
    '{file} no es un archivo normal (es una tubería, un dispositivo o un socket): Pulso importa archivos',
  'fileProblem.file-format':
    '{file}: Pulso lee archivos .csv, .tsv, .txt, .xlsx, .mdb, .accdb y .jsonl, y archivos de las redes (.zip, tweets.js)',
  'fileProblem.file-utf32':
    '{file} está en UTF-32, que Pulso no lee: guárdalo en UTF-8 (o UTF-16) e impórtalo de nuevo',
  'fileProblem.file-no-header': '{file} está vacío: no tiene fila de cabecera',
  'fileProblem.file-not-found': '{file}: no se encuentra el archivo en {path}',
  'fileProblem.workbook-invalid':
    '{file} no es un libro de Excel válido ({reason}); puede estar cortado o ser otro tipo de archivo',
  'fileProblem.workbook-no-sheets': '{file} no tiene hojas',
  'fileProblem.sheet-missing': '{file}: falta la hoja «{sheet}» en el libro; puede estar cortado',
  'fileProblem.sheet-unreadable': '{file}: no se puede leer la hoja «{sheet}» ({reason})',
  'fileProblem.workbook-no-workbook': '{file} no es un libro de Excel válido: no tiene xl/workbook.xml',
  'fileProblem.jsonl-line-invalid': '{file}: la línea {line} no es JSON válido ({reason})',
  'fileProblem.jsonl-line-not-object': '{file}: la línea {line} no es un objeto JSON',
  'fileProblem.jsonl-empty': '{file} está vacío: no hay objetos JSON',
  'fileProblem.access-no-tables': '{file} no tiene tablas',
  'fileProblem.table-unreadable': '{file}: no se puede leer la tabla «{table}» ({reason})',
  'fileProblem.archive-no-posts': '{file}: el archivo no contiene publicaciones',
  'fileProblem.archive-no-tweets':
    '{file}: no contiene data/tweets.js; Pulso lee el archivo de una cuenta tal como la red lo deja descargar',
  'fileProblem.sheet-empty': '{file}: la hoja «{sheet}» está vacía',
  'fileProblem.header-row-blank':
    '{file}: la fila {row} está en blanco; elige la fila donde están los nombres de las columnas (--header-row N en la CLI)',
  'fileProblem.header-row-past-end':
    '{file}: la fila {row} está más allá del final del archivo; elige la fila donde están los nombres de las columnas (--header-row N en la CLI)',
  'fileProblem.sheet-header-row-blank':
    '{file}: la fila {row} de la hoja «{sheet}» está en blanco; elige la fila donde están los nombres de las columnas (--header-row N en la CLI)',
  'fileProblem.dates-ambiguous':
    '{file}: las fechas pueden ser día/mes o mes/día (p. ej. 05/03); elige el orden de las fechas (dmy o mdy)',
  'fileProblem.dates-mixed':
    '{file}: las fechas mezclan día/mes y mes/día; corrige el archivo o elige el orden de las fechas (dmy o mdy)',
  'fileProblem.temperatures-ambiguous':
    '{file}: las temperaturas pueden estar en −2…+2 o en 1…5 (el archivo solo tiene unos y doses, o tantos valores que solo caben en una escala como en la otra); elige la escala (signed o five: --temperature-scale en la CLI)',
  'fileProblem.not-utf8':
    '{file}: la línea {line} tiene bytes que no son UTF-8 (byte {byte}): el archivo mezcla codificaciones, o no es el UTF-8 que parece por su inicio; no se importó nada. Elige su codificación (Windows-1252 en la mayoría de las exportaciones antiguas en español): la Codificación del asistente, o --encoding en la CLI',
  'fileProblem.quote-unclosed':
    '{file}, fila {row}: una celda abre unas comillas (") que nunca se cierran, así que el resto del archivo sería una sola celda; ciérralas o quita las comillas',
  'fileProblem.quote-text-after':
    '{file}, fila {row}: una celda entre comillas tiene texto después de cerrarlas ({reason}); pon entre comillas la celda entera, duplicando las comillas de dentro',
  'fileProblem.deal-row': '{file}, fila {row}, columna «{column}»: {problem}; no se importó nada',
  'fileProblem.deal-column-missing':
    '{file}: no hay ninguna columna «{header}» para el campo {field} de la venta; sus columnas son {columns}',
  'fileProblem.deal-columns-not-found':
    '{file}: no se encuentra ninguna columna para los campos {fields} de la venta entre {columns}; ¿es una exportación de ventas de un CRM? Si lo es, nombra sus columnas en un archivo de correspondencias (--mapping)',
  'fileProblem.ads-columns-not-found':
    '{file}: no se encuentra lo gastado ni los días entre {columns}; ¿es un informe de anuncios (Importe gastado, Inicio del informe)?',
  'fileProblem.ads-no-rows': '{file} no tiene filas de gasto',
  'fileProblem.ads-row': '{file}, fila {row}, columna «{column}»: {problem}; no se tomó nada',
  'fileProblem.mapping-field-unmapped': '{file}: ninguna columna está asignada a {field} (columnas: {columns})',
  'fileProblem.file-deals-not-messages':
    '{file} parece una exportación de ventas de un CRM (un id de venta, un importe y una etapa), no menciones: impórtalo como ventas (pulso sales import, o Importar como ventas del CRM en el asistente); para importarlo como menciones de todos modos, indica su columna de texto en un archivo de correspondencias (--mapping) o en Columnas del asistente',
  'fileProblem.text-column-empty':
    '{file}: la columna «{column}», tomada como texto de la mención, está vacía en {empty} de {count} {count|fila leída|filas leídas}: el archivo no parece de menciones (¿una exportación de cuentas o de contactos?), o el texto está en otra columna: indícala en un archivo de correspondencias (--mapping) o en Columnas del asistente; no se importó nada',
  'fileProblem.mapping-column-missing':
    '{file}: la columna «{header}» (para {field}) no está en el archivo (columnas: {columns})',
  'fileProblem.mapping-header-repeated':
    '{file}: el encabezado «{header}» nombra {count} columnas ({letters}); cámbiales el nombre para que cada una sea única',
};

export const IMPORT_PROBLEMS: Record<Language, Record<ImportProblemKey, string>> = {
  en: importProblemsEn,
  es: importProblemsEs,
};
