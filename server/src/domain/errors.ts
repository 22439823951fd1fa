import type { ErrorCode } from '../contract/errors';

/** A refusal the domain or a use case can explain with a stable code. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = code,
    /** More the client needs beside the code (an import's failing rows), sent with it. */
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
