/** English strings of what an import did (the Services page's sheet, the Operations page's configuration). */
export const enAdminImport = {
  'admin.services.imported':
    'Imported: {created} new services, {updated} updated, {unchanged} unchanged.',
  'admin.operations.importedLine':
    '{what}: {created} new, {updated} updated, {unchanged} unchanged, {retired} removed or deactivated.',
} as const;
