/** Errors a handler throws on purpose; transports turn them into the contract's error shape. */
import type { ErrorCode, FieldIssue } from '../shared/contract';

export class HandlerError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'HandlerError';
  }
}
