import { useState } from 'react';
import { full, generation, messageOf, type Full } from '../../api/client';
import type { components } from '../../api/generated/generation';
import { count } from '../../components/format';
import { Passages } from '../generation/Materials';

export type Material = Full<components['schemas']['MaterialResponse']>;

const MAX_PDF_BYTES = 12 * 1024 * 1024;

/** My own materials: what each holds and whether it is read yet; add one (typed, a text file or a PDF), or delete one with all it made. */
export function MyMaterials({ materials, onChange }: { materials: Material[]; onChange: () => void }) {
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  const remove = async (m: Material) => {
    if (!window.confirm(`Delete “${m.title}” and every question written from it, with your answers and reviews of them?`)) return;
    const { response, error } = await generation.DELETE('/api/v1/generation/personal/materials/{id}', { params: { path: { id: m.id } } });
    if (!response.ok) return setMessage({ text: messageOf(error, response), error: true });
    setMessage({ text: `“${m.title}” and everything written from it are deleted.` });
    onChange();
  };

  return (
    <section className="panel" aria-labelledby="my-materials-title">
      <h2 id="my-materials-title">My materials</h2>
      <p className="small muted">Lecture notes, a chapter, a PDF of slides: only you see them, and questions are written from them for you alone.</p>
      {materials.length === 0 ? <p className="muted">No material yet: add one below.</p> : (
        <ul className="materials" data-testid="my-materials">
          {materials.map((m) => (
            <li key={m.id}>
              <strong>{m.title}</strong>
              <span className="small muted">
                {m.contentType === 'application/pdf' ? 'PDF · ' : ''}{m.sizeChars.toLocaleString()} characters · {count(m.chunkCount, 'passage')}
                {' · '}{m.embeddingState === 'ready' ? 'ready' : m.embeddingState === 'failed' ? 'could not be read' : `reading ${m.embeddedChunks}/${m.chunkCount}`}
              </span>
              <span className="toolbar">
                <button type="button" className="link-button small" aria-expanded={open === m.id} onClick={() => setOpen(open === m.id ? null : m.id)}>
                  {open === m.id ? 'Hide its passages' : 'Show its passages'}<span className="visually-hidden"> of {m.title}</span>
                </button>
                <button type="button" className="link-button small danger-link" onClick={() => void remove(m)}>Delete<span className="visually-hidden"> {m.title}</span></button>
              </span>
              {open === m.id && <Passages materialId={m.id} personal />}
            </li>
          ))}
        </ul>
      )}
      {message && <p className={message.error ? 'error' : 'ok'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
      <AddMaterial onAdded={onChange} />
    </section>
  );
}

function AddMaterial({ onAdded }: { onAdded: () => void }) {
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [pdf, setPdf] = useState<File | null>(null);
  const [markdown, setMarkdown] = useState(false);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setMessage(null);
    if (!title) setTitle(file.name.replace(/\.[^.]+$/, ''));
    if (file.type === 'application/pdf' || /\.pdf$/i.test(file.name)) {
      if (file.size > MAX_PDF_BYTES) return setMessage({ text: `${file.name} is larger than 12 MB.`, error: true });
      setPdf(file);
      setText('');
      return;
    }
    setPdf(null);
    setText(await file.text());
    setMarkdown(/\.(md|markdown)$/i.test(file.name));
  };

  const add = async () => {
    if (!title.trim() || (!pdf && !text.trim())) return setMessage({ text: 'A material needs a title, and some text or a file.', error: true });
    setBusy(true);
    setMessage({ text: pdf ? 'Reading the PDF…' : 'Uploading…' });
    const { data, error, response } = pdf
      ? await full(generation.POST('/api/v1/generation/personal/materials/pdf', {
        params: { query: { title: title.trim() } }, body: pdf as never, bodySerializer: (body: unknown) => body as BodyInit,
        headers: { 'Content-Type': 'application/pdf' },
      } as never))
      : await full(generation.POST('/api/v1/generation/personal/materials', {
        body: { title: title.trim(), text, contentType: markdown ? 'text/markdown' : 'text/plain' },
      }));
    setBusy(false);
    if (!data) return setMessage({ text: messageOf(error, response), error: true });
    setMessage({ text: `${data.title}: cut into ${count(data.chunkCount, 'passage')}.` });
    setTitle('');
    setText('');
    setPdf(null);
    onAdded();
  };

  return (
    <details className="upload">
      <summary>Add a material</summary>
      <label className="field"><span>Title</span><input value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} placeholder="Cardiology lecture 12: aortic disease" /></label>
      {pdf ? <p className="small">PDF: <strong>{pdf.name}</strong> ({Math.ceil(pdf.size / 1024).toLocaleString()} KB) <button type="button" className="link-button small" onClick={() => setPdf(null)}>Type text instead</button></p>
        : <label className="field"><span>Text</span><textarea rows={6} value={text} onChange={(e) => setText(e.target.value)} placeholder="Paste your notes…" /></label>}
      <div className="toolbar">
        <label className="button secondary small-button file-button">
          Or choose a file (.pdf, .txt, .md)
          <input type="file" accept=".pdf,.txt,.md,.markdown,application/pdf,text/plain,text/markdown" className="visually-hidden"
            onChange={(e) => void choose(e.target.files?.[0])} />
        </label>
        {!pdf && <label className="check-inline small"><input type="checkbox" checked={markdown} onChange={(e) => setMarkdown(e.target.checked)} /> Markdown</label>}
        <button type="button" className="button small-button" disabled={busy} onClick={() => void add()}>Add</button>
      </div>
      {message && <p className={message.error ? 'error' : 'ok'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
    </details>
  );
}
