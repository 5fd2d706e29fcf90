import { LAB_VALUES } from './labValues';

export function LabValuesPanel({ onClose }: { onClose: () => void }) {
  return (
    <aside className="labs" aria-label="Lab values">
      <header>
        <h2>Lab values</h2>
        <button type="button" className="tool" onClick={onClose} aria-label="Close the lab values">✕</button>
      </header>
      {LAB_VALUES.map((g) => (
        <table key={g.group}>
          <caption>{g.group}</caption>
          <tbody>
            {g.rows.map(([name, conventional, si]) => (
              <tr key={name}><th scope="row">{name}</th><td>{conventional}</td><td>{si}</td></tr>
            ))}
          </tbody>
        </table>
      ))}
    </aside>
  );
}
