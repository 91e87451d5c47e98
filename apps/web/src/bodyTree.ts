import type { Organisation } from '@nianbao/api';

/**
 * The bodies as a tree below the administrator's own, each with its depth: one's own first, each
 * followed by those below it (a province has thousands, so children are grouped once).
 */
export function bodyOptions(orgs: Organisation[], rootId: number): { org: Organisation; depth: number }[] {
  const children = new Map<number, Organisation[]>();
  for (const o of orgs) {
    if (o.parentId === null) continue;
    const siblings = children.get(o.parentId);
    if (siblings) siblings.push(o);
    else children.set(o.parentId, [o]);
  }
  const out: { org: Organisation; depth: number }[] = [];
  const seen = new Set<number>();
  const visit = (org: Organisation, depth: number) => {
    if (seen.has(org.id)) return;
    seen.add(org.id);
    out.push({ org, depth });
    for (const child of children.get(org.id) ?? []) visit(child, depth + 1);
  };
  const root = orgs.find((o) => o.id === rootId);
  if (root) visit(root, 0);
  return out;
}
