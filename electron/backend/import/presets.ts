import type Database from 'better-sqlite3';
import builtin from '../../../resources/presets/builtin.json';
import { listPresets } from '../../../db/queries/imports';
import type { Preset } from '../../../shared/api/import';
import { mappingSchema } from '../../../shared/domain/import/mapping-schema';
import { ImportError } from './readers';

/** Presets shipped for the public data sets, then the workspace's own (which may override). */
export function allPresets(sqlite: Database.Database): Preset[] {
  const shipped = Object.entries(builtin).map(([name, mapping]) => ({
    name,
    mapping: mappingSchema.parse(mapping),
    builtin: true,
  }));
  const own = listPresets(sqlite).map((row) => ({
    name: row.name,
    mapping: mappingSchema.parse(JSON.parse(row.mapping)),
    builtin: false,
  }));
  const byName = new Map([...shipped, ...own].map((preset) => [preset.name, preset]));
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function findPreset(sqlite: Database.Database, name: string): Preset {
  const presets = allPresets(sqlite);
  const preset = presets.find((p) => p.name === name);
  if (!preset) throw new ImportError(`no preset named "${name}" (presets: ${presets.map((p) => p.name).join(', ')})`);
  return preset;
}
