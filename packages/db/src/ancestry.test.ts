import { Migrator, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CycleError,
  createOrganisation,
  type Db,
  isWithin,
  migrateToLatest,
  migrations,
  seedSubordinates,
  subtreeIds,
  updateOrganisation,
} from './index.ts';
import { createTestDatabase, type TestDatabase } from './testing/index.ts';

let test: TestDatabase;
let db: Db;
beforeEach(async () => {
  test = await createTestDatabase();
  db = await test.open();
});
afterEach(async () => {
  await db.destroy();
  await test.drop();
});

/** Every ancestry row as `ancestor>descendant@depth`, sorted: the whole closure table at a glance. */
async function ancestry(of: Db): Promise<string[]> {
  const rows = await of.selectFrom('organisation_tree').selectAll().execute();
  return rows.map((r) => `${r.ancestor_id}>${r.descendant_id}@${Number(r.depth)}`).sort();
}

describe("each body's ancestry (organisation_tree)", () => {
  it('is filled by the migration for the bodies of an existing database', async () => {
    const fresh = await createTestDatabase();
    const old = await fresh.open({ migrate: false });
    try {
      const before = Object.keys(migrations).filter((name) => name < '0008');
      const migrator = new Migrator({ db: old, provider: { getMigrations: async () => migrations } });
      expect((await migrator.migrateTo(before.at(-1)!)).error).toBeUndefined();
      // 1 省 → 2 市 → 3 县, and 4 on its own.
      for (const [name, parent] of [
        ['省', null],
        ['市', 1],
        ['县', 2],
        ['别处', null],
      ] as const)
        await sql`insert into organisations (name_zh, parent_id, created_at) values (${name}, ${parent}, '2021-01-01T00:00:00.000Z')`.execute(
          old,
        );
      expect(await migrateToLatest(old as never)).toContain('0008_organisation_tree');
      expect(await ancestry(old)).toEqual(
        ['1>1@0', '1>2@1', '1>3@2', '2>2@0', '2>3@1', '3>3@0', '4>4@0'].sort(),
      );
    } finally {
      await old.destroy();
      await fresh.drop();
    }
  });

  it('links a new body below every ancestor of its parent', async () => {
    const province = await createOrganisation(db, { nameZh: '省' });
    const city = await createOrganisation(db, { nameZh: '市', parentId: province.id });
    const county = await createOrganisation(db, { nameZh: '县', parentId: city.id });
    expect(await subtreeIds(db, province.id)).toEqual([province.id, city.id, county.id]);
    expect(await isWithin(db, province.id, county.id)).toBe(true);
    expect(await isWithin(db, county.id, province.id)).toBe(false);
    const [a, b] = await seedSubordinates(db, { parentId: county.id, count: 30, fanout: 5, prefix: '乡' });
    // 5 below the county, 25 below those: depth 2 and 3 from the city.
    const depths = await db
      .selectFrom('organisation_tree')
      .select((eb) => ['depth', eb.fn.countAll<number>().as('n')])
      .where('ancestor_id', '=', city.id)
      .groupBy('depth')
      .orderBy('depth')
      .execute();
    expect(depths.map((d) => [Number(d.depth), Number(d.n)])).toEqual([
      [0, 1],
      [1, 1],
      [2, 5],
      [3, 25],
    ]);
    expect(await isWithin(db, province.id, a!)).toBe(true);
    expect(await isWithin(db, b!, a!)).toBe(false);
  });

  it('moves a body with its whole subtree to another parent, and refuses a move below itself', async () => {
    const a = await createOrganisation(db, { nameZh: '甲' });
    const b = await createOrganisation(db, { nameZh: '乙', parentId: a.id });
    const c = await createOrganisation(db, { nameZh: '丙', parentId: b.id });
    const d = await createOrganisation(db, { nameZh: '丁' });
    expect((await updateOrganisation(db, b.id, { parentId: d.id }))!.parent_id).toBe(d.id);
    expect(await subtreeIds(db, d.id)).toEqual([d.id, b.id, c.id]);
    expect(await subtreeIds(db, a.id)).toEqual([a.id]);
    const { depth } = await db
      .selectFrom('organisation_tree')
      .select('depth')
      .where('ancestor_id', '=', d.id)
      .where('descendant_id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(Number(depth)).toBe(2);

    const before = await ancestry(db);
    await expect(updateOrganisation(db, d.id, { parentId: c.id })).rejects.toBeInstanceOf(CycleError);
    await expect(updateOrganisation(db, b.id, { parentId: b.id, nameZh: '改名' })).rejects.toBeInstanceOf(
      CycleError,
    );
    expect(await ancestry(db)).toEqual(before);
    expect(
      (await db.selectFrom('organisations').select('name_zh').where('id', '=', b.id).executeTakeFirst())!
        .name_zh,
    ).toBe('乙');

    // To the top: the subtree keeps its own rows and leaves every former ancestor.
    await updateOrganisation(db, b.id, { parentId: null });
    expect(await subtreeIds(db, d.id)).toEqual([d.id]);
    expect(await subtreeIds(db, b.id)).toEqual([b.id, c.id]);
    expect(await isWithin(db, d.id, c.id)).toBe(false);
  });
});
