/**
 * The typed client: every call the renderer makes to the case file goes through `invoke`,
 * whose input and output types come from the one contract in shared/contract.ts.
 */
import type { CasefileBridge, Channel, ChannelInput, ChannelOutput, ContractError } from '../../shared/contract';

/** A contract call that came back `{ ok: false }`: carries the ContractError as it arrived. */
export class ContractCallError extends Error {
  constructor(
    readonly channel: Channel,
    readonly error: ContractError,
  ) {
    super(error.message);
    this.name = 'ContractCallError';
  }

  get code(): ContractError['code'] {
    return this.error.code;
  }
}

function bridgeFor(channel: Channel): CasefileBridge {
  const found = (window as Window & { casefile?: CasefileBridge }).casefile;
  if (!found) {
    throw new ContractCallError(channel, {
      code: 'refused',
      message: 'This page has no connection to a case file. Open it from the Casefile app or from `casefile serve`.',
    });
  }
  return found;
}

export async function invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await bridgeFor(channel).invoke(channel, input);
  if (!result.ok) throw new ContractCallError(channel, result.error);
  return result.value;
}

/** Any thrown value as a ContractError, so the UI has one shape of error to show. */
export function toContractError(e: unknown): ContractError {
  if (e instanceof ContractCallError) return e.error;
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}
