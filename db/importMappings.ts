/**
 * Saved column mappings of spreadsheet imports, kept in the case file (a `meta` row each, keyed
 * `import_mapping:<name>`), written through change() like every other change, so saving or
 * replacing one shows in the audit log.
 */
import type { ChannelOutput, ChannelParsedInput } from '../shared/contract';
import { savedMappingSchema, type SavedMapping } from '../shared/contracts/importJobs';
import { change } from './audit';
import type { CaseFile } from './casefile';

const PREFIX = 'import_mapping:';

export function listMappings(cf: CaseFile): ChannelOutput<'importMappings:list'> {
  const rows = cf.db.prepare("SELECT key, value FROM meta WHERE key LIKE 'import\\_mapping:%' ESCAPE '\\' ORDER BY key").all() as { key: string; value: string }[];
  const mappings: SavedMapping[] = [];
  for (const r of rows) {
    try {
      const parsed = savedMappingSchema.safeParse({ name: r.key.slice(PREFIX.length), ...(JSON.parse(r.value) as object) });
      if (parsed.success) mappings.push(parsed.data);
    } catch {
      // A row this version cannot read is left alone, not shown.
    }
  }
  return { mappings };
}

export function saveMapping(cf: CaseFile, input: ChannelParsedInput<'importMappings:save'>): SavedMapping {
  const key = PREFIX + input.name;
  const saved: SavedMapping = { name: input.name, mapping: input.mapping, savedAt: cf.now(), savedBy: cf.profile?.name ?? cf.actor };
  const value = JSON.stringify({ mapping: saved.mapping, savedAt: saved.savedAt, savedBy: saved.savedBy });
  change(cf, `Column mapping "${input.name}" saved`, (w) => {
    if (w.get('meta', { key })) w.update('meta', { key }, { value });
    else w.insert('meta', { key, value });
  });
  return saved;
}

export function deleteMapping(cf: CaseFile, input: { name: string }): { deleted: boolean } {
  const key = PREFIX + input.name;
  return change(cf, `Column mapping "${input.name}" deleted`, (w) => ({ deleted: w.remove('meta', { key }) }));
}
