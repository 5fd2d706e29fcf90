import { useState } from 'react';
import { downloadCsv } from './csv';

/** "Download CSV" of a table view, with the same filters as on screen. */
export function CsvButton({ path, query = {}, name }: { path: string; query?: Record<string, string | number | undefined>; name: string }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button type="button" className="button secondary small-button" onClick={() => void downloadCsv(path, query, name).then(setError)}>
        Download CSV
      </button>
      {error && <span className="error small" role="alert">{error}</span>}
    </>
  );
}
