import { CACHE_TABLES, type CacheTableName, type KamerlensDB } from './schema';

/**
 * "Cache wissen": empties the cache tables, named one by one (CACHE_TABLES), in one transaction, and answers which
 * it emptied. Notes are in USER_TABLES and are not in the transaction at all, so no bug here can reach them; what is
 * gone refills from the services as pages ask for it.
 */
export async function clearCache(db: KamerlensDB): Promise<CacheTableName[]> {
  const tables = CACHE_TABLES.map((name) => db.table(name));
  await db.transaction('rw', tables, async () => {
    for (const table of tables) await table.clear();
  });
  return [...CACHE_TABLES];
}
