import fs from 'node:fs';
import path from 'node:path';
import { missingNodeFlags, SERVER_NODE_FLAGS } from '../../server/src/node-flags';

const ROOT = path.join(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/**
 * The server's Node flags (server/src/node-flags.ts) reach every way it is started: a
 * flag missing from `npm start` or the documented systemd unit would go unnoticed until
 * a centre's kiosks felt the pauses.
 */
describe('the server’s Node flags', () => {
  test('npm start gives each of them to node, before the program', () => {
    const start = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts
      .start!;
    const words = start.split(/\s+/);
    const program = words.indexOf('dist/server/src/main.js');
    expect(words[0]).toBe('node');
    for (const flag of SERVER_NODE_FLAGS) {
      expect(words.indexOf(flag)).toBeGreaterThan(0);
      expect(words.indexOf(flag)).toBeLessThan(program);
    }
  });

  test('the systemd unit in docs/operations.md gives each of them', () => {
    const execStart = read('docs/operations.md')
      .split('\n')
      .find((line) => line.trim().startsWith('ExecStart='));
    for (const flag of SERVER_NODE_FLAGS) expect(execStart).toContain(` ${flag} `);
  });

  test('names what a process was started without', () => {
    expect(missingNodeFlags(['--no-memory-reducer'])).toEqual([]);
    expect(missingNodeFlags([])).toEqual(['--no-memory-reducer']);
  });
});
