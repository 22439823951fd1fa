/** Vietnamese strings of the admin app's monitor settings (the Centre page's "Giám sát"). */
export const viAdminMonitor = {
  'admin.centre.monitor': 'Cảnh báo trên màn hình giám sát',
  'admin.centre.pauseAlert': 'Cảnh báo khi quầy tạm dừng quá (phút)',
  'admin.centre.deviceOffline': 'Coi thiết bị mất kết nối sau (phút)',
} as const;
