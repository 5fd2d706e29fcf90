import { analytics } from '../../api/client';

/** Downloads an analytics table view as CSV (the same endpoint with Accept: text/csv). */
export async function downloadCsv(path: string, query: Record<string, string | number | undefined>, name: string): Promise<string | null> {
  const { data, response } = await analytics.GET(path as never, {
    params: { query } as never, headers: { Accept: 'text/csv' }, parseAs: 'text',
  } as never) as { data?: string; response: Response };
  if (data === undefined) return `The download failed: the server answered ${response.status}`;
  const url = URL.createObjectURL(new Blob([data], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name}-${new Date().toISOString().slice(0, 10)}.csv`;
  a.click();
  URL.revokeObjectURL(url);
  return null;
}
