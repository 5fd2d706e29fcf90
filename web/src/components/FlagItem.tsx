import { useState } from 'react';
import { FLAG_REASONS, type FlagReason } from './flagReasons';
import { Button, Dialog, Heading, Label, Modal, Radio, RadioGroup, TextArea, TextField } from 'react-aria-components';

/** What sending a flag came to: null when it was taken, else the server's words. */
export type SendFlag = (reason: FlagReason, comment: string | null) => Promise<string | null>;

/** "Report a problem" with an item: a reason and a comment for its authors; once sent, says so instead. */
export function FlagItem({ send, what = 'this item', sentNote = 'The authors will look at it.' }: { send: SendFlag; what?: string; sentNote?: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<FlagReason | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<FlagReason | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    if (!reason) return setError('Choose what is wrong.');
    setBusy(true);
    const problem = await send(reason, comment.trim() || null);
    setBusy(false);
    if (problem) return setError(problem);
    setSent(reason);
    setOpen(false);
  }

  if (sent) {
    return <p className="flagged small" role="status">Reported: {FLAG_REASONS.find((r) => r.value === sent)?.label.toLowerCase()}. {sentNote}</p>;
  }
  return (
    <>
      <button type="button" className="button secondary small-button" onClick={() => setOpen(true)}>Report a problem</button>
      <Modal isDismissable isOpen={open} onOpenChange={setOpen} className="modal">
        <Dialog className="dialog">
          <Heading slot="title">Report a problem with {what}</Heading>
          <RadioGroup className="choices" value={reason} onChange={(v) => { setReason(v as FlagReason); setError(null); }} aria-label="What is wrong?">
            <Label>What is wrong?</Label>
            {FLAG_REASONS.map((r) => <Radio key={r.value} value={r.value} className="choice">{r.label}</Radio>)}
          </RadioGroup>
          <TextField className="note" value={comment} onChange={setComment} maxLength={2000}>
            <Label>What should the authors know? (optional)</Label>
            <TextArea rows={3} />
          </TextField>
          {error && <p className="error" role="alert">{error}</p>}
          <div className="dialog-actions">
            <Button className="button secondary" onPress={() => setOpen(false)}>Cancel</Button>
            <Button className="button" isDisabled={busy} onPress={() => void submit()}>Send the report</Button>
          </div>
        </Dialog>
      </Modal>
    </>
  );
}
