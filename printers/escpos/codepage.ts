import { toAscii } from '../text';

/** Vietnamese single-byte character sets that ESC/POS printers ship. */
export type VietnameseCharset = 'tcvn3' | 'cp1258';

/** TCVN 5712 VN3 ("TCVN-3"): lower-case toned letters and the seven upper-case bases. */
const TCVN3: Record<string, number> = pairs(
  'à b5 ả b6 ã b7 á b8 ạ b9 ă a8 ằ bb ẳ bc ẵ bd ắ be ặ c6 â a9 ầ c7 ẩ c8 ẫ c9 ấ ca ậ cb ' +
    'đ ae è cc ẻ ce ẽ cf é d0 ẹ d1 ê aa ề d2 ể d3 ễ d4 ế d5 ệ d6 ì d7 ỉ d8 ĩ dc í dd ị de ' +
    'ò df ỏ e1 õ e2 ó e3 ọ e4 ô ab ồ e5 ổ e6 ỗ e7 ố e8 ộ e9 ơ ac ờ ea ở eb ỡ ec ớ ed ợ ee ' +
    'ù ef ủ f1 ũ f2 ú f3 ụ f4 ư ad ừ f5 ử f6 ữ f7 ứ f8 ự f9 ỳ fa ỷ fb ỹ fc ý fd ỵ fe ' +
    'Ă a1 Â a2 Ê a3 Ô a4 Ơ a5 Ư a6 Đ a7',
);

/** Windows-1258: precomposed base letters; tones are separate combining bytes. */
const CP1258: Record<string, number> = pairs(
  'À c0 Á c1 Â c2 Ă c3 È c8 É c9 Ê ca Í cd Đ d0 Ó d3 Ô d4 Ơ d5 Ù d9 Ú da Ư dd ' +
    'à e0 á e1 â e2 ă e3 è e8 é e9 ê ea í ed đ f0 ó f3 ô f4 ơ f5 ù f9 ú fa ư fd',
);

/** CP1258 bytes of the five Vietnamese tone marks (combining characters). */
const CP1258_TONES: Record<string, number> = {
  '\u0300': 0xcc,
  '\u0301': 0xec,
  '\u0303': 0xde,
  '\u0309': 0xd2,
  '\u0323': 0xf2,
};

/**
 * Encodes NFC text into a printer's Vietnamese code table. ASCII passes through; in TCVN-3,
 * upper-case toned letters (absent from the table) print in lower case; anything else
 * loses its diacritics rather than becoming "?".
 */
export function encodeVietnamese(text: string, charset: VietnameseCharset): Uint8Array {
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0) ?? 0x3f;
    if (code < 0x80) out.push(code);
    else if (charset === 'tcvn3') out.push(...tcvn3(ch));
    else out.push(...cp1258(ch));
  }
  return Uint8Array.from(out);
}

function tcvn3(ch: string): number[] {
  const direct = TCVN3[ch] ?? TCVN3[ch.toLowerCase()];
  return direct !== undefined ? [direct] : asciiBytes(ch);
}

function cp1258(ch: string): number[] {
  const direct = CP1258[ch];
  if (direct !== undefined) return [direct];
  const decomposed = ch.normalize('NFD');
  const tone = [...decomposed].find((c) => CP1258_TONES[c] !== undefined);
  if (tone === undefined) return asciiBytes(ch);
  const base = decomposed.replace(tone, '').normalize('NFC');
  const baseByte =
    base.length === 1 && base.charCodeAt(0) < 0x80 ? base.charCodeAt(0) : CP1258[base];
  return baseByte === undefined ? asciiBytes(ch) : [baseByte, CP1258_TONES[tone] ?? 0x3f];
}

function asciiBytes(ch: string): number[] {
  return [...toAscii(ch)].map((c) => c.charCodeAt(0));
}

function pairs(spec: string): Record<string, number> {
  const words = spec.split(' ');
  const table: Record<string, number> = {};
  for (let i = 0; i + 1 < words.length; i += 2)
    table[words[i] ?? ''] = parseInt(words[i + 1] ?? '', 16);
  return table;
}
