const NAMES: Record<string, string> = { draft: 'Draft', in_review: 'In review', approved: 'Approved', published: 'Published', retired: 'Retired', discarded: 'Discarded' };

/** A version's workflow state as a coloured label. */
export function StateBadge({ state }: { state?: string }) {
  return <span className={`state state-${state}`}>{NAMES[state ?? ''] ?? state}</span>;
}
