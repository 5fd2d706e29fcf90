import { useState } from 'react';
import { full, generation, messageOf } from '../../api/client';
import { count } from '../../components/format';
import { useApi } from '../../components/useApi';

const MAX_CHARS = 2_000_000;

/** The tenant's source materials: upload one (typed or from a file), see how it was cut into passages. */
export function Materials({ selected, onSelect }: { selected: string[]; onSelect: (ids: string[]) => void }) {
  const [revision, setRevision] = useState(0);
  const materials = useApi(() => full(generation.GET('/api/v1/generation/materials', { params: { query: { size: 100 } } as never })), [revision]);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section className="panel" aria-labelledby="materials-title">
      <h2 id="materials-title">Source materials</h2>
      <p className="small muted">Jobs retrieve the passages closest to their topic from the chosen materials, or from all of them when none is chosen.</p>
      {materials.state === 'failed' && <p className="error">{materials.message}</p>}
      {materials.state === 'done' && (materials.value.length === 0 ? <p className="muted">No material yet.</p> : (
        <ul className="materials" data-testid="materials">
          {materials.value.map((m) => (
            <li key={m.id}>
              <label className="check-inline">
                <input type="checkbox" checked={selected.includes(m.id)}
                  onChange={(e) => onSelect(e.target.checked ? [...selected, m.id] : selected.filter((id) => id !== m.id))} />
                <strong>{m.title}</strong>
              </label>
              <span className="small muted">
                {m.sizeChars.toLocaleString()} characters · {count(m.chunkCount, 'passage')}
                {m.embeddingState !== 'ready' && ` · indexing ${m.embeddedChunks}/${m.chunkCount}`}
              </span>
              <button type="button" className="link-button small" aria-expanded={open === m.id} onClick={() => setOpen(open === m.id ? null : m.id)}>
                {open === m.id ? 'Hide its passages' : 'Show its passages'}
              </button>
              {open === m.id && <Passages materialId={m.id} />}
            </li>
          ))}
        </ul>
      ))}
      <Upload onUploaded={() => setRevision((r) => r + 1)} />
    </section>
  );
}

/** How a material was cut into passages: one of the tenant's, or (personal) one of the user's own. */
export function Passages({ materialId, personal = false }: { materialId: string; personal?: boolean }) {
  const chunks = useApi(() => {
    const params = { params: { path: { id: materialId } } };
    return full(personal ? generation.GET('/api/v1/generation/personal/materials/{id}/chunks', params)
      : generation.GET('/api/v1/generation/materials/{id}/chunks', params));
  }, [materialId, personal]);
  if (chunks.state !== 'done') return <p className={chunks.state === 'failed' ? 'error' : 'muted small'}>{chunks.state === 'failed' ? chunks.message : 'Loading…'}</p>;
  return (
    <ol className="passages" data-testid="passages">
      {chunks.value.map((c) => <li key={c.id}><span className="small muted">characters {c.startOffset}–{c.endOffset}</span><p>{c.text}</p></li>)}
    </ol>
  );
}

function Upload({ onUploaded }: { onUploaded: () => void }) {
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [markdown, setMarkdown] = useState(false);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_CHARS * 4) return setMessage({ text: `${file.name} is too large`, error: true });
    setText(await file.text());
    setMarkdown(/\.(md|markdown)$/i.test(file.name));
    if (!title) setTitle(file.name.replace(/\.[^.]+$/, ''));
  };
  const upload = async () => {
    if (!title.trim() || !text.trim()) return setMessage({ text: 'A material needs a title and some text.', error: true });
    setMessage({ text: 'Uploading…' });
    const { data, error, response } = await full(generation.POST('/api/v1/generation/materials', {
      body: { title: title.trim(), text, contentType: markdown ? 'text/markdown' : 'text/plain' },
    }));
    if (!data) return setMessage({ text: messageOf(error, response), error: true });
    setMessage({ text: `${data.title}: cut into ${count(data.chunkCount, 'passage')}.` });
    setTitle('');
    setText('');
    onUploaded();
  };
  return (
    <details className="upload">
      <summary>Add a material</summary>
      <label className="field"><span>Title</span><input value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} placeholder="Cardiology lecture 12: aortic disease" /></label>
      <label className="field"><span>Text</span><textarea rows={6} value={text} onChange={(e) => setText(e.target.value)} placeholder="Paste lecture notes, a chapter, guidelines…" /></label>
      <div className="toolbar">
        <label className="button secondary small-button file-button">
          Or read a .txt or .md file
          <input type="file" accept=".txt,.md,.markdown,text/plain,text/markdown" className="visually-hidden" onChange={(e) => void readFile(e.target.files?.[0])} />
        </label>
        <label className="check-inline small"><input type="checkbox" checked={markdown} onChange={(e) => setMarkdown(e.target.checked)} /> Markdown</label>
        <button type="button" className="button small-button" onClick={() => void upload()}>Upload</button>
      </div>
      {message && <p className={message.error ? 'error' : 'ok'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
    </details>
  );
}
