/**
 * Prints the default clip set as `id<TAB>text` lines, from contract/voice.ts, so that
 * make-clips.sh records exactly the clips the display plays. Run: npx tsx scripts/voice/list-clips.ts
 * With `--markdown` it prints the table docs/voice.md carries instead.
 */
import { VOICE_CLIPS } from '../../server/src/contract/voice';

if (process.argv.includes('--markdown')) {
  process.stdout.write('| Clip id | Text |\n| --- | --- |\n');
  for (const clip of VOICE_CLIPS) process.stdout.write(`| \`${clip.id}\` | ${clip.text} |\n`);
} else {
  for (const clip of VOICE_CLIPS) process.stdout.write(`${clip.id}\t${clip.text}\n`);
}
