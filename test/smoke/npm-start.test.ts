import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDataDir } from '../support/test-server';

const ROOT = path.resolve(__dirname, '../..');

/** Runs the compiled server as `npm start` does and waits for its banner. */
function startCompiled(dataDir: string): Promise<{ stop: () => void; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/server/src/main.js')], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        LUOT_DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no banner: ${out}`)), 20_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('password:')) {
        clearTimeout(timer);
        resolve({ stop: () => child.kill('SIGTERM'), output: () => out });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

describe('the compiled server, as npm start runs it', () => {
  test('serves the API and the built screens, and prints the generated admin password once', async () => {
    execFileSync('npm', ['run', 'build:server'], { cwd: ROOT, stdio: 'ignore' });
    expect(fs.existsSync(path.join(ROOT, 'dist/ui/kiosk-ui/index.html'))).toBe(true);
    const dataDir = tempDataDir();
    const server = await startCompiled(dataDir);
    try {
      const url = /Kiosk lấy số\s+(http:\/\/\S+)\/kiosk/.exec(server.output())?.[1];
      expect(url).toBeDefined();
      expect(server.output()).toMatch(/username: admin\s+password: \S{16}/);
      for (const page of ['/', '/kiosk', '/display', '/counter', '/t/Zk3vQ9_xYw-2mB7cLp0aRg']) {
        const response = await fetch(`${url}${page}`);
        expect({ page, status: response.status }).toEqual({ page, status: 200 });
      }
      const health = await fetch(`${url}/api/health`);
      expect(await health.json()).toMatchObject({ status: 'ok' });
      expect(fs.existsSync(path.join(dataDir, 'luot.db'))).toBe(true);
    } finally {
      server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
