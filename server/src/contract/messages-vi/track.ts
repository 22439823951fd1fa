/** Vietnamese strings of The visitor's tracking page (/t/:token). */
export const viTrack = {
  'track.title': 'Theo dõi số thứ tự',
  'track.yourNumber': 'Số thứ tự của bạn',
  'track.ahead': 'Còn {count} người trước bạn',
  'track.next': 'Bạn là người tiếp theo',
  'track.goToCounter': 'Mời bạn đến quầy {number}',
  'track.serving': 'Bạn đang được phục vụ tại quầy {number}',
  'track.done': 'Đã hoàn thành. Cảm ơn bạn đã sử dụng dịch vụ!',
  'track.no_show':
    'Bạn đã vắng mặt khi được gọi. Nếu bạn đã quay lại, vui lòng báo cán bộ tại quầy để được xếp lại hàng.',
  'track.cancelled': 'Số thứ tự này đã bị hủy.',
  'track.cancelReason': 'Lý do: {reason}',
  'track.expired': 'Số thứ tự này đã hết hạn khi kết thúc ngày làm việc.',
  'track.parked': 'Số của bạn đang được tạm gác. Khi quay lại, vui lòng báo cán bộ tại quầy.',
  'track.transferred': 'Đã chuyển sang lĩnh vực: {service}',
  'track.issuedAt': 'Lấy số lúc {time}',
  'track.live': 'Trang tự động cập nhật',
  'track.notFound': 'Không tìm thấy số thứ tự',
  'track.notFoundHint': 'Đường dẫn không đúng hoặc đã hết hạn. Vui lòng quét lại mã QR trên phiếu.',
} as const;
