/** Append-only typed arrays that double their capacity: the building blocks of the compact population and buckets. */

type TypedArray = Int32Array | Int16Array | Uint8Array | Float32Array | Float64Array | Uint32Array;
type TypedArrayConstructor<T extends TypedArray> = new (length: number) => T;

export class Growable<T extends TypedArray> {
  private data: T;
  length = 0;

  constructor(
    private readonly ctor: TypedArrayConstructor<T>,
    initialCapacity = 1024,
  ) {
    this.data = new ctor(Math.max(16, initialCapacity));
  }

  push(value: number): number {
    if (this.length === this.data.length) {
      const bigger = new this.ctor(this.data.length * 2);
      bigger.set(this.data as never);
      this.data = bigger;
    }
    this.data[this.length] = value;
    this.length += 1;
    return this.length - 1;
  }

  get(index: number): number {
    return this.data[index] as number;
  }

  set(index: number, value: number): void {
    this.data[index] = value;
  }

  clear(): void {
    this.length = 0;
  }

  /** A trimmed copy. */
  toArray(): T {
    const out = new this.ctor(this.length);
    out.set(this.data.subarray(0, this.length) as never);
    return out;
  }

  /** A view of the filled part (valid until the next push). */
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
}
