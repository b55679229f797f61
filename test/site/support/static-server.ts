/** The loopback static server the tests serve the built site with (shared with `npm run pdf`). */
export { serveStatic, type StaticSite } from '../../../site/scripts/static-server.ts';
