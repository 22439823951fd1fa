# Shared by make-clips.sh and prepare-recording.sh: how a clip is cut and encoded, so a
# centre's own recording joins the defaults without clicks or jumps in loudness.

# Peak level every clip is normalised to, in dBFS.
CLIP_PEAK_DB=-3
# Opus bitrate in kbit/s: speech stays clear and the whole set about 150 KB a region.
CLIP_KBPS=20
# A fixed Ogg serial number, so that the same audio always gives the same file.
CLIP_SERIAL=4242

# clip_encode IN.wav OUT.ogg WORKDIR: mono 48 kHz, silence trimmed at both ends,
# 10 ms fade out (applied while reversed) and 5 ms fade in, normalised, then Opus.
clip_encode() {
  local in="$1" outfile="$2" work="$3"
  sox -R "$in" -r 48000 -c 1 -b 16 "$work/clean.wav" \
    gain -3 highpass 60 \
    silence 1 0.02 0.5% reverse silence 1 0.02 0.5% fade q 0.01 reverse \
    fade q 0.005 norm "$CLIP_PEAK_DB"
  opusenc --quiet --bitrate "$CLIP_KBPS" --serial "$CLIP_SERIAL" --comp 10 \
    --padding 0 "$work/clean.wav" "$outfile"
}
