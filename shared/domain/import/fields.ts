import { foldText } from '../matching';

/** The fields a column can be mapped to, with header names that suggest them (es, en). */
export const FIELDS = {
  externalId: [
    'id',
    'id str',
    'tweet_id',
    'tweet id',
    'message id',
    'post id',
    'id mensaje',
    'identificador',
    'external id',
    // Brandwatch's and Meltwater's exports.
    'resource id',
    'mention id',
    'document id',
  ],
  text: [
    'text',
    'full text',
    'texto',
    'mensaje',
    'message',
    'tweet',
    'tweet text',
    'contenido',
    'content',
    'comentario',
    'comment',
    'post',
    'body',
    'mencion',
    'mención',
    // Meltwater's: the sentence that matched (a social post's whole text), beside a news item's headline and opening.
    'hit sentence',
  ],
  postedAt: [
    'fecha',
    'posted',
    'date',
    'time',
    'hora',
    'fecha y hora',
    'created_at',
    'created at',
    'tweet_created',
    'posted at',
    'publicado',
    'fecha publicacion',
    'fecha de publicacion',
    'timestamp',
    'datetime',
    'created time',
    'create time',
    'published at',
    'publish time',
  ],
  authorHandle: [
    'user screen name',
    'account username',
    'usuario',
    'user',
    'username',
    'user name',
    'handle',
    'screen_name',
    'screen name',
    'cuenta',
    'account',
    'autor',
    'author',
    'author handle',
    'twitter screen name',
    'name',
    // Meltwater's: a social post's @handle, a news item's byline.
    'influencer',
  ],
  authorName: ['nombre', 'author name', 'nombre autor', 'full name', 'display name'],
  source: [
    'red social',
    'red',
    'fuente',
    'source',
    'network',
    'canal',
    'channel',
    'plataforma',
    'platform',
    'medio',
    // Brandwatch's network or kind of site (twitter, news, forum…); others' kind of source.
    'page type',
    'content source',
    'source type',
    'media type',
  ],
  url: ['url', 'link', 'enlace', 'permalink', 'tweet permalink'],
  likes: ['likes', 'me gusta', 'favoritos', 'favorites', 'favorite count', 'likes count', 'reacciones', 'reactions'],
  shares: ['shares', 'compartidos', 'retweets', 'retweet_count', 'rts', 'veces compartido'],
  replies: ['replies', 'respuestas', 'comentarios count', 'reply count', 'replies count'],
  followers: ['followers', 'seguidores', 'followers count', 'fans'],
  language: ['language', 'idioma', 'lang', 'lengua'],
  replyTo: [
    'reply to',
    'in reply to status id str',
    'in reply to status id',
    'in_response_to_tweet_id',
    'en respuesta a',
    'respuesta a',
    'parent id',
    'in reply to',
  ],
  temperature: [
    'temperatura',
    'temperature',
    'sentimiento',
    'sentiment',
    'airline_sentiment',
    'tono',
    'tone',
    'polaridad',
    'polarity',
    'valoracion',
    'valoración',
  ],
  kind: ['tipo', 'kind', 'type', 'categoria', 'categoría', 'category', 'clase', 'class', 'tipo mencion'],
  annotator: ['etiquetador', 'annotator', 'anotador', 'labeled by', 'etiquetado por', 'analista', 'analyst'],
  caseType: ['tipo caso', 'case type', 'tipo de caso', 'tipo tramite', 'motivo'],
  caseStatus: ['estado', 'status', 'case status', 'estado caso'],
  caseOpenedAt: ['abierto', 'opened', 'opened at', 'fecha apertura', 'apertura'],
  caseFirstResponseAt: ['primera respuesta', 'first response', 'first response at', 'respondido'],
  caseResolvedAt: ['resuelto', 'resolved', 'resolved at', 'fecha resolucion', 'cierre'],
  department: ['departamento', 'department', 'area', 'área', 'equipo', 'team'],
  entity: [
    'marca',
    'brand',
    'entidad',
    'entity',
    'airline',
    'aerolinea',
    'aerolínea',
    'empresa',
    'company',
    'competidor',
    'competitor',
  ],
  topic: ['tema', 'topic', 'asunto', 'subject', 'tematica', 'temática'],
  region: [
    'region',
    'región',
    'provincia',
    'comunidad',
    'location',
    'ubicacion',
    'ubicación',
    'tweet_location',
    'user_location',
    'pais',
    'país',
    'country',
  ],
  ageBand: ['edad', 'age', 'age band', 'rango de edad', 'franja de edad'],
  sex: ['sexo', 'sex', 'gender', 'genero', 'género'],
} as const;

export type Field = keyof typeof FIELDS;
export const FIELD_NAMES = Object.keys(FIELDS) as Field[];
export const REQUIRED_FIELDS: readonly Field[] = ['text', 'postedAt'];
export const DATE_FIELDS: readonly Field[] = ['postedAt', 'caseOpenedAt', 'caseFirstResponseAt', 'caseResolvedAt'];
export const COUNT_FIELDS: readonly Field[] = ['likes', 'shares', 'replies', 'followers'];

/** A header folded for comparison: no accents, no case, separators (and camelCase's humps: "publishedAt") as spaces. */
export function foldHeader(header: string): string {
  return foldText(header.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2'))
    .replace(/[_\-.:/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const SYNONYMS = new Map<string, { field: Field; rank: number }>();
for (const field of FIELD_NAMES)
  FIELDS[field].forEach((name, rank) => {
    if (!SYNONYMS.has(foldHeader(name))) SYNONYMS.set(foldHeader(name), { field, rank });
  });

/** The field a header names, if any. */
export function fieldForHeader(header: string): Field | undefined {
  return SYNONYMS.get(foldHeader(header))?.field;
}

/**
 * How closely a header names its field: the place of its name in the field's list, the most specific first (a
 * network's `user.screen_name` is the handle before `user.name` is).
 */
export function headerRank(header: string): number {
  return SYNONYMS.get(foldHeader(header))?.rank ?? Infinity;
}
