import { useLayoutEffect, useRef } from 'react';
import { Markdown } from './Markdown';
import { applyHighlights, type Range } from '../screens/test/highlights';

export interface Option {
  label: string;
  text: string;
  correct?: boolean;
  explanation?: string | null;
}

export interface ItemViewProps {
  stem: string;
  leadIn?: string | null;
  options: Option[];
  selected?: string | null;
  struck?: string[];
  highlights?: Range[];
  /** after the answer (tutor) or the end (exam): the key, per-option explanations and the rationale */
  revealed?: { correctLabel?: string | null; rationale?: string | null } | null;
  disabled?: boolean;
  onSelect?: (label: string) => void;
  onStrike?: (label: string) => void;
  stemRef?: React.Ref<HTMLDivElement>;
}

/**
 * One item exactly as a student sees it: the vignette, the lead-in, the options A–E. The same component shows an
 * author's preview, a test in progress and the review after it.
 */
export function ItemView({ stem, leadIn, options, selected, struck = [], highlights = [], revealed, disabled, onSelect, onStrike, stemRef }: ItemViewProps) {
  const stemBox = useRef<HTMLDivElement | null>(null);
  const highlightKey = highlights.map((h) => `${h.start}-${h.end}`).join(',');
  useLayoutEffect(() => {
    if (stemBox.current) applyHighlights(stemBox.current, highlights);
    // the stem is rendered afresh (its key) whenever the highlights change, so they are applied once to a clean copy
  }, [stem, highlightKey]);
  return (
    <article className="item">
      <Markdown
        source={stem}
        className="stem"
        ref={(node) => {
          stemBox.current = node;
          if (typeof stemRef === 'function') stemRef(node);
          else if (stemRef) (stemRef as React.MutableRefObject<HTMLDivElement | null>).current = node;
        }}
        key={`${stem}:${highlightKey}`}
      />
      {leadIn && <p className="lead-in">{leadIn}</p>}
      <fieldset className="options" disabled={disabled}>
        <legend className="visually-hidden">Answer options</legend>
        {options.map((o) => {
          const isStruck = struck.includes(o.label);
          const verdict = revealed?.correctLabel ? (o.label === revealed.correctLabel ? 'key' : o.label === selected ? 'wrong' : '') : '';
          return (
            <div key={o.label} className={`option ${isStruck ? 'struck' : ''} ${verdict} ${o.label === selected ? 'selected' : ''}`}>
              <label>
                <input type="radio" name="answer" value={o.label} checked={o.label === selected} onChange={() => onSelect?.(o.label)} />
                <span className="letter" aria-hidden="true">{o.label}</span>
                <span className="text">{o.text}</span>
              </label>
              {onStrike && !revealed && (
                <button type="button" className="strike" aria-pressed={isStruck} aria-label={`Strike out option ${o.label}`}
                  title="Strike out (right-click the option too)" onClick={() => onStrike(o.label)}>
                  S
                </button>
              )}
              {revealed && o.explanation && <Markdown source={o.explanation} className="explanation" />}
            </div>
          );
        })}
      </fieldset>
      {revealed?.rationale && (
        <section className="rationale" aria-label="Explanation">
          <h3>Explanation</h3>
          <Markdown source={revealed.rationale} />
        </section>
      )}
    </article>
  );
}
