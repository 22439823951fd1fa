/** The one fontkit call Luot uses (pdfkit's own font parser; the package ships no types). */
declare module 'fontkit' {
  /** Parses a TrueType/OpenType font file. */
  export function create(data: Buffer): object;
}
