/** A moment as people say it: "Tuesday, December 8, 02:40 PM" in the browser's language. */
export function moment(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
}
