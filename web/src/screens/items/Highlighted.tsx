import { markMatches } from './match';

/** Text with the searched words marked. */
export function Highlighted({ text, stems }: { text: string; stems: string[] }) {
  return (
    <>
      {markMatches(text, stems).map((s, i) => (s.match ? <mark key={i} className="match">{s.text}</mark> : s.text))}
    </>
  );
}
