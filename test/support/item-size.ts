import type { LocalIndexDefinition } from '../../shared/adapters/dynamo/table-definition';

/**
 * An item's size as DynamoDB bills it (the documented rules: names and values
 * in UTF-8, numbers by significant digits, 3 bytes per map or list plus 1 per
 * element). DynamoDB Local's ConsumedCapacity for transactions is not item
 * by item (it reports 4 units for one, two or three small Puts, 8 + 4 for
 * two small Puts one of which carries a local index key), so the write cost
 * is checked from the items themselves as well.
 */
export function itemSizeBytes(item: Record<string, unknown>): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) {
    if (value === undefined) continue;
    size += utf8(name) + valueSize(value);
  }
  return size;
}

/** Write units of a transactional write of these items: 2 per started KB of each item. */
export function transactionWriteUnits(items: readonly Record<string, unknown>[]): number {
  return items.reduce((units, item) => units + 2 * Math.max(1, Math.ceil(itemSizeBytes(item) / 1024)), 0);
}

/**
 * The size of the entry a local secondary index keeps for `item`, by the
 * documented rule: the table's key, the index's sort key and the projected
 * attributes, plus 100 bytes of overhead. 0 when the item lacks the index key
 * (sparse: nothing is written to the index).
 */
export function localIndexEntryBytes(item: Record<string, unknown>, index: LocalIndexDefinition): number {
  if (item[index.sortKey] === undefined) return 0;
  const names = ['pk', 'sk', index.sortKey, ...index.projectedAttributes];
  const entry = Object.fromEntries(names.filter((n) => item[n] !== undefined).map((n) => [n, item[n]]));
  return itemSizeBytes(entry) + 100;
}

/**
 * Write units of the index entries a transactional write of `items` adds, at
 * the transactional rate (2 per started KB). AWS documents that rate for the
 * table's items; charging it for index entries too is the upper bound.
 */
export function localIndexWriteUnits(
  items: readonly Record<string, unknown>[],
  index: LocalIndexDefinition,
): number {
  return items.reduce((units, item) => {
    const bytes = localIndexEntryBytes(item, index);
    return units + (bytes === 0 ? 0 : 2 * Math.ceil(bytes / 1024));
  }, 0);
}

function valueSize(value: unknown): number {
  if (value === null || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return utf8(value);
  if (typeof value === 'number') return numberSize(value);
  if (Array.isArray(value))
    return 3 + value.reduce((sum: number, element) => sum + 1 + valueSize(element), 0);
  if (typeof value === 'object') {
    let size = 3;
    for (const [name, element] of Object.entries(value)) {
      if (element === undefined) continue;
      size += 1 + utf8(name) + valueSize(element);
    }
    return size;
  }
  throw new Error(`no DynamoDB size rule for a ${typeof value}`);
}

function numberSize(value: number): number {
  const digits = Math.abs(value).toExponential().replace(/e.*$/, '').replace('.', '').replace(/^0+/, '');
  return Math.min(21, Math.ceil(Math.max(1, digits.length) / 2) + 1);
}

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');
