/**
 * Freezes a value and everything reachable from it. A value handed out to more than one caller (a
 * cached reply, a cached rendering) is frozen so that an edit in place fails at once, in tests,
 * instead of silently changing what every later caller sends.
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value) || ArrayBuffer.isView(value)) return value;
  for (const v of Object.values(value)) deepFreeze(v);
  return Object.freeze(value);
}
