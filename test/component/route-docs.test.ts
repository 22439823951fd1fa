import fs from 'node:fs';
import path from 'node:path';
import { CLIENT_EVENTS } from '../../server/src/contract';
import { routeKey, type ApiRoute } from '../../server/src/http/route-table';
import { SOCKET_EVENT_PERMISSIONS } from '../../server/src/realtime/socket-auth';
import { startTestServer, type TestServer } from '../support/test-server';

const readDoc = (name: string) => fs.readFileSync(path.join(__dirname, '../../docs', name), 'utf8');

/** The cells of every row of the first Markdown table after `heading`, header row excluded. */
function tableAfter(doc: string, heading: string): string[][] {
  const start = doc.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`No heading ${heading}`);
  const lines = doc.slice(start).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

/** The text of a cell's first `code` span: `[`/api/state`](#…)` → `/api/state`. */
const codeOf = (cell: string): string => /`([^`]+)`/.exec(cell)?.[1] ?? cell;

describe('the route table and the docs', () => {
  let server: TestServer;
  let routes: readonly ApiRoute[];

  beforeAll(async () => {
    server = await startTestServer();
    routes = server.server.application.routes;
  });

  afterAll(() => server.stop());

  describe('docs/api.md, "Every endpoint"', () => {
    const rows = tableAfter(readDoc('api.md'), '### 1.1 Every endpoint').map(
      ([method = '', pathCell = '', permission = '']) => ({
        // The table shows a route's query after its path: `/api/tickets?list=`.
        key: `${method} ${codeOf(pathCell).split('?')[0]}`,
        permission: codeOf(permission),
      }),
    );

    test('lists exactly the routes of the table, each once', () => {
      const documented = rows.map((row) => row.key);
      expect([...documented].sort()).toEqual(routes.map(routeKey).sort());
    });

    test('names the permission each route declares', () => {
      const documented = new Map(rows.map((row) => [row.key, row.permission]));
      const wrong = routes
        .filter((r) => documented.get(routeKey(r)) !== r.permission)
        .map((r) => `${routeKey(r)}: ${r.permission}, documented ${documented.get(routeKey(r))}`);
      expect(wrong).toEqual([]);
    });
  });

  describe('docs/security.md, "Roles and the permission table"', () => {
    const rows = tableAfter(readDoc('security.md'), '## Roles and the permission table').map(
      (cells) => ({ permission: codeOf(cells[0] ?? ''), usedBy: cells.at(-1) ?? '' }),
    );
    const usedBy = (permission: string) =>
      rows.find((row) => row.permission === permission)?.usedBy;
    /** Every `code` span of a "Used by" cell. */
    const mentions = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');

    test('has a row for every permission a route or socket event declares', () => {
      const declared = [
        ...routes.map((r) => r.permission),
        ...Object.values(SOCKET_EVENT_PERMISSIONS),
      ];
      const missing = declared.filter((permission) => usedBy(permission) === undefined);
      expect([...new Set(missing)]).toEqual([]);
    });

    test('names each route under the permission the route declares', () => {
      const byKey = new Map(routes.map((r) => [routeKey(r), r.permission]));
      const wrong = rows.flatMap(({ permission, usedBy: cell }) =>
        mentions(cell)
          .filter((text) => /^(GET|POST|PATCH|DELETE) \//.test(text))
          .filter((key) => byKey.get(key) !== permission)
          .map((key) => `${key} under ${permission}, declares ${byKey.get(key)}`),
      );
      expect(wrong).toEqual([]);
    });

    test('names each client socket event under the permission it declares', () => {
      const events: string[] = Object.values(CLIENT_EVENTS);
      const wrong = events.filter((event) => {
        const permission = SOCKET_EVENT_PERMISSIONS[event as keyof typeof SOCKET_EVENT_PERMISSIONS];
        return !mentions(usedBy(permission) ?? '').includes(event);
      });
      expect(wrong).toEqual([]);
      for (const { permission, usedBy: cell } of rows) {
        for (const event of mentions(cell).filter((text) => events.includes(text))) {
          expect(`${event}: ${permission}`).toBe(
            `${event}: ${SOCKET_EVENT_PERMISSIONS[event as keyof typeof SOCKET_EVENT_PERMISSIONS]}`,
          );
        }
      }
    });
  });
});
