/** Reading the audit log through the contract: `audit:list` is `audit:search` without its filters. */
import type { ChannelOutput, ChannelParsedInput } from '../shared/contract';
import { searchAudit } from './auditSearch';
import type { CaseFile } from './casefile';

export function listAudit(cf: CaseFile, input: ChannelParsedInput<'audit:list'>): ChannelOutput<'audit:list'> {
  const found = searchAudit(cf, { entityId: input.entityId, offset: input.offset, limit: input.limit });
  return {
    total: found.total,
    entries: found.entries.map(({ signerId: _signerId, signerName: _signerName, ...entry }) => entry),
  };
}
