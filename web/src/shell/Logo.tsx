/** Varde's mark: a cairn (varde), the stacked stones that show the way in open country. Decorative. */
const tones = {
  dark: ['#0b3f6e', '#0062ba', '#2a7cc5', '#0d7a5f'],
  light: ['#dbe9f5', '#99c0e3', '#c7ddf0', '#96c5b9'],
} as const;

/** `tone="light"` for dark backgrounds (the footer). */
export function Logo({ size = 36, tone = 'dark' }: { size?: number; tone?: keyof typeof tones }) {
  const [base, second, third, top] = tones[tone];
  return (
    <svg className="varde-logo" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <ellipse cx="16" cy="27" rx="12.5" ry="4" fill={base} />
      <ellipse cx="16" cy="19.6" rx="9.5" ry="3.6" fill={second} />
      <ellipse cx="16" cy="12.8" rx="6.8" ry="3.2" fill={third} />
      <ellipse cx="16" cy="6.4" rx="4.2" ry="2.8" fill={top} />
    </svg>
  );
}
