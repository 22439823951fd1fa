import type { VoiceRegion } from '@luot/contract';
import { VOICE_CLIPS } from '@luot/ui-shared/voice-contract';

/** Clips fetched at once while loading a set. */
const PARALLEL_FETCHES = 6;

/** How long a centre's own clip that was not found is not asked for again. */
const MISSING_RETRY_MS = 60_000;

/** Where a clip is served (server/src/http/voice-files.ts). */
export const clipUrl = (region: VoiceRegion, id: string) => `/voice/${region}/${id}.ogg`;

/** Swallows a settled promise's outcome: waiting is all that matters. */
const ignore = () => undefined;

/** How loading a region's clip set went. */
export interface ClipSetResult {
  region: VoiceRegion;
  loaded: number;
  /** Ids that could not be fetched or decoded. */
  failed: string[];
}

/** How long a call waits for a clip set still loading before it is said with what there is. */
export const LOAD_WAIT_MS = 10_000;

/**
 * The decoded clips of one region, loaded once at start (and again when the region
 * changes): every clip of the default set up front, a centre's own `{clip:…}` and
 * `counter-<n>` clips on first use. Loading again for the same region (a retry after some
 * clips failed) fetches only the clips still missing and adds them: a clip once loaded is
 * never lost. A new region's set replaces the old one when it has loaded. Calls wait for a
 * load in progress (`whenLoaded`), so a call that comes while the clips load is still said
 * from them. Remembers which clip each buffer holds, for the log.
 */
export class ClipBank {
  private region: VoiceRegion | null = null;
  private buffers = new Map<string, AudioBuffer>();
  private readonly ids = new WeakMap<AudioBuffer, string>();
  private readonly missingSince = new Map<string, number>();
  /** The load in progress, if any. */
  private loading: Promise<unknown> | null = null;
  /** Settles when the first load has; calls made before any load started wait for it. */
  private readonly firstLoad: Promise<void>;
  private firstLoadSettled: () => void = () => undefined;
  /** Counts loads, so that only the latest one of a region change takes the bank over. */
  private generation = 0;

  constructor(
    private readonly context: BaseAudioContext,
    private readonly fetchFile: (url: string) => Promise<Response> = (url) => fetch(url),
  ) {
    this.firstLoad = new Promise<void>((resolve) => {
      this.firstLoadSettled = resolve;
    });
  }

  /** The clip that a buffer was decoded from. */
  clipIdOf = (buffer: AudioBuffer): string | undefined => this.ids.get(buffer);

  /** A loaded clip, if it is. */
  get(id: string): AudioBuffer | undefined {
    return this.buffers.get(id);
  }

  /**
   * Resolves when the load in progress (or, before any started, the first one) has
   * settled, or after `maxMs`, whichever is first; at once when nothing is loading.
   */
  async whenLoaded(maxMs = LOAD_WAIT_MS): Promise<void> {
    const pending = this.loading ?? (this.region === null ? this.firstLoad : null);
    if (pending === null) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, maxMs);
    });
    try {
      await Promise.race([pending.then(ignore, ignore), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Fetches and decodes the clips of the set for `region` that the bank lacks; then it is
   * the bank's region. Reports how many of the set's clips the bank holds and which failed.
   */
  load(region: VoiceRegion): Promise<ClipSetResult> {
    const run = this.loadSet(region);
    this.loading = run;
    const settled = () => {
      if (this.loading === run) this.loading = null;
      this.firstLoadSettled();
    };
    run.then(settled, settled);
    return run;
  }

  private async loadSet(region: VoiceRegion): Promise<ClipSetResult> {
    const generation = (this.generation += 1);
    const sameRegion = region === this.region;
    // The same region's clips go straight into the bank, so they play as soon as each is
    // decoded; a new region's gather aside until the whole set is there.
    const target = sameRegion ? this.buffers : new Map<string, AudioBuffer>();
    const todo = VOICE_CLIPS.map((clip) => clip.id).filter((id) => !target.has(id));
    const worker = async () => {
      for (let id = todo.shift(); id !== undefined; id = todo.shift()) {
        const buffer = await this.fetchClip(region, id);
        if (buffer) target.set(id, buffer);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_FETCHES }, worker));
    if (!sameRegion && generation === this.generation) {
      this.region = region;
      this.buffers = target;
      this.missingSince.clear();
    }
    const failed = VOICE_CLIPS.map((clip) => clip.id).filter((id) => !target.has(id));
    return { region, loaded: VOICE_CLIPS.length - failed.length, failed };
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
