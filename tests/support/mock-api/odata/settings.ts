import { PAGE_SIZE } from './paging';

/**
 * How one mounted service behaves where OData leaves it to the server: page size, `$top` limit, default order and
 * how date-time literals are read. Each service root (e.g. the TK mock's `/OData/v5` and `/OData/v4/2.0`) has its
 * own; the values for the TK versions live in ../tk-versions.ts.
 */
export interface ServiceSettings {
  /** Rows per server-driven page (top level and inside `$expand`), continued by a skiptoken nextLink. */
  pageSize: number;
  /** Largest `$top` accepted, also inside `$expand(…;$top=…)`; above it a 400 as ASP.NET's `MaxTop` gives. */
  maxTop?: number;
  /**
   * Name of the boolean property that marks deleted rows: when set, rows with it `true` come first in the default
   * order (no `$orderby`), then everything in key order. Unset: key order only.
   */
  deletedFirst?: string;
  /**
   * IANA time zone: a date-time literal written in UTC (`…Z`) is read as wall-clock time in that zone, as a server
   * that drops the zone and compares local times does. Literals with an explicit offset are exact. Unset: exact.
   */
  utcLiteralsAsLocalIn?: string;
}

/** The behaviour the engine had before versions existed (that of the TK API v4/2.0). */
export const DEFAULT_SETTINGS: ServiceSettings = { pageSize: PAGE_SIZE };
