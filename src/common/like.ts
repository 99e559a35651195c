/** `%` and `_` in a search term are letters, not wildcards (for `LIKE … ESCAPE '\'`, PostgreSQL's default). */
export const escapeLike = (term: string): string => term.replace(/[\\%_]/g, (c) => `\\${c}`);
