/** Describe an open IndexedDB database (stores, key paths, indexes) and its records, for schema fixtures. */
export interface DbDump {
  version: number;
  stores: Record<string, { keyPath: string | string[] | null; autoIncrement: boolean; indexes: Record<string, { keyPath: string | string[]; unique: boolean; multiEntry: boolean }>; records: { key: IDBValidKey; value: unknown }[] }>;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

export async function dumpDatabase(db: IDBDatabase): Promise<DbDump> {
  const dump: DbDump = { version: db.version, stores: {} };
  for (const name of [...db.objectStoreNames].sort()) {
    const store = db.transaction(name).objectStore(name);
    const indexes: DbDump['stores'][string]['indexes'] = {};
    for (const indexName of [...store.indexNames].sort()) {
      const index = store.index(indexName);
      indexes[indexName] = { keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
    }
    const keys = await request(store.getAllKeys());
    const values = await request(store.getAll());
    dump.stores[name] = { keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes, records: keys.map((key, i) => ({ key, value: values[i] })) };
  }
  return dump;
}

/** Recreate a database exactly as a fixture describes it (used to start migration tests from an old version). */
export async function restoreDatabase(name: string, dump: DbDump): Promise<void> {
  const open = indexedDB.open(name, dump.version);
  open.onupgradeneeded = () => {
    const db = open.result;
    for (const [storeName, store] of Object.entries(dump.stores)) {
      const created = db.createObjectStore(storeName, { keyPath: store.keyPath, autoIncrement: store.autoIncrement });
      for (const [indexName, index] of Object.entries(store.indexes)) created.createIndex(indexName, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
      for (const record of store.records) {
        if (store.keyPath === null) created.put(record.value, record.key);
        else created.put(record.value);
      }
    }
  };
  const db = await request(open);
  db.close();
}
