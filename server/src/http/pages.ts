import express, { Router } from 'express';
import fs from 'node:fs';
import path from 'node:path';
import { translate } from '../contract/i18n';

/** The folder holding package.json, from the source tree or from the compiled one in dist/. */
function projectRoot(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

/** Where `npm run build:ui` puts the UIs. */
export const DEFAULT_UI_DIR = path.join(projectRoot(__dirname), 'dist', 'ui');

/** The UI apps and the path each is served at. */
export const UI_APPS = [
  { path: '/kiosk', folder: 'kiosk-ui', title: 'Kiosk lấy số', subtitle: 'Kiosk' },
  { path: '/display', folder: 'display-ui', title: 'Màn hình gọi số', subtitle: 'Hall display' },
  { path: '/counter', folder: 'counter-ui', title: 'Quầy phục vụ', subtitle: 'Counter' },
  { path: '/admin', folder: 'admin-ui', title: 'Quản trị', subtitle: 'Administration' },
] as const;

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function homePage(centreName: string): string {
  const links = UI_APPS.map(
    (app) =>
      `<li><a href="${app.path}">${escapeHtml(app.title)}</a> <small>${escapeHtml(app.subtitle)}</small></li>`,
  ).join('');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(translate('vi', 'app.name'))}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1f2937}
h1{color:#b91c1c}li{margin:.8rem 0;font-size:1.4rem}a{color:#1d4ed8}small{color:#6b7280;margin-left:.5rem}</style>
</head><body><h1>${escapeHtml(centreName)}</h1><p>${escapeHtml(translate('vi', 'app.name'))}</p>
<ul>${links}</ul></body></html>`;
}

/** Serves the built UIs at their paths, their assets, and a home page linking them. */
export function pageRoutes(centreName: () => string, uiDir: string = DEFAULT_UI_DIR): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    res.type('html').send(homePage(centreName()));
  });
  router.use(
    '/assets',
    express.static(path.join(uiDir, 'assets'), { immutable: true, maxAge: '1y' }),
  );
  const serve = (routePath: string | string[], file: string) =>
    router.get(routePath, (_req, res) => {
      if (!fs.existsSync(file)) {
        res.status(503).type('text').send(`UI not built: run "npm run build:ui" (${file})`);
        return;
      }
      res.sendFile(file, { headers: { 'Cache-Control': 'no-cache' } });
    });
  // The screen above one counter; before `/display/*rest`, which would serve the hall display.
  serve(
    ['/display/counter/:id', '/display/counter/:id/*rest'],
    path.join(uiDir, 'display-ui', 'counter-screen.html'),
  );
  for (const app of UI_APPS) {
    serve([app.path, `${app.path}/*rest`], path.join(uiDir, app.folder, 'index.html'));
  }
  // What the QR code on a ticket opens on the visitor's phone.
  serve('/t/:token', path.join(uiDir, 'display-ui', 'track.html'));
  return router;
}
