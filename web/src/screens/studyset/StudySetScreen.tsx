import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { full, generation, messageOf } from '../../api/client';
import { Field } from '../../components/Field';
import { count } from '../../components/format';
import { Page } from '../../components/Page';
import { Pager } from '../../components/Pager';
import { useApi } from '../../components/useApi';
import { MyMaterials } from './MyMaterials';
import { MyQuestion } from './MyQuestion';
import { QuestionForm } from './QuestionForm';
import { startPractice } from './practice';

const PAGE = 10;

/** My study set: my materials, questions written from them for me, practised and reviewed like the bank's, exported to Anki. */
export function StudySetScreen() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const materialId = params.get('material') ?? undefined;
  const page = Number(params.get('page') ?? 0);
  const [revision, setRevision] = useState(0);
  const changed = () => setRevision((r) => r + 1);
  const materials = useApi(() => full(generation.GET('/api/v1/generation/personal/materials', { params: { query: { size: 100 } } })), [revision]);
  const set = useApi(() => full(generation.GET('/api/v1/generation/personal/items', { params: { query: { materialId, page, size: PAGE } } })),
    [revision, materialId, page]);
  const [error, setError] = useState<string | null>(null);

  // a material being read shows its progress without a reload
  const reading = materials.state === 'done' && materials.value.some((m) => m.embeddingState === 'pending');
  useEffect(() => {
    if (!reading) return;
    const timer = window.setTimeout(changed, 1000);
    return () => window.clearTimeout(timer);
  }, [reading, revision]);

  const practise = async () => {
    const started = await startPractice(materialId);
    if ('error' in started) setError(started.error);
    else navigate(`/reviews/${started.id}`);
  };
  const exportForAnki = async () => {
    const { data, error: problem, response } = await generation.GET('/api/v1/generation/personal/items/export',
      { params: { query: { materialId } }, parseAs: 'text' });
    if (data === undefined) return setError(messageOf(problem, response));
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([data], { type: 'text/plain' }));
    link.download = 'qbank-my-questions.txt';
    link.click();
    URL.revokeObjectURL(link.href);
  };
  const filter = (id: string) => setParams(id ? { material: id } : {});

  const list = materials.state === 'done' ? materials.value : [];
  return (
    <Page title="My questions" wide>
      <p className="muted">Questions written for you alone from your own notes: practise them now, and they come back in your reviews.</p>
      <div className="study-set-layout">
        <div className="study-set-side">
          {materials.state === 'failed' ? <p className="error" role="alert">{materials.message}</p> : <MyMaterials materials={list} onChange={changed} />}
          <QuestionForm materials={list} />
        </div>
        <section aria-labelledby="set-title" className="study-set-main">
          <div className="panel-head">
            <h2 id="set-title" className="section-title">My study set</h2>
            {(list.length > 1 || materialId) && (
              <Field label="Questions of" className="inline-field">
                {(id) => (
                  <select id={id} value={materialId ?? ''} onChange={(e) => filter(e.target.value)}>
                    <option value="">all my materials</option>
                    {list.map((m) => <option key={m.id} value={m.id}>{m.title}</option>)}
                  </select>
                )}
              </Field>
            )}
          </div>
          {error && <p className="error" role="alert">{error}</p>}
          {set.state === 'failed' && <p className="error" role="alert">{set.message}</p>}
          {set.state === 'done' && (set.value.total === 0 ? (
            <div className="panel empty-set">
              <p><strong>{materialId ? 'No questions of this material yet.' : 'No questions yet.'}</strong></p>
              <ol>
                <li>Add your notes: typed, a text or Markdown file, or a PDF.</li>
                <li>Ask for questions on a topic, at your level.</li>
                <li>Practise them at once; the ones you miss come back in your reviews.</li>
              </ol>
            </div>
          ) : (
            <>
              <div className="toolbar">
                <span data-testid="set-count">{count(set.value.total, 'question')}</span>
                <button type="button" className="button small-button" onClick={() => void practise()}>Practise {materialId ? 'these' : 'them'}</button>
                <button type="button" className="button secondary small-button" onClick={() => void exportForAnki()}>Export for Anki</button>
              </div>
              <ol className="my-questions">
                {set.value.items.map((q, i) => <MyQuestion key={`${q.id}-${q.version}-${q.state}`} question={q} position={page * PAGE + i + 1} onChange={changed} />)}
              </ol>
              <Pager page={page} hasNext={(page + 1) * PAGE < set.value.total} onPage={(p) => setParams({ ...(materialId ? { material: materialId } : {}), page: String(p) })} />
            </>
          ))}
        </section>
      </div>
    </Page>
  );
}
