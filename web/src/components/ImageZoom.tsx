import { useState } from 'react';
import { Button, Dialog, Heading, Modal } from 'react-aria-components';

const SCALES = [1, 1.5, 2, 3, 4];

/** An item's image enlarged over the page, with zoom steps; the image scrolls when it outgrows the screen. */
export function ImageZoom({ src, alt, onClose }: { src: string; alt: string; onClose: () => void }) {
  const [step, setStep] = useState(0);
  const scale = SCALES[step]!;
  return (
    <Modal isDismissable isOpen onOpenChange={(open) => !open && onClose()} className="modal">
      <Dialog className="dialog zoom-dialog">
        <div className="zoom-bar">
          <Heading slot="title">{alt}</Heading>
          <span className="zoom-tools">
            <Button className="button secondary small-button" isDisabled={step === 0} onPress={() => setStep(step - 1)} aria-label="Zoom out">−</Button>
            <output aria-live="polite" data-testid="zoom-level">{Math.round(scale * 100)} %</output>
            <Button className="button secondary small-button" isDisabled={step === SCALES.length - 1} onPress={() => setStep(step + 1)} aria-label="Zoom in">+</Button>
            <Button className="button small-button" onPress={onClose}>Close</Button>
          </span>
        </div>
        <div className="zoom-frame" tabIndex={0} role="region" aria-label="The image: scroll with the arrow keys">
          <img src={src} alt={alt} style={{ width: `${scale * 100}%` }} />
        </div>
      </Dialog>
    </Modal>
  );
}
