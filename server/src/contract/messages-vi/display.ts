/** Vietnamese strings of The hall display (/display). */
export const viDisplay = {
  'display.title': 'Mời công dân đến quầy',
  'display.number': 'Số',
  'display.recentCalls': 'Số vừa gọi',
  'display.waiting': 'Đang chờ',
  'display.noCalls': 'Chưa có số nào được gọi',
  'display.priority': 'Ưu tiên',
  'display.enableSound': 'Chạm vào màn hình để bật âm thanh gọi số',
  'display.soundButton': 'Bật âm thanh',
  'display.clipsFailed':
    'Không tải được giọng đọc gọi số – màn hình có thể không đọc số. Vui lòng báo quản trị viên.',
  'display.logoAlt': 'Biểu trưng của {name}',
  'display.filteredServices': 'Màn hình này chỉ hiện: {names}',
  'display.filteredCounters': 'Màn hình này chỉ hiện quầy: {numbers}',
  'display.filterMatchesNothing': 'Bộ lọc của màn hình không khớp dịch vụ hay quầy nào: {filter}',
  'display.page': 'Trang {page}/{pages}',
  'display.ticker': 'Thông báo',
  'display.pair.open': 'Ghép nối màn hình',
  'display.pair.title': 'Ghép nối màn hình gọi số',
  'display.pair.instruction':
    'Quản trị viên nhập mã này khi ghép nối thiết bị, đặt tên và chọn các dịch vụ hoặc quầy màn hình sẽ hiện.',
  'display.pair.why': 'Màn hình đã ghép nối hiện đúng các dịch vụ và quầy quản trị viên chọn.',
  'display.pair.current':
    'Màn hình đang được ghép nối với tên “{name}”. Ghép nối lại sẽ tạo một thiết bị mới.',
  'display.pair.leave': 'Quay lại màn hình gọi số',
  'display.deviceName': 'Màn hình: {name}',
} as const;
