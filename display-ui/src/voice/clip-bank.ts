import type { VoiceRegion } from '@luot/contract';
import { VOICE_CLIPS } from '@luot/ui-shared/voice-contract';

/** Clips fetched at once while loading a set. */
const PARALLEL_FETCHES = 6;

/** How long a centre's own clip that was not found is not asked for again. */
const MISSING_RETRY_MS = 60_000;

/** Where a clip is served (server/src/http/voice-files.ts). */
export const clipUrl = (region: VoiceRegion, id: string) => `/voice/${region}/${id}.ogg`;

/** How loading a region's clip set went. */
export interface ClipSetResult {
  region: VoiceRegion;
  loaded: number;
  /** Ids that could not be fetched or decoded. */
  failed: string[];
}

/**
 * The decoded clips of one region, loaded once at start (and again when the region
 * changes): every clip of the default set up front, a centre's own `{clip:…}` clips on
 * first use. Remembers which clip each buffer holds, for the log.
 */
export class ClipBank {
  private region: VoiceRegion | null = null;
  private buffers = new Map<string, AudioBuffer>();
  private readonly ids = new WeakMap<AudioBuffer, string>();
  private readonly missingSince = new Map<string, number>();

  constructor(
    private readonly context: BaseAudioContext,
    private readonly fetchFile: (url: string) => Promise<Response> = (url) => fetch(url),
  ) {}

  /** The clip that a buffer was decoded from. */
  clipIdOf = (buffer: AudioBuffer): string | undefined => this.ids.get(buffer);

  /** A loaded clip, if it is. */
  get(id: string): AudioBuffer | undefined {
    return this.buffers.get(id);
  }

  /** Fetches and decodes every clip of the set for `region`; then it is the bank's region. */
  async load(region: VoiceRegion): Promise<ClipSetResult> {
    const buffers = new Map<string, AudioBuffer>();
    const failed: string[] = [];
    const todo = VOICE_CLIPS.map((clip) => clip.id);
    const worker = async () => {
      for (let id = todo.shift(); id !== undefined; id = todo.shift()) {
        const buffer = await this.fetchClip(region, id);
        if (buffer) buffers.set(id, buffer);
        else failed.push(id);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_FETCHES }, worker));
    this.region = region;
    this.buffers = buffers;
    this.missingSince.clear();
    return { region, loaded: buffers.size, failed };
  }

  /** Loads clips not in the set (a centre's own), unless one was just found missing. */
  async ensure(ids: readonly string[], now = Date.now()): Promise<void> {
    const region = this.region;
    if (region === null) return;
    const wanted = [...new Set(ids)].filter((id) => {
      if (this.buffers.has(id)) return false;
      const since = this.missingSince.get(id);
      return since === undefined || now - since > MISSING_RETRY_MS;
    });
    await Promise.all(
      wanted.map(async (id) => {
        const buffer = await this.fetchClip(region, id);
        if (buffer && this.region === region) this.buffers.set(id, buffer);
        else this.missingSince.set(id, now);
      }),
    );
  }

  private async fetchClip(region: VoiceRegion, id: string): Promise<AudioBuffer | null> {
    try {
      const response = await this.fetchFile(clipUrl(region, id));
      if (!response.ok) return null;
      const buffer = await this.context.decodeAudioData(await response.arrayBuffer());
      this.ids.set(buffer, id);
      return buffer;
    } catch (error) {
      console.error(`Luot: voice clip ${id} (${region}) could not be loaded`, error);
      return null;
    }
  }
}
