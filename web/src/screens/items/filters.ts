export const FILTERS = ['q', 'topicId', 'state', 'difficulty', 'tag', 'author', 'examCode', 'provenance', 'flagged', 'sort'] as const;
export type Filter = (typeof FILTERS)[number];
export type Filters = Partial<Record<Filter, string>>;

/** The filters as the list and export endpoints take them: flagged as a boolean. */
export function queryOf(filters: Filters) {
  return { ...filters, flagged: filters.flagged === undefined ? undefined : filters.flagged === 'true' };
}
