import type { z } from 'zod';
import type { CentreConfigInput } from '../../contract/config-schemas';
import type { ImportIssue } from './catalogue-apply';

/** Most problems one refusal lists: enough to fix a file, not a flood. */
export const MAX_LISTED_PROBLEMS = 100;

/** A schema's complaints as import problems, each at its path (`services.3.prefix`). */
export function zodIssues(error: z.ZodError): ImportIssue[] {
  return error.issues.slice(0, MAX_LISTED_PROBLEMS).map((issue) => ({
    row: null,
    column: issue.path.map(String).join('.') || '(document)',
    code: issue.code === 'invalid_type' && issue.input === undefined ? 'required' : 'invalid',
    detail: issue.message,
  }));
}

/**
 * How a document's entries refer to each other: group refs, service codes and counter
 * numbers are unique; a group's parent is a field listed in it; a service's group is
 * listed; a counter's tiers name listed services, each once.
 */
export function checkReferences(config: CentreConfigInput): ImportIssue[] {
  const problems: ImportIssue[] = [];
  const at = (column: string, code: ImportIssue['code'], detail?: string) =>
    problems.push({ row: null, column, code, ...(detail !== undefined && { detail }) });

  const groups = new Map<string, { parent: string | null }>();
  config.serviceGroups.forEach((g, index) => {
    if (groups.has(g.ref)) at(`serviceGroups.${index}.ref`, 'duplicate', g.ref);
    groups.set(g.ref, g);
  });
  const names = new Set<string>();
  config.serviceGroups.forEach((g, index) => {
    const key = `${g.parent ?? ''}\u0000${g.name}`;
    if (names.has(key)) at(`serviceGroups.${index}.name`, 'duplicate', g.name);
    names.add(key);
    if (g.parent === null) return;
    const parent = groups.get(g.parent);
    if (!parent || parent.parent !== null || g.parent === g.ref) {
      at(
        `serviceGroups.${index}.parent`,
        'invalid',
        'a procedure group sits inside a listed field',
      );
    }
  });

  const codes = new Set<string>();
  config.services.forEach((s, index) => {
    if (codes.has(s.code)) at(`services.${index}.code`, 'duplicate', s.code);
    codes.add(s.code);
    if (s.group !== null && !groups.has(s.group)) at(`services.${index}.group`, 'invalid', s.group);
  });

  const numbers = new Set<number>();
  config.counters.forEach((c, index) => {
    if (numbers.has(c.number)) at(`counters.${index}.number`, 'duplicate', String(c.number));
    numbers.add(c.number);
    const listed = c.tiers.flat();
    if (new Set(listed).size !== listed.length) at(`counters.${index}.tiers`, 'duplicate');
    for (const code of listed) {
      if (!codes.has(code)) at(`counters.${index}.tiers`, 'unknown_service', code);
    }
  });
  return problems.slice(0, MAX_LISTED_PROBLEMS);
}
