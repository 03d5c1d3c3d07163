import type { MockHandler, MockResponse } from '../types';
import { errorResponse, JSON_CONTENT_TYPE, ODataError } from './errors';
import { contextFragment, queryCollection, writeEntity } from './execute';
import { metadataXml } from './metadata';
import type { Entity, EntityTypeDef } from './model';
import { decodeSkiptoken, nextLink } from './paging';
import { parseUrlOptions } from './query-options';
import { DEFAULT_SETTINGS, type ServiceSettings } from './settings';
import type { EntityStore } from './store';

/**
 * An OData v4 JSON service over an EntityStore, mounted at `serviceRoot` (e.g. `/OData/v5`). Answers the
 * service document, `$metadata`, `/Set`, `/Set/$count`, `/Set(<guid>)` and `/Set(<guid>)/Navigation`. Like the
 * real service it sends no CORS headers, and every failure is an OData error body. `settings` holds what differs
 * between services (page size, `$top` limit, default order, date literals).
 */
export function createODataHandler(
  store: EntityStore,
  serviceRoot: string,
  settings: ServiceSettings = DEFAULT_SETTINGS,
): MockHandler {
  return (url, req) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        throw new ODataError(405, `The requested resource does not support http method '${req.method}'.`);
      }
      return route(store, serviceRoot, settings, url);
    } catch (error) {
      if (error instanceof ODataError) return errorResponse(error.status, error.message);
      return errorResponse(500, `An error has occurred. ${(error as Error).message}`);
    }
  };
}

function json(body: unknown): MockResponse {
  return {
    status: 200,
    headers: { 'content-type': JSON_CONTENT_TYPE, 'odata-version': '4.0' },
    body: JSON.stringify(body),
  };
}

export function notFound(url: URL): ODataError {
  return new ODataError(404, `No HTTP resource was found that matches the request URI '${url.href}'.`);
}

const SEGMENT = /^([A-Za-z_][A-Za-z0-9_]*)(?:\((.*)\))?$/;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

function parseKey(text: string): string {
  const key = text.replace(/^Id=/, '');
  if (!GUID.test(key)) {
    throw new ODataError(
      400,
      `The query specified in the URI is not valid. The key value '(${text})' is not valid; keys are bare GUIDs.`,
    );
  }
  return key.toLowerCase();
}

function route(store: EntityStore, serviceRoot: string, settings: ServiceSettings, url: URL): MockResponse {
  const path = decodeURIComponent(url.pathname);
  if (!path.toLowerCase().startsWith(serviceRoot.toLowerCase())) throw notFound(url);
  const rest = path.slice(serviceRoot.length).replace(/^\/+/, '').replace(/\/+$/, '');
  const base = `${url.origin}${serviceRoot}`;
  if (rest === '') {
    return json({
      '@odata.context': `${base}/$metadata`,
      value: store.types.map((t) => ({ name: t.name, kind: 'EntitySet', url: t.name })),
    });
  }
  if (rest === '$metadata') {
    return {
      status: 200,
      headers: { 'content-type': 'application/xml', 'odata-version': '4.0' },
      body: metadataXml(store),
    };
  }
  const segments = rest.split('/');
  const head = SEGMENT.exec(segments[0] ?? '');
  const type = head ? store.typeForPath(head[1] as string) : undefined;
  if (!head || !type || segments.length > 3) throw notFound(url);
  const keyText = head[2];
  if (keyText === undefined) {
    if (segments.length === 1)
      return collection(store, serviceRoot, settings, type, store.all(type.name), url, `${serviceRoot}/${head[1]}`);
    if (segments.length === 2 && segments[1] === '$count') {
      const options = parseUrlOptions(url.searchParams, store, type, settings);
      const total = queryCollection(store, type, store.all(type.name), {
        ...options,
        top: undefined,
        skip: undefined,
      }).total;
      return {
        status: 200,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'odata-version': '4.0' },
        body: String(total),
      };
    }
    throw notFound(url);
  }
  const entity = store.get(type.name, parseKey(keyText));
  if (!entity) throw notFound(url);
  if (segments.length === 1) return single(store, serviceRoot, settings, type, entity, url);
  const nav = type.navigations.find((n) => n.name === segments[1]);
  if (!nav || segments.length > 2) throw notFound(url);
  const target = store.type(nav.target);
  const related = store.navigate(type.name, entity, nav);
  if (nav.many) return collection(store, serviceRoot, settings, target, related, url, path.replace(/\/+$/, ''));
  const first = related[0];
  if (!first) return { status: 204, body: '' };
  return single(store, serviceRoot, settings, target, first, url);
}

function collection(
  store: EntityStore,
  serviceRoot: string,
  settings: ServiceSettings,
  type: EntityTypeDef,
  entities: Entity[],
  url: URL,
  path: string,
): MockResponse {
  const options = parseUrlOptions(url.searchParams, store, type, settings);
  const offset = options.skiptoken === undefined ? 0 : decodeSkiptoken(options.skiptoken, path, options.raw);
  const page = queryCollection(store, type, entities, options, offset);
  const body: Record<string, unknown> = {};
  if (!options.metadataNone) {
    body['@odata.context'] = `${url.origin}${serviceRoot}/$metadata#${contextFragment(type, options)}`;
  }
  if (options.count) body['@odata.count'] = page.total;
  body.value = page.rows.map((row) => writeEntity(store, type, row, options, url.origin, serviceRoot));
  if (page.nextOffset !== undefined) body['@odata.nextLink'] = nextLink(url.origin, path, options.raw, page.nextOffset);
  return json(body);
}

function single(
  store: EntityStore,
  serviceRoot: string,
  settings: ServiceSettings,
  type: EntityTypeDef,
  entity: Entity,
  url: URL,
): MockResponse {
  const options = parseUrlOptions(url.searchParams, store, type, settings);
  const body: Record<string, unknown> = {};
  if (!options.metadataNone) {
    body['@odata.context'] = `${url.origin}${serviceRoot}/$metadata#${contextFragment(type, options)}/$entity`;
  }
  Object.assign(body, writeEntity(store, type, entity, options, url.origin, serviceRoot));
  return json(body);
}
