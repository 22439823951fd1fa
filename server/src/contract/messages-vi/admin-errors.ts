/**
 * Vietnamese refusals only the admin app meets (catalogue, staff, backups, imports): kept
 * out of the other screens' first load. `errorText` finds them once the admin app adds them.
 */
export const viAdminErrors = {
  'error.invalid_printer_target':
    'Đích in không hợp lệ: chỉ nhận máy in hoặc cổng nối tiếp (/dev/usb/lpN, /dev/lpN, /dev/ttySN, /dev/ttyUSBN, /dev/ttyACMN, /dev/ttyAMAN, /dev/rfcommN hoặc liên kết tới chúng; /dev/null để không in), địa chỉ mạng (tcp://) hoặc thư mục trong thư mục dữ liệu.',
  'error.username_taken': 'Tên đăng nhập này đã có người dùng.',
  'error.last_admin': 'Không thể hạ quyền hoặc khóa quản trị viên cuối cùng.',
  'error.prefix_taken': 'Tiền tố này đã có dịch vụ khác dùng với dải số trùng nhau.',
  'error.code_taken': 'Mã dịch vụ này đã có.',
  'error.counter_number_taken': 'Số quầy này đã có.',
  'error.service_group_not_found': 'Không tìm thấy nhóm dịch vụ.',
  'error.group_nesting': 'Nhóm thủ tục chỉ được nằm trong một lĩnh vực (tối đa một cấp).',
  'error.invalid_image':
    'Ảnh không hợp lệ: chỉ PNG hoặc JPEG, tối đa 512 KB, 4096 × 4096 điểm ảnh.',
  'error.backup_in_progress': 'Đang sao lưu dữ liệu. Vui lòng chờ một lát rồi tải lại danh sách.',
  'error.centre_not_empty':
    'Trung tâm đã có dịch vụ hoặc quầy. Chọn “thay thế” để ghi đè cấu hình.',
  'error.time_zone_fixed': 'Múi giờ do máy chủ đặt (biến LUOT_TIME_ZONE), không đổi được tại đây.',
  'error.import_failed': 'Tệp có lỗi, chưa nhập gì. Sửa các dòng được nêu rồi nhập lại.',
  'error.unsupported_file':
    'Tệp không đọc được: chỉ nhận Excel (.xlsx) hoặc CSV mã UTF-8, tối đa 5 MB.',
  // Also in the other staff screen's module: the kiosk never meets it.
  'error.weak_password': 'Mật khẩu cần ít nhất 10 ký tự, khác tên đăng nhập và mật khẩu cũ.',
};
