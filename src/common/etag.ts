/** `ETag` value of a resource version (strong: versions change with every accepted event). */
export const etagOf = (version: number): string => `"${version}"`;
