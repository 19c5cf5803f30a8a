/**
 * The few icons the page draws, as inline SVG: emoji depend on the fonts of
 * the reader's system (a bare Linux box shows empty boxes). Decorative: the
 * text beside each says the same.
 */
const PATHS = {
  flame:
    'M12 2c1 3.5-1.5 5.5-1.5 8.5A2.5 2.5 0 0 0 13 13c1.7 0 3-1.5 2.6-3.8C18 11 19 13.6 19 15.5A7 7 0 0 1 5 15.5C5 10.5 9.5 8 12 2z',
  trophy:
    'M7 3h10v2h3v3a4 4 0 0 1-4 4h-.4A5 5 0 0 1 13 14.9V18h3v3H8v-3h3v-3.1A5 5 0 0 1 8.4 12H8a4 4 0 0 1-4-4V5h3V3zm10 4v3a2 2 0 0 0 1-2V7h-1zM6 7v1a2 2 0 0 0 1 2V7H6z',
  lock: 'M7 10V7a5 5 0 0 1 10 0v3h1a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1h1zm2 0h6V7a3 3 0 0 0-6 0v3z',
  mystery:
    'M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20zm0 14a1.3 1.3 0 1 0 0 2.6 1.3 1.3 0 0 0 0-2.6zm0-10a4 4 0 0 0-4 4h2a2 2 0 1 1 2 2 1 1 0 0 0-1 1v2h2v-1.2A4 4 0 0 0 12 6z',
  star: 'M12 2l3 6.6 7 .8-5.2 4.8 1.5 7L12 17.6 5.7 21.2l1.5-7L2 9.4l7-.8L12 2z',
} as const;

export function Icon(props: { name: keyof typeof PATHS; class?: string }) {
  return (
    <svg class={`icon ${props.class ?? ''}`} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[props.name]} fill="currentColor" />
    </svg>
  );
}
