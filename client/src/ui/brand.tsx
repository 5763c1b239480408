export function BrandMark() {
  return (
    <svg class="brand__mark" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="var(--accent)" />
      <circle cx="12.5" cy="16" r="6" fill="none" stroke="var(--accent-contrast)" stroke-width="2.6" />
      <circle cx="19.5" cy="16" r="6" fill="none" stroke="var(--accent-contrast)" stroke-width="2.6" opacity="0.7" />
    </svg>
  );
}
