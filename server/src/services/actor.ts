import { can } from '../auth/permissions';
import type { Role } from '../contract/entities';
import { DomainError } from '../domain/errors';
import type { CounterRecord } from '../storage/counter-repo';

/** Who is acting: a signed-in staff member. */
export interface Actor {
  staffId: number;
  role: Role;
}

/** A clerk operates only the counter they have taken; supervisors and admins any. */
export function assertMayOperate(actor: Actor, counter: CounterRecord): void {
  if (mayManageFloor(actor)) return;
  if (counter.staffId !== actor.staffId) {
    throw new DomainError('not_your_counter', `Counter ${counter.number} is not yours`);
  }
}

/** True when the actor may release a counter someone else holds. */
export function mayManageFloor(actor: Actor): boolean {
  return can(actor.role, 'counter:manage-floor');
}
