import { existsSync, readFileSync } from 'node:fs';
import { GlobalFonts } from '@napi-rs/canvas';
import * as fontkit from 'fontkit';
import { PrinterError } from '../errors';

/** The TTF files every renderer draws with: one family, regular and bold. */
export interface FontFiles {
  regular: string;
  bold: string;
}

/** The family name the raster renderer registers the fonts under. */
export const FONT_FAMILY = 'Luot Sans';

/** Glyphs the fonts must have; DejaVu Sans Mono, for one, lacks some of these. */
const REQUIRED_GLYPHS =
  'ĐđĂăÂâÊêÔôƠơƯưẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ';

/** DejaVu Sans from the `dejavu-fonts-ttf` npm package (open licence, full Vietnamese). */
export function defaultFontFiles(): FontFiles {
  const resolve = (file: string): string => {
    try {
      return require.resolve(`dejavu-fonts-ttf/ttf/${file}`);
    } catch (err) {
      throw new PrinterError('font_missing', `font ${file} not found: run npm ci`, { cause: err });
    }
  };
  return { regular: resolve('DejaVuSans.ttf'), bold: resolve('DejaVuSans-Bold.ttf') };
}

/** The loaded fonts: file bytes kept for the PDF renderer, family registered for the canvas. */
export interface LoadedFonts {
  files: FontFiles;
  regular: Buffer;
  bold: Buffer;
}

let loaded: LoadedFonts | null = null;

/**
 * Reads and registers the fonts once; a missing or unreadable file, or one that lacks
 * Vietnamese letters, throws `font_missing` instead of printing empty boxes later.
 */
export function loadFonts(files: FontFiles = defaultFontFiles()): LoadedFonts {
  if (loaded && loaded.files.regular === files.regular && loaded.files.bold === files.bold) {
    return loaded;
  }
  const read = (path: string): Buffer => {
    if (!existsSync(path)) throw new PrinterError('font_missing', `font file missing: ${path}`);
    const bytes = readFileSync(path);
    if (!coversVietnamese(bytes)) {
      throw new PrinterError('font_missing', `font lacks Vietnamese letters: ${path}`);
    }
    return bytes;
  };
  const regular = read(files.regular);
  const bold = read(files.bold);
  if (!GlobalFonts.register(regular, FONT_FAMILY) || !GlobalFonts.register(bold, FONT_FAMILY)) {
    throw new PrinterError('font_missing', `font could not be registered: ${files.regular}`);
  }
  loaded = { files, regular, bold };
  return loaded;
}

/** True when the TrueType `cmap` of `ttf` maps every letter of REQUIRED_GLYPHS. */
export function coversVietnamese(ttf: Buffer): boolean {
  const codepoints = cmapCodepoints(ttf);
  if (!codepoints) return false;
  return [...REQUIRED_GLYPHS].every((ch) => codepoints.has(ch.codePointAt(0) ?? 0));
}

function cmapCodepoints(ttf: Buffer): Set<number> | null {
  if (ttf.length < 12) return null;
  const numTables = ttf.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    if (rec + 16 > ttf.length) return null;
    if (ttf.toString('latin1', rec, rec + 4) === 'cmap') cmap = ttf.readUInt32BE(rec + 8);
  }
  if (cmap < 0) return null;
  const subtables = ttf.readUInt16BE(cmap + 2);
  for (let i = 0; i < subtables; i++) {
    const rec = cmap + 4 + i * 8;
    const platform = ttf.readUInt16BE(rec);
    const encoding = ttf.readUInt16BE(rec + 2);
    const at = cmap + ttf.readUInt32BE(rec + 4);
    if (platform === 3 && encoding === 1 && ttf.readUInt16BE(at) === 4) return format4(ttf, at);
  }
  return null;
}

function format4(ttf: Buffer, at: number): Set<number> {
  const segments = ttf.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const offsets = deltas + segments * 2;
  const out = new Set<number>();
  for (let s = 0; s < segments; s++) {
    const end = ttf.readUInt16BE(ends + s * 2);
    const start = ttf.readUInt16BE(starts + s * 2);
    const delta = ttf.readInt16BE(deltas + s * 2);
    const rangeOffset = ttf.readUInt16BE(offsets + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const g = ttf.readUInt16BE(offsets + s * 2 + rangeOffset + (c - start) * 2);
        glyph = g === 0 ? 0 : (g + delta) & 0xffff;
      }
      if (glyph !== 0) out.add(c);
    }
  }
  return out;
}

/** The part of a fontkit font the PDF renderers use (the package ships no types). */
export interface PdfFont {
  characterSet: number[];
  glyphForCodePoint(codePoint: number): unknown;
}

/**
 * A TTF parsed by fontkit for pdfkit, each character looked up once, for the ticket and
 * report PDFs, which keep it for the life of the process. fontkit keeps one glyph per id
 * with the code points of the lookup that made it, and pdfkit writes those into the PDF's
 * ToUnicode map; but a subset looks a composite's parts up with no code points. DejaVu
 * draws ộ from ọ and ệ from ẹ (ờ from ơ, Ậ from Â …), so after one PDF with ộ and no ọ,
 * every later PDF of the process extracted ọ as nothing. Compatibility characters (the ﬁ
 * ligature) are not looked up, so ligature glyphs keep the letters they stand for.
 */
export function parsePdfFont(bytes: Buffer): PdfFont {
  const font = fontkit.create(bytes) as PdfFont;
  for (const codePoint of font.characterSet) {
    const char = String.fromCodePoint(codePoint);
    if (char.normalize('NFKC') === char) font.glyphForCodePoint(codePoint);
  }
  return font;
}
