import type { GiosgRoom } from './giosg-api.js';

/**
 * Reads a list of giosg rooms from untyped data (the `vendor.giosg.rooms` bag): at least one room, each exactly
 * `{ id }` or `{ name }` with a non-empty string. Returns fresh room objects, or `undefined` when the value is not
 * such a list.
 *
 * @remarks
 * Plain code on purpose: the translation runs in the browser path, which carries no zod. It accepts exactly what
 * `z.array(GiosgRoomSchema).check(z.minLength(1))` accepts; a test holds the two together.
 */
export function readGiosgRooms(value: unknown): GiosgRoom[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const rooms: GiosgRoom[] = [];
  for (const item of value as unknown[]) {
    const room = readGiosgRoom(item);
    if (room === undefined) return undefined;
    rooms.push(room);
  }
  return rooms;
}

function readGiosgRoom(value: unknown): GiosgRoom | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const [key] = keys;
  const text = (value as Record<string, unknown>)[key as string];
  if (typeof text !== 'string' || text.length === 0) return undefined;
  if (key === 'id') return { id: text };
  if (key === 'name') return { name: text };
  return undefined;
}
