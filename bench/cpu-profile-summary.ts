import fs from 'node:fs';

/** The parts of a V8 `.cpuprofile` the summary reads. */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The package a `node_modules` URL belongs to (`@scope/name` or `name`). */
function packageOf(url: string): string | null {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  return match ? match[1]! : null;
}

/**
 * The part a frame's self time is charged to: a package, a server file, a part of Node, or
 * V8's own entries. A native frame (no URL: better-sqlite3's `run`, `JSON.stringify`, a
 * hash) is charged by name and, for SQLite, by its caller: a statement run by
 * better-sqlite3's transaction wrapper is the BEGIN / COMMIT (the commit's fsync).
 */
function partOf(node: ProfileNode, parent: ProfileNode | undefined): string {
  const { url, functionName } = node.callFrame;
  if (url === '') {
    if (functionName.startsWith('(')) return functionName;
    const caller = parent?.callFrame.url ?? '';
    if (caller.includes('better-sqlite3/lib/methods/transaction'))
      return 'SQLite BEGIN/COMMIT/SAVEPOINT (native)';
    if (caller.includes('better-sqlite3') || /-repo\.ts|database\.ts/.test(caller))
      return `SQLite statements (native, from ${caller.split('/').pop()})`;
    if (/JSON|stringify|parse/i.test(functionName)) return `JSON (native ${functionName})`;
    return `native ${functionName} (from ${caller.split('/').pop() || '?'})`;
  }
  const pkg = packageOf(url);
  if (pkg) return `pkg ${pkg}`;
  if (url.startsWith('node:')) return `node ${url.slice(5).split('/').slice(0, 2).join('/')}`;
  const local = /\/(server\/src\/.*|bench\/.*|test\/.*)$/.exec(url);
  return local ? local[1]! : url;
}

/** Self time by part and the heaviest functions (self and inclusive), as text. */
export function summariseProfile(file: string, top = 30): string {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, ProfileNode>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parentOf.set(child, node);
  const self = new Map<string, number>();
  const selfFn = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const delta = (profile.timeDeltas[i] ?? 0) / 1000;
    total += delta;
    const node = byId.get(id)!;
    const part = partOf(node, parentOf.get(id));
    self.set(part, (self.get(part) ?? 0) + delta);
    if (part === '(idle)') return;
    busy += delta;
    const fn = `${node.callFrame.functionName || '(anonymous)'} ${part}`;
    selfFn.set(fn, (selfFn.get(fn) ?? 0) + delta);
    const seen = new Set<string>();
    for (let at: ProfileNode | undefined = node; at; at = parentOf.get(at.id)) {
      const { functionName, url, lineNumber } = at.callFrame;
      if (!url.includes('/server/src/')) continue;
      const name = `${functionName || '(anonymous)'} ${url.split('/server/src/')[1]}:${lineNumber + 1}`;
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + delta);
    }
  });
  const table = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(
        ([name, ms]) =>
          `${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / busy).toFixed(1).padStart(5)} %  ${name}`,
      )
      .join('\n');
  return [
    `total ${total.toFixed(0)} ms, busy (not idle) ${busy.toFixed(0)} ms; % of busy`,
    '\nself time by part:',
    table(self),
    '\nself time by function:',
    table(selfFn),
    '\ninclusive time, server functions:',
    table(inclusive),
  ].join('\n');
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: cpu-profile-summary.ts <file.cpuprofile> [top]');
  process.stdout.write(`${summariseProfile(file, Number(process.argv[3] ?? 30))}\n`);
}
