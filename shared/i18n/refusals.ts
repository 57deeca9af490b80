import type { Language } from '../domain/vocabulary';

/**
 * What the back end says when it refuses a call or a job (shared/api/refusals.ts), apart from the UI's catalogs (en.ts
 * and es.ts include them): the back end writes its English messages with these alone.
 */
export const refusalsEn = {
  'refusal.output.report': 'The report',
  'refusal.output.rejects': 'The rejects file',
  'refusal.output.export': 'The export',
  'refusal.output.chart': 'The chart file',
  'refusal.output.person': "The person's data",
  'refusal.output.cases': 'The cases file',
  'refusal.output-is-workspace': '{what} cannot be the workspace ({file}): choose another file',
  'refusal.output-is-input': '{what} cannot be the file being imported ({file}): choose another file',
  'refusal.output-no-folder': '{what}: no folder {folder}',
  'refusal.output-is-folder': '{what} is a folder ({path}): give a file name',
  'refusal.output-not-regular': '{what} is not a regular file ({path})',
  'refusal.output-extension': '{file}: choose a name ending in {extension}',
  'refusal.output-extensions': '{file}: choose a name ending in {first} or {second}',
  'refusal.file-exists': '{file} already exists: choose it in the dialog to replace it',
  'refusal.report-extension': 'The report {file} must end in {extension} to be written as {format}',
  'refusal.report-read-only':
    'The report {path} is read-only or open in another program: close it or choose another name',
  'refusal.report-not-written':
    'The report cannot be written to {path} ({reason}): the folder may be read-only or the file open in another program',
  'refusal.logo-not-file': 'The logo {name} is not a file',
  'refusal.logo-too-large': 'The logo {name} is larger than 1 MB: choose a smaller image',
  'refusal.logo-not-image': 'The logo {name} is not a PNG or JPEG image',
  'refusal.entity-name-taken': 'Another entity is already named "{name}"',
  'refusal.topic-name-taken': 'Another topic is already named "{name}"',
  'refusal.sla-name-taken': 'There is already an SLA policy named "{name}"',
  'refusal.routing-name-taken': 'There is already a routing rule named "{name}"',
  'refusal.routing-needs-team': 'Round robin and least loaded share cases among a team: give the team (--team)',
  'refusal.case-no-message': 'A case holds at least one message: give its id',
  'refusal.lead-no-message': 'A lead comes from at least one message: give its id',
  'refusal.not-a-time': '"{value}" is not a date or time (2026-07-03T16:30)',
  'refusal.person-no-author': 'Messages with no author are nobody’s: there is no person here',
  'refusal.contact-no-author': 'A message with no author cannot be anyone’s: nobody to identify',
  'refusal.contact-no-account': 'Contact {contact} ({name}) has no account {account}',
  'refusal.contact-only-account': "That is {name}'s only account: there is nothing to split it from",
  'refusal.deals-preset-missing': 'No deals preset "{preset}"; the saved ones are {saved}',
  'refusal.deals-preset-none': 'No deals preset "{preset}"; none is saved yet',
  'refusal.workspace-no-folder': 'No folder {folder} for the workspace {file}',
  'refusal.workspace-unopenable': 'Cannot open workspace {path}: {reason}',
  'refusal.workspace-not-ours': '{path} is a SQLite database but not a Pulso workspace.',
  'refusal.workspace-newer':
    '{path} was written by a newer version of Pulso (schema {version}; this version knows up to {known}). Update Pulso to open it.',
  'refusal.workspace-not-upgradable':
    'Cannot upgrade workspace {path} to this version of Pulso (schema {schema}): {reason}. The workspace is unchanged.',
} as const;

export type RefusalKey = keyof typeof refusalsEn;

/** Sentences that begin with an output's name are turned so that Spanish needs no agreement with it. */
const refusalsEs: Record<RefusalKey, string> = {
  'refusal.output.report': 'El informe',
  'refusal.output.rejects': 'El archivo de rechazados',
  'refusal.output.export': 'La exportación',
  'refusal.output.chart': 'El archivo del gráfico',
  'refusal.output.person': 'Los datos de la persona',
  'refusal.output.cases': 'El archivo de casos',
  'refusal.output-is-workspace': '{what}: {file} es el espacio de trabajo; elige otro archivo',
  'refusal.output-is-input': '{what}: {file} es el archivo que se importa; elige otro archivo',
  'refusal.output-no-folder': '{what}: no existe la carpeta {folder}',
  'refusal.output-is-folder': '{what}: {path} es una carpeta; indica un nombre de archivo',
  'refusal.output-not-regular': '{what}: {path} no es un archivo normal',
  'refusal.output-extension': '{file}: elige un nombre que termine en {extension}',
  'refusal.output-extensions': '{file}: elige un nombre que termine en {first} o {second}',
  'refusal.file-exists': '{file} ya existe: elígelo en el cuadro de diálogo para reemplazarlo',
  'refusal.report-extension': 'El informe {file} debe terminar en {extension} para escribirse como {format}',
  'refusal.report-read-only':
    'El informe {path} es de solo lectura o está abierto en otro programa: ciérralo o elige otro nombre',
  'refusal.report-not-written':
    'No se puede escribir el informe en {path} ({reason}): puede que la carpeta sea de solo lectura o que el archivo esté abierto en otro programa',
  'refusal.logo-not-file': 'El logotipo {name} no es un archivo',
  'refusal.logo-too-large': 'El logotipo {name} ocupa más de 1 MB: elige una imagen más pequeña',
  'refusal.logo-not-image': 'El logotipo {name} no es una imagen PNG ni JPEG',
  'refusal.entity-name-taken': 'Ya hay otra entidad llamada «{name}»',
  'refusal.topic-name-taken': 'Ya hay otro tema llamado «{name}»',
  'refusal.sla-name-taken': 'Ya hay una política de SLA llamada «{name}»',
  'refusal.routing-name-taken': 'Ya hay una regla de enrutamiento llamada «{name}»',
  'refusal.routing-needs-team':
    'Por turnos y a quien menos carga tenga reparten los casos de un equipo: indica el equipo (--team)',
  'refusal.case-no-message': 'Un caso tiene al menos un mensaje: indica su id',
  'refusal.lead-no-message': 'Un lead viene de al menos un mensaje: indica su id',
  'refusal.not-a-time': '«{value}» no es una fecha ni una hora (2026-07-03T16:30)',
  'refusal.person-no-author': 'Un mensaje sin autor no es de nadie: aquí no hay ninguna persona',
  'refusal.contact-no-author': 'Un mensaje sin autor no puede ser de nadie: no hay a quién identificar',
  'refusal.contact-no-account': 'El contacto {contact} ({name}) no tiene la cuenta {account}',
  'refusal.contact-only-account': 'Es la única cuenta de {name}: no hay de qué separarla',
  'refusal.deals-preset-missing': 'No hay ninguna plantilla de ventas «{preset}»; las guardadas son {saved}',
  'refusal.deals-preset-none': 'No hay ninguna plantilla de ventas «{preset}»; aún no se ha guardado ninguna',
  'refusal.workspace-no-folder': 'No existe la carpeta {folder} para el espacio de trabajo {file}',
  'refusal.workspace-unopenable': 'No se puede abrir el espacio de trabajo {path}: {reason}',
  'refusal.workspace-not-ours': '{path} es una base de datos SQLite, pero no un espacio de trabajo de Pulso.',
  'refusal.workspace-newer':
    '{path} lo escribió una versión más reciente de Pulso (esquema {version}; esta versión conoce hasta el {known}). Actualiza Pulso para abrirlo.',
  'refusal.workspace-not-upgradable':
    'No se puede actualizar el espacio de trabajo {path} a esta versión de Pulso (esquema {schema}): {reason}. El espacio de trabajo no ha cambiado.',
};

export const REFUSALS: Record<Language, Record<RefusalKey, string>> = { en: refusalsEn, es: refusalsEs };
