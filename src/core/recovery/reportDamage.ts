import { damageFoundByQuery, isSqliteDamage } from './sqliteDamage';

/**
 * Every method of `methods` with SQLite's report of a damaged page turned
 * into a 'damaged' error naming the notebook and what to run, for calls that
 * answer at once and for those that answer later alike.
 */
export function reportingDamage<T extends object>(file: string, methods: T): T {
  const translate = (error: unknown): unknown =>
    isSqliteDamage(error) ? damageFoundByQuery(file, error) : error;
  const wrapped = Object.entries(methods).map(([name, value]) => {
    if (typeof value !== 'function') return [name, value];
    return [
      name,
      (...args: unknown[]) => {
        try {
          const result: unknown = value(...args);
          return result instanceof Promise
            ? result.catch((error: unknown) => Promise.reject(translate(error)))
            : result;
        } catch (error) {
          throw translate(error);
        }
      },
    ];
  });
  return Object.fromEntries(wrapped) as T;
}
