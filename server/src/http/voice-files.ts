import { Router } from 'express';
import fs from 'node:fs';
import path from 'node:path';
import { VOICE_REGIONS, type VoiceRegion } from '../contract/settings';
import { CUSTOM_CLIP_ID } from '../contract/voice';
import { languageOf, sendError } from './errors';
import { DEFAULT_UI_DIR } from './pages';

/** Where the committed default clips live: display-ui/voice/<region>/<clip-id>.ogg. */
export const DEFAULT_VOICE_DIR = path.resolve(DEFAULT_UI_DIR, '..', '..', 'display-ui', 'voice');

/** Where `voiceFileRoutes` looks for clips. */
export interface VoiceFileOptions {
  /** The default clip set, one folder per region. */
  defaultDir?: string;
  /**
   * A centre's own clips (`$LUOT_DATA_DIR/voice`): `<clip-id>.ogg` for every region or
   * `<region>/<clip-id>.ogg` for one; either wins over the default of the same id, and
   * `{clip:<id>}` clips of a template exist only here.
   */
  overrideDir?: string | undefined;
}

const isRegion = (region: string): region is VoiceRegion =>
  (VOICE_REGIONS as readonly string[]).includes(region);

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * `GET /voice/<region>/<clip-id>.ogg`: the hall display's call clips, public like the UI
 * assets. `no-cache` with an ETag, so a display revalidates and a clip a centre drops in
 * takes effect at its next start. The id is checked against a strict pattern before it
 * becomes part of a path, so nothing outside the two folders can be named; anything else
 * is a 404.
 */
export function voiceFileRoutes(options: VoiceFileOptions = {}): Router {
  const defaultDir = options.defaultDir ?? DEFAULT_VOICE_DIR;
  const router = Router();
  router.get('/voice/:region/:file', (req, res, next) => {
    const { region, file } = req.params;
    const id = file.endsWith('.ogg') ? file.slice(0, -'.ogg'.length) : '';
    if (!isRegion(region) || !CUSTOM_CLIP_ID.test(id)) {
      sendError(res, 'not_found', languageOf(req.get('accept-language')));
      return;
    }
    const candidates = [
      ...(options.overrideDir === undefined
        ? []
        : [
            path.join(options.overrideDir, region, `${id}.ogg`),
            path.join(options.overrideDir, `${id}.ogg`),
          ]),
      path.join(defaultDir, region, `${id}.ogg`),
    ];
    const found = candidates.find(isFile);
    if (found === undefined) {
      sendError(res, 'not_found', languageOf(req.get('accept-language')));
      return;
    }
    res.sendFile(
      found,
      {
        headers: { 'Cache-Control': 'no-cache', 'Content-Type': 'audio/ogg' },
        etag: true,
        lastModified: true,
      },
      (error) => {
        if (error !== undefined && !res.headersSent) next(error);
      },
    );
  });
  return router;
}
