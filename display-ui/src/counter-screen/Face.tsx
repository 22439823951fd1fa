/** Face colours from the worst answer to the best: red, amber, yellow-green, green. */
const COLOURS = ['#c62828', '#c77700', '#7a9a01', '#1b7f3b'] as const;

/**
 * A face for a rating level, drawn inline (no image to load): a frown for the worst
 * answer, a straight mouth half way, a broad smile for the best. Decorative: the button
 * it sits in carries the words.
 */
export function Face({ mood }: { mood: number }) {
  const colour = COLOURS[Math.round(mood * (COLOURS.length - 1))] ?? COLOURS[0];
  // The mouth bends down for a low mood and up for a high one.
  const bend = (mood - 0.5) * 2;
  const mouth = `M30 66 Q50 ${66 + bend * 18} 70 66`;
  return (
    <svg className="cs-face" viewBox="0 0 100 100" aria-hidden="true" focusable="false">
      <circle cx="50" cy="50" r="46" fill={colour} />
      <circle cx="35" cy="40" r="6" fill="#fff" />
      <circle cx="65" cy="40" r="6" fill="#fff" />
      <path d={mouth} fill="none" stroke="#fff" strokeWidth="7" strokeLinecap="round" />
    </svg>
  );
}
