/** Why a student reports an item: the reasons of the ItemFlagged event. */
export const FLAG_REASONS = [
  { value: 'incorrect_key', label: 'The key is wrong' },
  { value: 'ambiguous', label: 'More than one answer fits' },
  { value: 'outdated', label: 'Outdated' },
  { value: 'typo', label: 'Typo or formatting' },
  { value: 'offensive', label: 'Offensive' },
  { value: 'other', label: 'Something else' },
] as const;

export type FlagReason = (typeof FLAG_REASONS)[number]['value'];
