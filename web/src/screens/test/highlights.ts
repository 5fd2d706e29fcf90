/** A highlighted range of an element's text: character offsets, start inclusive, end exclusive. */
export interface Range {
  start: number;
  end: number;
}

function textNodes(root: Node): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

/** Wraps each range of the element's text in <mark class="highlight">, across element boundaries. */
export function applyHighlights(root: HTMLElement, ranges: Range[]) {
  for (const range of [...ranges].sort((a, b) => b.start - a.start)) {
    let offset = 0;
    for (const node of textNodes(root)) {
      const length = node.data.length;
      const from = Math.max(range.start - offset, 0);
      const to = Math.min(range.end - offset, length);
      offset += length;
      if (from >= to) continue;
      const middle = node.splitText(from);
      middle.splitText(to - from);
      const mark = document.createElement('mark');
      mark.className = 'highlight';
      mark.dataset.start = String(range.start);
      middle.parentNode!.replaceChild(mark, middle);
      mark.appendChild(middle);
    }
  }
}

/** The current selection as a range of the element's text, or null when nothing of it is selected. */
export function selectedRange(root: HTMLElement): Range | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const r = selection.getRangeAt(0);
  if (!root.contains(r.startContainer) || !root.contains(r.endContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(root);
  before.setEnd(r.startContainer, r.startOffset);
  const start = before.toString().length;
  const end = start + r.toString().length;
  return end > start ? { start, end } : null;
}

/** The ranges with this one added (merged where they overlap), or removed where it hits an existing one. */
export function toggle(ranges: Range[], added: Range): Range[] {
  const merged = [...ranges, added].sort((a, b) => a.start - b.start);
  const out: Range[] = [];
  for (const r of merged) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}
