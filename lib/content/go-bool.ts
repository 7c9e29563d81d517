/**
 * A front-matter flag as Hugo reads it: a boolean as it is, and text the way Go's
 * strconv.ParseBool reads it (`true`, `T`, `1`...). Undefined for anything else.
 */
export function goBool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  return GO_BOOLEANS.get(String(value).trim());
}

const GO_BOOLEANS = new Map<string, boolean>([
  ...['1', 't', 'T', 'TRUE', 'true', 'True'].map((value): [string, boolean] => [value, true]),
  ...['0', 'f', 'F', 'FALSE', 'false', 'False'].map((value): [string, boolean] => [value, false]),
]);
