/**
 * A map of computed values that forgets everything once it holds `max` entries: for values that
 * repeat (name words, statement texts) where a miss only costs the computation again, memory
 * stays bounded whatever the input.
 */
export function boundedCache<K, V>(max: number) {
  const entries = new Map<K, V>();
  return (key: K, compute: () => V): V => {
    let value = entries.get(key);
    if (value === undefined) {
      value = compute();
      if (entries.size >= max) entries.clear();
      entries.set(key, value);
    }
    return value;
  };
}
