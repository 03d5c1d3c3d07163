import { KOOP_HOST, TK_HOST } from './faults';
import { startMockApi } from './server';
import { parseTkVersions, TK_ROOTS } from './tk-versions';

/**
 * `npm run mock-api [-- --port 8787 --https --https-port 8443 --tk-versions v5,v4]`: runs the mock TK OData and
 * KOOP SRU services for manual testing and for pointing a development build at, until Ctrl+C. The TK mock serves
 * API v5 only unless `--tk-versions` lists v4 (v4/2.0) too.
 */

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const listed = option('--tk-versions');
const tkVersions = listed === undefined ? undefined : parseTkVersions(listed.split(',').map((v) => v.trim()));
if (typeof tkVersions === 'string') {
  console.error(`--tk-versions: ${tkVersions} (e.g. --tk-versions v5,v4)`);
  process.exit(2);
}

const api = await startMockApi({
  port: Number(option('--port') ?? process.env.MOCK_API_PORT ?? 8787),
  https: process.argv.includes('--https'),
  ...(option('--https-port') ? { httpsPort: Number(option('--https-port')) } : {}),
  ...(tkVersions ? { tkVersions } : {}),
});

const control = `http://127.0.0.1:${api.port}/__mock`;
const running = api.tkSchema().versions;
const first = TK_ROOTS[running[0] ?? 'v5'];
const label = (text: string) => `  ${text}`.padEnd(20);
const tkLines = running
  .map(
    (v) =>
      `${label(`TK OData ${v === 'v5' ? 'v5' : 'v4/2.0'}:`)}${v === 'v5' ? api.baseUrl.tkV5 : api.baseUrl.tkV4}/Document?$top=5`,
  )
  .join('\n');
console.log(`Mock APIs running
${tkLines}
${label('KOOP SRU:')}${api.baseUrl.koop}?query=dt.identifier==kst-19637-2375
${label('By host:')}curl -H 'Host: ${TK_HOST}' http://127.0.0.1:${api.port}${first}/Zaak?$top=1${
  api.httpsPort
    ? `\n${label('HTTPS:')}port ${api.httpsPort}, self-signed for ${TK_HOST} and ${KOOP_HOST} (curl -k --resolve ${TK_HOST}:${api.httpsPort}:127.0.0.1 https://${TK_HOST}:${api.httpsPort}${first}/Zaak?\\$top=1)`
    : ''
}
Control:
  POST ${control}/fault     {"host":"tk"|"koop","mode":"ok|error500|rateLimit429|slow|timeout|malformed|reset|gone404|gone410","times"?:n,"delayMs"?:ms}
  GET  ${control}/fault     faults in force
  POST ${control}/tk        {"versions"?:["v5","v4"],"drop"?:{"Document":["Onderwerp"]}}  TK versions and dropped properties
  GET  ${control}/tk        TK schema in force
  GET  ${control}/requests  request log (?host=tk|koop)
  POST ${control}/reset     clear faults and log, TK schema back to the start
Ctrl+C to stop.`);

process.on('SIGINT', () => {
  void api.close().then(() => process.exit(0));
});
