/** A PostgreSQL identifier (schema, role, database), double-quoted. */
export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** A PostgreSQL string literal, for statements that take no parameters (ALTER ROLE … PASSWORD). */
export const quoteLiteral = (value: string): string => `'${value.replace(/'/g, "''")}'`;
