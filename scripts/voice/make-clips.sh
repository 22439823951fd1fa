#!/usr/bin/env bash
# Makes the hall display's default voice: one Opus clip per entry of the clip list
# (scripts/voice/list-clips.ts, read from server/src/contract/voice.ts) for each region,
# from espeak-ng's Vietnamese voices, into display-ui/voice/<region>/<clip-id>.ogg, and
# display-ui/voice/clips.json (id -> text). Re-runnable and deterministic: the same tools
# make the same bytes. Needs Debian's espeak-ng, sox and opus-tools, and `npm install`.
#
#   scripts/voice/make-clips.sh            # every region
#   scripts/voice/make-clips.sh south      # one region
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/display-ui/voice"
# shellcheck source=scripts/voice/clip-audio.sh
source "$here/clip-audio.sh"

for tool in espeak-ng sox opusenc; do
  command -v "$tool" >/dev/null || {
    echo "make-clips: $tool is missing (apt-get install espeak-ng sox opus-tools)" >&2
    exit 1
  }
done

# Region -> espeak-ng voice. Speed in words per minute: a little slower than espeak's
# 175 so that elderly visitors follow a hall announcement.
declare -A VOICES=([north]=vi [central]=vi-vn-x-central [south]=vi-vn-x-south)
SPEED=140

regions=("$@")
[ ${#regions[@]} -eq 0 ] && regions=(north central south)

list="$(mktemp)"
work="$(mktemp -d)"
trap 'rm -rf "$list" "$work"' EXIT
(cd "$root" && npx --no-install tsx scripts/voice/list-clips.ts) >"$list"
[ -s "$list" ] || { echo "make-clips: the clip list is empty" >&2; exit 1; }

for region in "${regions[@]}"; do
  voice="${VOICES[$region]:-}"
  [ -n "$voice" ] || { echo "make-clips: unknown region $region" >&2; exit 1; }
  mkdir -p "$out/$region"
  rm -f "$out/$region"/*.ogg
  while IFS=$'\t' read -r id text; do
    espeak-ng -v "$voice" -s "$SPEED" -w "$work/raw.wav" -- "$text"
    clip_encode "$work/raw.wav" "$out/$region/$id.ogg" "$work"
  done <"$list"
  echo "make-clips: $region: $(wc -l <"$list") clips, $(cat "$out/$region"/*.ogg | wc -c) bytes"
done

# clips.json: the same list, for people and tools that want the texts without TypeScript.
node -e '
  const lines = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n");
  const clips = Object.fromEntries(lines.map((l) => l.split("\t")));
  process.stdout.write(JSON.stringify(clips, null, 2) + "\n");
' "$list" >"$out/clips.json"
