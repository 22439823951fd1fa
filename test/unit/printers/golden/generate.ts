import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GOLDEN_BYTES, GOLDEN_IMAGES, goldenBytes, goldenImagePng } from './cases';

/** Rewrites the golden files beside this script: `npx tsx test/unit/printers/golden/generate.ts`. */
function main(): void {
  for (const [name, options] of Object.entries(GOLDEN_BYTES)) {
    writeFileSync(join(__dirname, name), goldenBytes(options));
  }
  for (const [name, options] of Object.entries(GOLDEN_IMAGES)) {
    writeFileSync(join(__dirname, name), goldenImagePng(options));
  }
  console.log('golden files written to', __dirname);
}

main();
