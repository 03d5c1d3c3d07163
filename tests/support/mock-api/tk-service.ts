import { errorResponse } from './odata/errors';
import { createODataHandler, notFound } from './odata/handler';
import {
  parseTkSchemaChange,
  TK_ROOTS,
  TK_SETTINGS,
  type TkDrop,
  type TkSchema,
  type TkSchemaChange,
  type TkVersion,
  tkVersionStore,
} from './tk-versions';
import type { MockHandler } from './types';

/**
 * The mock Tweede Kamer OData host: one OData service per running API version, each at its own root, chosen by
 * path. Which versions run and which properties are dropped can change while the server runs (for e2e tests of a
 * schema change); a path under no running version's root answers the OData 404 the real server gives for unknown
 * paths, so the retired `/OData/v4/2.0` looks as it does in production when only v5 runs.
 */
export class TkService {
  private schema: TkSchema;
  private handlers = new Map<TkVersion, MockHandler>();

  constructor(private readonly defaults: TkSchema) {
    this.schema = copy(defaults);
    this.build();
  }

  /** The schema in force (a copy). */
  snapshot(): TkSchema {
    return copy(this.schema);
  }

  /** Applies a change (validated like the control endpoint's body); throws on an invalid one. */
  set(change: TkSchemaChange): TkSchema {
    const parsed = parseTkSchemaChange(change);
    if (typeof parsed === 'string') throw new Error(`mock API: ${parsed}`);
    this.schema = {
      versions: parsed.versions ?? this.schema.versions,
      drop: parsed.drop ?? this.schema.drop,
    };
    this.build();
    return this.snapshot();
  }

  /** Back to the schema the server started with. */
  reset(): void {
    this.schema = copy(this.defaults);
    this.build();
  }

  private build(): void {
    const handlers = new Map<TkVersion, MockHandler>();
    for (const version of this.schema.versions) {
      handlers.set(
        version,
        createODataHandler(tkVersionStore(version, this.schema.drop), TK_ROOTS[version], TK_SETTINGS[version]),
      );
    }
    this.handlers = handlers;
  }

  readonly handle: MockHandler = (url, req) => {
    const path = url.pathname.toLowerCase();
    for (const [version, handler] of this.handlers) {
      const root = TK_ROOTS[version].toLowerCase();
      if (path === root || path.startsWith(`${root}/`)) return handler(url, req);
    }
    return errorResponse(404, notFound(url).message);
  };
}

function copy(schema: TkSchema): TkSchema {
  const drop: TkDrop = {};
  for (const [type, names] of Object.entries(schema.drop)) drop[type] = [...names];
  return { versions: [...schema.versions], drop };
}
