// The marker on text that is kept on this device but not saved yet.
export function DraftBadge(props: { testId: string }) {
  return (
    <span class="draft-badge" title="Kept on this device until you save or discard it" data-testid={props.testId}>
      Unsaved draft
    </span>
  );
}
