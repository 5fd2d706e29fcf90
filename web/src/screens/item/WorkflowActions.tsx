import { useState } from 'react';
import { authoring, full, messageOf } from '../../api/client';
import type { Item } from './ItemScreen';

type Action = 'submit' | 'approve' | 'request_changes' | 'publish' | 'retire' | 'discard';

const DONE: Record<Action, string> = {
  submit: 'Submitted for review.', approve: 'Approved.', request_changes: 'Sent back to the author with your comment.',
  publish: 'Published.', retire: 'Retired: students are no longer served it.', discard: 'Discarded: it has left the review queue.',
};

/** The workflow steps the user's roles allow from the newest version's state, and nothing else. */
export function WorkflowActions({ item, onDone }: { item: Item; onDone: (message: string) => void }) {
  const allowed = new Set(item.allowedActions as Action[]);
  const [comment, setComment] = useState('');
  const [examCodes, setExamCodes] = useState(item.examCodes.join(', '));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!allowed.size) {
    return <p className="muted small" data-testid="no-actions">{item.latest.state === 'in_review' ? 'Waiting for a publisher’s review.' : 'No workflow step is yours to take now.'}</p>;
  }

  const act = async (action: Action) => {
    setError(null);
    if (action === 'request_changes' && !comment.trim()) return setError('Say what should change: the author sees your comment.');
    const codes = examCodes.split(/[\s,]+/).map((c) => c.trim().toUpperCase()).filter(Boolean);
    if (action === 'publish' && !codes.length) return setError('Name at least one exam code to publish to.');
    setBusy(true);
    const path = { itemId: item.id, version: action === 'retire' ? (item.liveVersion ?? item.latestVersion) : item.latestVersion };
    const answer = action === 'publish'
      ? await full(authoring.POST('/api/v1/authoring/items/{itemId}/versions/{version}/publication', { params: { path }, body: { examCodes: codes, comment: comment.trim() || undefined } }))
      : await full(authoring.POST('/api/v1/authoring/items/{itemId}/versions/{version}/transitions', { params: { path }, body: { action, comment: comment.trim() || undefined } }));
    setBusy(false);
    if (!answer.data) return setError(messageOf(answer.error, answer.response));
    setComment('');
    onDone(action === 'publish' ? `Version ${item.latestVersion} published to ${codes.join(', ')}.` : DONE[action]);
  };

  return (
    <div className="workflow">
      <label className="field">
        <span>Comment{allowed.has('request_changes') ? ' (what should change, when sending back)' : ' for the audit trail'}</span>
        <textarea rows={3} value={comment} maxLength={2000} onChange={(e) => setComment(e.target.value)} />
      </label>
      {allowed.has('publish') && (
        <label className="field">
          <span>Exam codes to publish to</span>
          <input value={examCodes} onChange={(e) => setExamCodes(e.target.value.toUpperCase())} placeholder="STEP1, STEP2CK" />
        </label>
      )}
      <div className="form-actions">
        {allowed.has('submit') && <button type="button" className="button" disabled={busy} onClick={() => void act('submit')}>Submit for review</button>}
        {allowed.has('approve') && <button type="button" className="button" disabled={busy} onClick={() => void act('approve')}>Approve</button>}
        {allowed.has('request_changes') && <button type="button" className="button secondary" disabled={busy} onClick={() => void act('request_changes')}>Send back</button>}
        {allowed.has('publish') && <button type="button" className="button" disabled={busy} onClick={() => void act('publish')}>Publish</button>}
        {allowed.has('retire') && <button type="button" className="button danger" disabled={busy} onClick={() => void act('retire')}>Retire</button>}
        {allowed.has('discard') && <button type="button" className="button secondary" disabled={busy} onClick={() => void act('discard')}>Discard draft</button>}
      </div>
      {error && <p className="error" role="alert">{error}</p>}
    </div>
  );
}
