/**
 * Undoing a merge: the merge's audit entries (seq first_seq..last_seq of its duplicate_merges
 * row) are replayed backwards in ONE new change(): an insert is removed, a delete re-inserted
 * as it was (the absorbed incident with its original rowid), an update set back to its
 * "before". Each step first checks that the row still holds what the merge left; if anything
 * was changed since (the survivor edited, a moved victim edited), the undo refuses and names it,
 * since restoring "exactly" would then silently throw that later work away.
 */
import type { ChannelOutput, ChannelParsedInput } from '../../shared/contract';
import { auditedTables, change, type Row } from '../audit';
import type { CaseFile } from '../casefile';
import { HandlerError } from '../errors';

interface Entry {
  seq: number;
  entity: string;
  entity_id: string;
  action: 'insert' | 'update' | 'delete';
  before_json: string | null;
  after_json: string | null;
}

function keyOf(table: string, entityId: string): Row {
  const cols = auditedTables()[table];
  if (!cols) throw new HandlerError('internal', `The merge wrote ${table}, which the undo cannot restore. Nothing was changed.`);
  if (cols.length === 1) return { [cols[0]!]: entityId };
  const parts = entityId.split(':');
  if (parts.length !== cols.length) throw new HandlerError('internal', `Cannot read the key ${entityId} of ${table}. Nothing was changed.`);
  return Object.fromEntries(cols.map((c, i) => [c, parts[i]]));
}

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

export function undoMerge(cf: CaseFile, input: ChannelParsedInput<'duplicates:undoMerge'>): ChannelOutput<'duplicates:undoMerge'> {
  const merge = cf.db.prepare('SELECT * FROM duplicate_merges WHERE id = ?').get(input.mergeId) as Row | undefined;
  if (!merge) throw new HandlerError('not_found', `No merge with id ${input.mergeId} in this case file (it may have been undone already). Nothing was changed.`);
  if (merge.last_seq === null) throw new HandlerError('internal', 'This merge record is incomplete. Nothing was changed.');
  const entries = cf.db
    .prepare('SELECT seq, entity, entity_id, action, before_json, after_json FROM audit_log WHERE seq BETWEEN ? AND ? ORDER BY seq DESC')
    .all(merge.first_seq, merge.last_seq) as Entry[];
  const expected = (merge.last_seq as number) - (merge.first_seq as number) + 1;
  if (entries.length !== expected) throw new HandlerError('internal', `The audit log lacks entries of this merge (${entries.length} of ${expected}). Nothing was changed.`);
  const codes = `${merge.absorbed_code} from ${merge.survivor_code}`;
  const reason = `Undid the merge of ${merge.absorbed_code} into ${merge.survivor_code}${input.reason ? `: ${input.reason}` : ''}`;
  change(cf, reason, (w) => {
    for (const e of entries) {
      const key = keyOf(e.entity, e.entity_id);
      const current = w.get(e.entity, key);
      const after = e.after_json ? (JSON.parse(e.after_json) as Row) : null;
      const before = e.before_json ? (JSON.parse(e.before_json) as Row) : null;
      const changedSince = (what: string) => {
        const later = cf.db
          .prepare('SELECT seq, actor, reason FROM audit_log WHERE entity_id = ? AND seq > ? ORDER BY seq LIMIT 1')
          .get(e.entity_id, merge.last_seq) as { seq: number; actor: string; reason: string | null } | undefined;
        const by = later ? ` by ${later.actor}${later.reason ? ` (“${later.reason}”)` : ''}, audit entry ${later.seq}` : '';
        return new HandlerError(
          'conflict',
          `Cannot undo the merge (splitting ${codes}): ${what} was changed after the merge${by}. Undo that change first, or split the incidents by hand. Nothing was changed.`,
        );
      };
      const code = e.entity === 'incidents' ? (current?.code ?? before?.code) : null;
      const label = code ? `incident ${String(code)}` : `${e.entity} ${e.entity_id}`;
      if (e.action === 'delete') {
        if (current) throw changedSince(`${label} was re-created`);
        const row = { ...before! };
        if (e.entity === 'incidents' && row.id === merge.absorbed_id) row.rowid = merge.absorbed_rowid;
        w.insert(e.entity, row);
      } else {
        if (!current) throw changedSince(`${label} was deleted`);
        for (const [c, v] of Object.entries(after ?? {})) if (!same(current[c], v)) throw changedSince(`${label} (${c})`);
        if (e.action === 'insert') w.remove(e.entity, key);
        else w.update(e.entity, key, before ?? {});
      }
    }
  });
  return {
    survivorId: merge.survivor_id as string,
    absorbedId: merge.absorbed_id as string,
    absorbedCode: merge.absorbed_code as string,
    restoredEntries: entries.length,
  };
}

export function listMerges(cf: CaseFile, input: ChannelParsedInput<'duplicates:merges'>): ChannelOutput<'duplicates:merges'> {
  const rows = cf.db
    .prepare(
      `SELECT * FROM duplicate_merges WHERE last_seq IS NOT NULL AND (@inc IS NULL OR survivor_id = @inc OR absorbed_id = @inc)
       ORDER BY merged_at DESC, first_seq DESC`,
    )
    .all({ inc: input.incidentId ?? null }) as Row[];
  return {
    rows: rows.map((r) => ({
      id: r.id as string,
      survivorId: r.survivor_id as string,
      survivorCode: r.survivor_code as string,
      absorbedId: r.absorbed_id as string,
      absorbedCode: r.absorbed_code as string,
      mergedAt: r.merged_at as string,
      mergedBy: r.merged_by as string,
      moves: JSON.parse(r.summary_json as string),
    })),
  };
}
