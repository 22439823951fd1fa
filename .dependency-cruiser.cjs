/**
 * The layer rules of docs/architecture.md as a check (`npm run lint`): every import that
 * points against the arrows fails. http/ and realtime/ call the use cases in services/
 * (and auth/), which call the pure domain/ and the repos in storage/; contract/ is the
 * wire and is what the screens and the printers library may take from the server.
 */
const SERVER = '^server/src/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'domain/ is pure queue logic: it imports only itself and contract/, never Node, ' +
        'Express, Socket.IO, SQLite or any other package.',
      severity: 'error',
      from: { path: `${SERVER}domain/` },
      to: { pathNot: [`${SERVER}domain/`, `${SERVER}contract/`] },
    },
    {
      name: 'contract-imports-nothing-of-ours',
      comment:
        'contract/ is the wire contract the screens share: it imports only itself and zod ' +
        '(its schemas), no other code of ours and no Node or server package.',
      severity: 'error',
      from: { path: `${SERVER}contract/` },
      to: { pathNot: [`${SERVER}contract/`, '(^|/)node_modules/zod/'] },
    },
    {
      name: 'storage-serves-the-services',
      comment:
        'storage/ is called by the use cases; it may use domain/ records and contract/ ' +
        'types but never reaches up into services/, auth/, http/ or realtime/.',
      severity: 'error',
      from: { path: `${SERVER}storage/` },
      to: { path: `${SERVER}(services|auth|http|realtime|reports)/|${SERVER}[^/]+$` },
    },
    {
      name: 'use-cases-know-no-transport',
      comment:
        'services/ and auth/ are called by http/ and realtime/, never the other way: a use ' +
        'case does not know whether a command came over HTTP or Socket.IO.',
      severity: 'error',
      from: { path: `${SERVER}(services|auth|reports)/` },
      to: { path: `${SERVER}(http|realtime)/|${SERVER}[^/]+$` },
    },
    {
      name: 'edges-call-use-cases-not-repos',
      comment:
        'http/ and realtime/ go through a use case; they may name a stored record type but ' +
        'never call storage/ themselves.',
      severity: 'error',
      from: { path: `${SERVER}(http|realtime)/` },
      to: { path: `${SERVER}storage/`, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'printers-is-a-library',
      comment: 'printers/ is a library the server uses; it takes only contract/ types from it.',
      severity: 'error',
      from: { path: '^printers/' },
      to: { path: '^server/', pathNot: `${SERVER}contract/` },
    },
    {
      name: 'screens-take-only-the-contract',
      comment: 'A screen never imports server or printer code, only the contract.',
      severity: 'error',
      from: { path: '^(ui-shared|[a-z]+-ui)/' },
      to: { path: '^(server|printers)/', pathNot: `${SERVER}contract/` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
