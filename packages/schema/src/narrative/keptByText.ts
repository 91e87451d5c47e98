/**
 * Results kept by the text they were computed from, for each owner (a format, last year's report):
 * reading a passage is most of a report's check, and a save usually changes cells, not text. At most
 * `size` texts per owner are kept, the least recently used dropped, so that many or hostile reports
 * cannot grow it without end; an owner that is dropped takes its texts with it.
 */
export function keptByText<Owner extends object, Value>(size: number) {
  const owners = new WeakMap<Owner, Map<string, Value>>();
  return (owner: Owner, text: string, compute: () => Value): Value => {
    const kept = owners.get(owner) ?? new Map<string, Value>();
    owners.set(owner, kept);
    const value = kept.has(text) ? (kept.get(text) as Value) : compute();
    kept.delete(text);
    kept.set(text, value);
    if (kept.size > size) kept.delete(kept.keys().next().value!);
    return value;
  };
}
