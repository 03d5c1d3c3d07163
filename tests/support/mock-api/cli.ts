import { KOOP_HOST, TK_HOST } from './faults';
import { startMockApi } from './server';

/**
 * `npm run mock-api [-- --port 8787 --https --https-port 8443]`: runs the mock TK OData and KOOP SRU services
 * for manual testing and for pointing a development build at, until Ctrl+C.
 */

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const api = await startMockApi({
  port: Number(option('--port') ?? process.env.MOCK_API_PORT ?? 8787),
  https: process.argv.includes('--https'),
  ...(option('--https-port') ? { httpsPort: Number(option('--https-port')) } : {}),
});

const control = `http://127.0.0.1:${api.port}/__mock`;
console.log(`Mock APIs running
  TK OData:  ${api.baseUrl.tk}/Document?$top=5
  KOOP SRU:  ${api.baseUrl.koop}?query=dt.identifier==kst-19637-2375
  By host:   curl -H 'Host: ${TK_HOST}' http://127.0.0.1:${api.port}/OData/v4/2.0/Zaak?$top=1${
    api.httpsPort
      ? `\n  HTTPS:     port ${api.httpsPort}, self-signed for ${TK_HOST} and ${KOOP_HOST} (curl -k --resolve ${TK_HOST}:${api.httpsPort}:127.0.0.1 https://${TK_HOST}:${api.httpsPort}/OData/v4/2.0/Zaak?\\$top=1)`
      : ''
  }
Control:
  POST ${control}/fault     {"host":"tk"|"koop","mode":"ok|error500|rateLimit429|slow|timeout|malformed|reset|gone404|gone410","times"?:n,"delayMs"?:ms}
  GET  ${control}/fault     faults in force
  GET  ${control}/requests  request log (?host=tk|koop)
  POST ${control}/reset     clear faults and log
Ctrl+C to stop.`);

process.on('SIGINT', () => {
  void api.close().then(() => process.exit(0));
});
