/** Vietnamese strings of what an import did (the Services page's sheet, the Operations page's configuration). */
export const viAdminImport = {
  'admin.services.imported':
    'Đã nhập: {created} dịch vụ mới, {updated} dịch vụ được cập nhật, {unchanged} không đổi.',
  'admin.operations.importedLine':
    '{what}: {created} mới, {updated} cập nhật, {unchanged} không đổi, {retired} xóa hoặc ngừng dùng.',
} as const;
