/** The shape a value takes on the wire: dates become ISO 8601 strings, the rest stays. */
export type Jsonified<T> = T extends string | number | boolean | null | undefined
  ? T
  : T extends Date
    ? string
    : T extends ReadonlyArray<infer U>
      ? Array<Jsonified<U>>
      : T extends object
        ? { [K in keyof T]: Jsonified<T[K]> }
        : T;

export function jsonify<T>(value: T): Jsonified<T> {
  return JSON.parse(JSON.stringify(value)) as Jsonified<T>;
}
