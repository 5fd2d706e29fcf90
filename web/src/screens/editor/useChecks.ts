import { useEffect, useState } from 'react';
import { authoring, full, type Full } from '../../api/client';
import type { components } from '../../api/generated/authoring';
import type { Draft } from './content';

export type Finding = Full<components['schemas']['Finding']>;
export type Checks = { state: 'checking' | 'done' | 'failed'; findings: Finding[]; valid?: boolean };

const PAUSE_MS = 400;

/** The server's item-writing checks on the draft as it stands, run again a moment after the author stops typing. */
export function useChecks(draft: Draft): Checks {
  const [checks, setChecks] = useState<Checks>({ state: 'checking', findings: [] });
  const { stem, leadIn, options, keyIndex, rationale, difficultyLevel } = draft;
  const key = JSON.stringify([stem, leadIn, options.map((o) => o.text), keyIndex, rationale, difficultyLevel]);
  useEffect(() => {
    let current = true;
    setChecks((c) => ({ ...c, state: 'checking' }));
    const timer = setTimeout(() => {
      full(authoring.POST('/api/v1/authoring/items/checks', {
        body: { stem, leadIn, rationale, difficultyLevel, options: options.map((o, i) => ({ text: o.text, correct: i === keyIndex })) },
      })).then(({ data }) => {
        if (current) setChecks(data ? { state: 'done', findings: data.findings, valid: data.valid } : { state: 'failed', findings: [] });
      }, () => current && setChecks({ state: 'failed', findings: [] }));
    }, PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key]);
  return checks;
}
