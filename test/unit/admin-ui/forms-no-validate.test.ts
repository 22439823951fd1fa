import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../admin-ui/src');

/** Every .tsx file of the admin app, but the reports page (its filters are its own). */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'reports' ? [] : sources(full);
    return entry.name.endsWith('.tsx') ? [full] : [];
  });
}

describe('admin app forms', () => {
  test('every <form> turns the browser’s own checks off, so the page shows Vietnamese messages', () => {
    const forms = sources(ROOT).flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/<form\b[^>]*>/g)].map((m) => ({
        file: path.relative(ROOT, file),
        noValidate: /\bnoValidate\b/.test(m[0]),
      })),
    );
    expect(forms.length).toBeGreaterThanOrEqual(10);
    expect(forms.filter((f) => !f.noValidate)).toEqual([]);
  });
});
