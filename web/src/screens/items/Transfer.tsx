import { useState } from 'react';
import { Link } from 'react-router';
import { authoring, full, messageOf } from '../../api/client';
import type { components } from '../../api/generated/authoring';
import { useAuth } from '../../auth/AuthContext';
import { count } from '../../components/format';
import type { Loaded } from '../../components/useApi';
import { queryOf, type Filters } from './filters';
import type { Topic } from './topics';

type Exported = components['schemas']['Item'];
const EXPORT_PAGE = 1000;

/** Bulk export of the items the filters find, and import of such a file, with each problem shown by its item. */
export function Transfer({ filters, topics }: { filters: Filters; topics: Loaded<Topic[]> }) {
  const { identity } = useAuth();
  const [exporting, setExporting] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const mayImport = identity?.roles.some((r) => r === 'author' || r === 'admin');

  const exportItems = async () => {
    setExporting('Exporting…');
    const all: Exported[] = [];
    for (let page = 0; ; page++) {
      const { data, error, response } = await full(authoring.GET('/api/v1/authoring/bulk/items', {
        params: { query: { ...queryOf(filters), page, size: EXPORT_PAGE } as never },
      }));
      if (!data) return setExporting(`Export failed: ${messageOf(error, response)}`);
      all.push(...data);
      setExporting(`Exporting… ${all.length} items`);
      if (data.length < EXPORT_PAGE) break;
    }
    const url = URL.createObjectURL(new Blob([JSON.stringify(all, null, 2)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `qbank-items-${new Date().toISOString().slice(0, 10)}.json`;
    a.click();
    URL.revokeObjectURL(url);
    setExporting(`Exported ${count(all.length, 'item')}.`);
  };

  return (
    <div className="transfer">
      <div className="toolbar">
        <button type="button" className="button secondary small-button" onClick={() => void exportItems()}>Export these items (JSON)</button>
        {mayImport && (
          <button type="button" className="button secondary small-button" aria-expanded={importing} onClick={() => setImporting(!importing)}>
            Import items…
          </button>
        )}
        {exporting && <span className="small muted" role="status">{exporting}</span>}
      </div>
      {importing && <Import topics={topics} />}
    </div>
  );
}

type Row = { stem: string; versions: number; problems: string[] };

/** The problems of an import answer, by item: "[3].versions[0].content.options" belongs to the fourth item. */
export function problemsByItem(violations: { field?: string; message?: string }[], count: number): { items: string[][]; general: string[] } {
  const items: string[][] = Array.from({ length: count }, () => []);
  const general: string[] = [];
  for (const v of violations) {
    const at = /^[a-zA-Z]*\[(\d+)\]\.?(.*)$/.exec(v.field ?? '');
    const index = at ? Number(at[1]) : -1;
    if (!at || index >= count) {
      general.push(`${v.field ? `${v.field}: ` : ''}${v.message}`);
      continue;
    }
    const rest = at[2] ?? '';
    const version = /^versions\[(\d+)\](?:\.content)?\.?(.*)$/.exec(rest);
    const where = version ? `version ${Number(version[1]) + 1}${version[2] ? `, ${version[2]}` : ''}` : rest;
    items[index]!.push(`${where ? `${where}: ` : ''}${v.message}`);
  }
  return { items, general };
}

function Import({ topics }: { topics: Loaded<Topic[]> }) {
  const [file, setFile] = useState<{ name: string; items: Exported[] } | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [created, setCreated] = useState<string[]>([]);
  const topicName = (id?: string) => (topics.state === 'done' ? topics.value.find((t) => t.id === id)?.name : undefined);

  const read = async (chosen: File | undefined) => {
    setMessage(null);
    setCreated([]);
    if (!chosen) return;
    try {
      const parsed: unknown = JSON.parse(await chosen.text());
      if (!Array.isArray(parsed)) throw new Error('the file must hold a JSON array of items, as an export writes it');
      const items = parsed as Exported[];
      setFile({ name: chosen.name, items });
      setRows(items.map((i) => ({ stem: i.versions?.at(-1)?.content?.stem ?? '(no version)', versions: i.versions?.length ?? 0, problems: [] })));
    } catch (e) {
      setFile(null);
      setRows([]);
      setMessage({ text: `${chosen.name} cannot be read: ${e instanceof Error ? e.message : String(e)}`, error: true });
    }
  };

  const send = async () => {
    if (!file) return;
    setMessage({ text: 'Importing…' });
    const { data, error, response } = await full(authoring.POST('/api/v1/authoring/bulk/items', { body: file.items }));
    if (data) {
      setCreated(data.itemIds ?? []);
      setRows(rows.map((r) => ({ ...r, problems: [] })));
      setMessage({ text: `Imported ${count(data.items ?? 0, 'item')} with ${count(data.versions ?? 0, 'version')}, each as a draft.` });
      return;
    }
    const problem = error as { violations?: { field?: string; message?: string }[] } | undefined;
    const { items, general } = problemsByItem(problem?.violations ?? [], rows.length);
    setRows(rows.map((r, i) => ({ ...r, problems: items[i] ?? [] })));
    setMessage({ text: [messageOf(error, response), ...general].join('; '), error: true });
  };

  return (
    <section className="panel import" aria-label="Import items">
      <p className="small muted">A JSON file as the export writes it. Every item comes in as a new item, each of its versions a draft for review; any problem stops the whole import.</p>
      <div className="toolbar">
        <label className="button secondary small-button file-button">
          Choose a file
          <input type="file" accept="application/json,.json" className="visually-hidden" onChange={(e) => void read(e.target.files?.[0])} />
        </label>
        {file && <span className="small">{file.name}: {count(rows.length, 'item')}</span>}
        {file && rows.length > 0 && <button type="button" className="button small-button" onClick={() => void send()}>Import {count(rows.length, 'item')}</button>}
      </div>
      {message && <p className={message.error ? 'error' : 'ok'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
      {rows.length > 0 && (
        <ol className="import-rows" data-testid="import-rows">
          {rows.map((r, i) => (
            <li key={i} className={r.problems.length ? 'has-problems' : ''}>
              <span className="preview">{r.stem.slice(0, 140)}</span>
              <span className="small muted">
                {count(r.versions, 'version')}
                {topicName(file?.items[i]?.versions?.at(-1)?.content?.topicId) && ` · ${topicName(file?.items[i]?.versions?.at(-1)?.content?.topicId)}`}
                {created[i] && <> · <Link to={`/items/${created[i]}`}>open</Link></>}
              </span>
              {r.problems.length > 0 && <ul className="problems">{r.problems.map((p) => <li key={p}>{p}</li>)}</ul>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
