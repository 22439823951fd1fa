import type { ErrorCode } from '../contract/errors';

/** A refusal the domain or a use case can explain with a stable code. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = code,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
