import type { Database, Params } from '../../server/src/storage/database';

/** A query a repo ran, with its parameters. */
export interface SeenQuery {
  sql: string;
  params: Params;
}

/**
 * `db` with one of its read methods recorded, for the query-plan tests: hand `db` to a
 * repo, then `last()` is the SQL the repo ran through `method` (it throws when none ran).
 */
export function recordingQueries(
  db: Database,
  method: 'all' | 'get',
): { db: Database; last(): SeenQuery } {
  let seen: SeenQuery | null = null;
  const spy: Database = {
    ...db,
    [method]: <T>(sql: string, params?: Params) => {
      seen = { sql, params: params ?? [] };
      return method === 'all' ? db.all<T>(sql, params) : db.get<T>(sql, params);
    },
  };
  return {
    db: spy,
    last: () => {
      if (!seen) throw new Error(`no query ran through ${method}`);
      return seen;
    },
  };
}
