#!/usr/bin/env bash
# Turns a centre's own recording of one clip into a clip the hall display can play:
# trimmed, normalised and faded exactly like the default clips (clip-audio.sh).
#
#   scripts/voice/prepare-recording.sh quay-15.wav "$LUOT_DATA_DIR/voice/counter-15.ogg"
#
# The output's name must be a clip id (docs/voice.md lists them) or a centre's own id
# used as {clip:<id>} in the template. Any format sox reads is accepted (WAV, FLAC, ...).
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 IN.wav OUT.ogg" >&2
  exit 2
fi
in="$1"
outfile="$2"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/voice/clip-audio.sh
source "$here/clip-audio.sh"

[ -f "$in" ] || { echo "prepare-recording: no such file: $in" >&2; exit 1; }
id="$(basename "$outfile" .ogg)"
if ! [[ "$id" =~ ^[a-z0-9][a-z0-9-]{0,47}$ ]] || [[ "$outfile" != *.ogg ]]; then
  echo "prepare-recording: $outfile must be <clip-id>.ogg, the id in lower case letters, digits and -" >&2
  exit 1
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$(dirname "$outfile")"
clip_encode "$in" "$outfile" "$work"
echo "prepare-recording: wrote $outfile"
