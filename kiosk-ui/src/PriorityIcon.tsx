import type { ReactNode } from 'react';

/** Simple line drawings of the one-stop-shop priority classes, on a 48 × 48 grid. */
const DRAWINGS: Record<string, ReactNode> = {
  // A stooped figure with a walking stick.
  elderly: (
    <>
      <circle cx="22" cy="8" r="4.5" />
      <path d="M21 14c-4 3-5 9-4 15M17 29l-4 13M17 29l6 4 2 9M19 18l8 5M33 22v20" />
      <path d="M27 23c2-2 6-2 6 0" />
    </>
  ),
  // The wheelchair of the international symbol of access.
  disabled: (
    <>
      <circle cx="20" cy="7" r="4.5" />
      <path d="M20 13v13h12l5 12M20 19h9" />
      <path d="M14 22a11 11 0 1 0 16 14" />
    </>
  ),
  // A woman expecting a child.
  pregnant: (
    <>
      <circle cx="22" cy="7" r="4.5" />
      <path d="M20 13c-3 3-3 8-2 12M24 14c6 3 11 9 7 15-2 3-7 3-11 2M20 31l-2 12M24 31l2 12" />
    </>
  ),
  // A medal on its ribbon.
  merit: (
    <>
      <path d="M16 4l6 14M32 4l-6 14" />
      <circle cx="24" cy="30" r="12" />
      <path d="M24 22l2.4 5 5.4.6-4 3.7 1.1 5.3-4.9-2.8-4.9 2.8 1.1-5.3-4-3.7 5.4-.6z" />
    </>
  ),
  // An adult holding a small child's hand.
  child: (
    <>
      <circle cx="16" cy="7" r="4.5" />
      <path d="M16 13v15M16 28l-4 14M16 28l4 14M16 18l-7 7M16 18l10 8" />
      <circle cx="33" cy="22" r="3.5" />
      <path d="M33 27v8M33 35l-3 7M33 35l3 7M26 26l7 3" />
    </>
  ),
};

/** Any other class a centre adds: a person with a star. */
const GENERIC: ReactNode = (
  <>
    <circle cx="20" cy="9" r="5" />
    <path d="M20 16v14M20 30l-5 12M20 30l5 12M12 22h16" />
    <path d="M36 14l1.8 3.8 4.2.5-3.1 2.9.8 4.1-3.7-2.1-3.7 2.1.8-4.1-3.1-2.9 4.2-.5z" />
  </>
);

/** The drawing of a priority class by its code, decorative beside the class's name. */
export function PriorityIcon({ code }: { code: string }) {
  return (
    <svg
      className="priority-icon"
      viewBox="0 0 48 48"
      width="56"
      height="56"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      data-icon={code in DRAWINGS ? code : 'generic'}
    >
      {DRAWINGS[code] ?? GENERIC}
    </svg>
  );
}
