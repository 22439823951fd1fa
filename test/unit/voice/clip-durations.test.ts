import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { VOICE_CLIPS } from '../../../server/src/contract/voice';

/**
 * Every committed default clip must be long enough to hear and the short ones (a digit,
 * a letter, a counter) short enough to keep a call brisk. The duration is read from the
 * Ogg Opus file itself: the last page's granule position (48 kHz samples) minus the
 * pre-skip of the OpusHead packet; no external tool.
 */

const VOICE_DIR = join(__dirname, '../../../display-ui/voice');
const REGIONS = ['north', 'central', 'south'] as const;

/** Shorter than this a word is a click, not a word (espeak's "ích" was 53 ms). */
const MIN_SECONDS = 0.15;
/** A digit, letter name or counter longer than this drags the call out. */
const MAX_WORD_SECONDS = 1.5;
/** Phrases are sentences; this only catches a runaway file. */
const MAX_PHRASE_SECONDS = 5;

/** The playable length of an Ogg Opus file in seconds. */
export function oggOpusSeconds(file: Buffer): number {
  let offset = 0;
  let lastGranule: bigint | null = null;
  let preSkip: number | null = null;
  while (offset < file.length) {
    if (file.toString('latin1', offset, offset + 4) !== 'OggS') {
      throw new Error(`no Ogg page at byte ${offset}`);
    }
    const granule = file.readBigInt64LE(offset + 6);
    const segments = file.readUInt8(offset + 26);
    let bodyLength = 0;
    for (let i = 0; i < segments; i += 1) bodyLength += file.readUInt8(offset + 27 + i);
    const body = offset + 27 + segments;
    if (preSkip === null) {
      if (file.toString('latin1', body, body + 8) !== 'OpusHead') {
        throw new Error('the first packet is not OpusHead');
      }
      preSkip = file.readUInt16LE(body + 10);
    }
    if (granule >= 0n) lastGranule = granule;
    offset = body + bodyLength;
  }
  if (preSkip === null || lastGranule === null) throw new Error('no audio pages');
  return (Number(lastGranule) - preSkip) / 48_000;
}

describe('oggOpusSeconds', () => {
  it('reads a hand-made file: pre-skip 312, last granule 48 312 → 1 s', () => {
    const page = (granule: bigint, body: Buffer) => {
      const header = Buffer.alloc(28);
      header.write('OggS', 0, 'latin1');
      header.writeBigInt64LE(granule, 6);
      header.writeUInt8(1, 26);
      header.writeUInt8(body.length, 27);
      return Buffer.concat([header, body]);
    };
    const head = Buffer.alloc(19);
    head.write('OpusHead', 0, 'latin1');
    head.writeUInt16LE(312, 10);
    const file = Buffer.concat([
      page(0n, head),
      page(0n, Buffer.from('OpusTags')),
      page(24_312n, Buffer.alloc(10)),
      page(48_312n, Buffer.alloc(10)),
    ]);
    expect(oggOpusSeconds(file)).toBe(1);
    expect(() => oggOpusSeconds(Buffer.from('RIFF....'))).toThrow(/no Ogg page/);
  });
});

describe.each(REGIONS)('the committed %s clips', (region) => {
  const dir = join(VOICE_DIR, region);

  it('are exactly the clip list, no more, no fewer', () => {
    const files = readdirSync(dir).filter((name) => name.endsWith('.ogg'));
    expect(files.sort()).toEqual(VOICE_CLIPS.map((clip) => `${clip.id}.ogg`).sort());
  });

  const clips = VOICE_CLIPS.map((clip) => [clip.id, clip.text] as const);
  it.each(clips)('%s ("%s") lasts long enough to hear and not too long', (id) => {
    const seconds = oggOpusSeconds(readFileSync(join(dir, `${id}.ogg`)));
    expect(seconds).toBeGreaterThanOrEqual(MIN_SECONDS);
    const max = id.startsWith('phrase-') ? MAX_PHRASE_SECONDS : MAX_WORD_SECONDS;
    expect(seconds).toBeLessThanOrEqual(max);
  });
});
