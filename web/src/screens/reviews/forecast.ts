export interface Day {
  date?: string;
  due?: number;
}

/** The forecast in words, for everyone and for screen readers: today, the next seven days, the whole period. */
export function summarize(days: Day[]): string {
  const count = (n: number) => days.slice(0, n).reduce((sum, d) => sum + (d.due ?? 0), 0);
  const today = count(1);
  const week = count(7);
  const all = count(days.length);
  if (all === 0) return `Nothing falls due in the next ${days.length} days.`;
  const reviews = (n: number) => `${n} ${n === 1 ? 'review' : 'reviews'}`;
  return `${reviews(today)} today, ${reviews(week)} in the next 7 days, ${reviews(all)} in the next ${days.length} days.`;
}
