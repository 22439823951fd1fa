import type {
  Counter,
  PublicCounter,
  PublicTicket,
  StaffOnlyTicketField,
  Ticket,
  TrackedTicket,
} from '../../../server/src/contract';
import { PUBLIC_TICKET_KEYS } from '../../support/public-ticket';

/** `true` when A and B are the same type (not merely assignable either way). */
type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** The keys whose types differ between two object types. */
type DifferingKeys<A, B> = {
  [K in keyof A & keyof B]: Equal<A[K], B[K]> extends true ? never : K;
}[keyof A & keyof B];

/** Compiles only when `T` is `true`: `tsc` checks these, Jest only sees them run. */
function assertType<T extends true>(..._proof: T extends true ? [] : [never]): void {}

describe('public and staff ticket types', () => {
  test('a staff ticket has exactly the public keys, differing only in the staff-only fields', () => {
    // A field added to `Ticket` alone, or made staff-only without saying so, fails `tsc` here.
    assertType<Equal<keyof Ticket, keyof PublicTicket>>();
    assertType<Equal<DifferingKeys<Ticket, PublicTicket>, StaffOnlyTicketField>>();
    assertType<Equal<PublicTicket[StaffOnlyTicketField], null>>();
    assertType<Equal<DifferingKeys<TrackedTicket, PublicTicket>, 'closeReason'>>();
    assertType<Equal<keyof TrackedTicket, keyof PublicTicket>>();
  });

  test('a staff counter differs from the public one only in its current ticket', () => {
    assertType<Equal<keyof Counter, keyof PublicCounter>>();
    assertType<Equal<DifferingKeys<Counter, PublicCounter>, 'currentTicket'>>();
  });

  test('the runtime list of public ticket keys names every key once', () => {
    // The list is a `Record<keyof PublicTicket, true>`: tsc rejects a missing or extra key.
    expect(new Set(PUBLIC_TICKET_KEYS).size).toBe(PUBLIC_TICKET_KEYS.length);
    expect(PUBLIC_TICKET_KEYS).toEqual(expect.arrayContaining(['note', 'closeReason']));
  });
});
