/**
 * The billable ICD-10-CM codes under a header, per release: each document's billable codes kept
 * sorted, so the codes under "M54.5" are one binary search and a short walk (M54.50, M54.51,
 * M54.59). ICD-10-CM codes put the dot after the category, so a prefix is a subtree.
 */
export class CodesUnder {
  private readonly pending = new Map<number, string[]>();
  private sorted = true;

  add(documentId: number, code: string): void {
    const list = this.pending.get(documentId);
    if (list) list.push(code);
    else this.pending.set(documentId, [code]);
    this.sorted = false;
  }

  under(documentId: number, header: string): string[] {
    if (!this.sorted) {
      for (const list of this.pending.values()) list.sort();
      this.sorted = true;
    }
    const list = this.pending.get(documentId) ?? [];
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (list[mid]! < header) low = mid + 1;
      else high = mid;
    }
    const out: string[] = [];
    for (let i = low; i < list.length && list[i]!.startsWith(header); i++) {
      if (list[i] !== header) out.push(list[i]!);
    }
    return out;
  }
}
