import { useState, type RefObject } from 'react';
import { Dialog, Label, Popover, Radio, RadioGroup } from 'react-aria-components';
import { applyDisplay, loadDisplay, type Display } from './display';

/** The display menu's choices, under its button. */
export default function DisplayPanel({ triggerRef, onClose }: { triggerRef: RefObject<HTMLButtonElement | null>; onClose: () => void }) {
  const [display, setDisplay] = useState<Display>(() => loadDisplay());
  const change = (next: Display) => {
    applyDisplay(next);
    setDisplay(next);
  };
  return (
    <Popover triggerRef={triggerRef} isOpen onOpenChange={(isOpen) => !isOpen && onClose()} placement="bottom end" offset={6}>
      <Dialog className="display-menu" aria-label="Display">
        <RadioGroup className="choices" value={display.theme} onChange={(theme) => change({ ...display, theme: theme as Display['theme'] })}>
          <Label>Contrast</Label>
          <Radio value="standard" className="choice">Standard</Radio>
          <Radio value="contrast" className="choice">High contrast</Radio>
        </RadioGroup>
        <RadioGroup className="choices" value={display.text} onChange={(text) => change({ ...display, text: text as Display['text'] })}>
          <Label>Text size</Label>
          <Radio value="normal" className="choice">Normal</Radio>
          <Radio value="large" className="choice">Large</Radio>
          <Radio value="larger" className="choice">Larger</Radio>
        </RadioGroup>
      </Dialog>
    </Popover>
  );
}
