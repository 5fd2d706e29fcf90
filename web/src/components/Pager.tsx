/** Previous and next page of a list that knows only whether another page follows. */
export function Pager({ page, hasNext, onPage }: { page: number; hasNext: boolean; onPage: (page: number) => void }) {
  if (page === 0 && !hasNext) return null;
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" className="button secondary" disabled={page === 0} onClick={() => onPage(page - 1)}>Previous</button>
      <span>Page {page + 1}</span>
      <button type="button" className="button secondary" disabled={!hasNext} onClick={() => onPage(page + 1)}>Next</button>
    </nav>
  );
}
