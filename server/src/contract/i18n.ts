import type { ErrorCode } from './errors';
import type { TicketStatus } from './entities';
import type { PriorityClassOption } from './settings';

/** Languages every user-facing string exists in; Vietnamese is the default. */
export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const vi = {
  'app.name': 'Luot – Hệ thống xếp hàng',
  'app.home': 'Trang chủ',
  'app.centre': 'Trung tâm Phục vụ hành chính công',
  'app.otherLanguage': 'English',
  'app.loading': 'Đang tải…',
  'app.retry': 'Thử lại',
  'kiosk.title': 'Mời chọn lĩnh vực cần giải quyết',
  'kiosk.subtitle': 'Chạm vào lĩnh vực để lấy số thứ tự',
  'kiosk.priorityQuestion': 'Quý khách có thuộc đối tượng ưu tiên không?',
  'kiosk.priorityNone': 'Không, lấy số thường',
  'kiosk.yourNumber': 'SỐ THỨ TỰ CỦA QUÝ KHÁCH',
  'kiosk.ahead': 'Số người đang chờ trước: {count}',
  'kiosk.estimatedWait': 'Thời gian chờ dự kiến: khoảng {minutes} phút',
  'kiosk.waitingNow': '{count} người đang chờ',
  'kiosk.issuing': 'Đang cấp số…',
  'kiosk.done': 'Xong',
  'kiosk.back': 'Quay lại',
  'kiosk.thanks': 'Xin cảm ơn! Vui lòng theo dõi màn hình để đến quầy khi được mời.',
  'kiosk.noServices': 'Hiện chưa có lĩnh vực nào nhận hồ sơ.',
  'kiosk.priorityTicket': 'Đối tượng ưu tiên: {label}',
  'kiosk.autoReturn': 'Màn hình sẽ tự quay lại sau {seconds} giây',
  'display.title': 'Mời công dân đến quầy',
  'display.number': 'Số',
  'display.counter': 'Quầy',
  'display.recentCalls': 'Số vừa gọi',
  'display.waiting': 'Đang chờ',
  'display.noCalls': 'Chưa có số nào được gọi',
  'display.offline': 'Mất kết nối máy chủ – đang kết nối lại…',
  'display.callSentence': 'Xin mời công dân có số thứ tự {number} đến quầy số {counter}',
  'display.priority': 'Ưu tiên',
  'display.enableSound': 'Chạm vào màn hình để bật âm thanh gọi số',
  'counter.title': 'Quầy phục vụ',
  'counter.signIn': 'Đăng nhập',
  'counter.signOut': 'Đăng xuất',
  'counter.username': 'Tên đăng nhập',
  'counter.password': 'Mật khẩu',
  'counter.chooseCounter': 'Chọn quầy làm việc',
  'counter.takeCounter': 'Nhận quầy',
  'counter.leaveCounter': 'Rời quầy',
  'counter.current': 'Đang phục vụ',
  'counter.none': 'Chưa gọi số nào',
  'counter.waitingHere': 'Số đang chờ cho quầy này: {count}',
  'counter.signedInAs': 'Cán bộ: {name}',
  'counter.occupiedBy': 'Đang do {name} phụ trách',
  'counter.free': 'Đang trống',
  'counter.yours': 'Quầy của bạn',
  'counter.noCounters': 'Chưa có quầy nào được cấu hình.',
  'counter.recalls': 'Đã gọi lại {count} lần',
  'action.call-next': 'Gọi số tiếp theo',
  'action.recall': 'Gọi lại',
  'action.start': 'Bắt đầu phục vụ',
  'action.finish': 'Hoàn thành',
  'action.no-show': 'Vắng mặt',
  'action.park': 'Tạm gác',
  'status.waiting': 'Đang chờ',
  'status.called': 'Đã gọi',
  'status.serving': 'Đang phục vụ',
  'status.done': 'Đã xong',
  'status.no_show': 'Vắng mặt',
  'status.parked': 'Tạm gác',
  'status.cancelled': 'Đã hủy',
  'status.expired': 'Hết hạn',
  'error.invalid_json': 'Dữ liệu gửi lên không đúng định dạng JSON.',
  'error.validation_failed': 'Dữ liệu không hợp lệ.',
  'error.payload_too_large': 'Dữ liệu gửi lên quá lớn.',
  'error.not_found': 'Không tìm thấy.',
  'error.service_not_found': 'Không tìm thấy lĩnh vực này.',
  'error.counter_not_found': 'Không tìm thấy quầy này.',
  'error.ticket_not_found': 'Không tìm thấy số thứ tự này.',
  'error.queue_empty': 'Không còn ai đang chờ.',
  'error.no_current_ticket': 'Quầy chưa gọi số nào.',
  'error.counter_busy':
    'Quầy đang có số đã gọi: hãy bắt đầu phục vụ, gọi lại hoặc đánh dấu vắng mặt.',
  'error.invalid_transition':
    'Không thể thực hiện thao tác này với số thứ tự ở trạng thái hiện tại.',
  'error.recall_limit_reached': 'Đã gọi lại đủ số lần cho phép: hãy đánh dấu vắng mặt.',
  'error.counter_paused': 'Quầy đang tạm dừng.',
  'error.counter_closed': 'Quầy đang đóng.',
  'error.service_closed': 'Lĩnh vực này đã ngừng cấp số trong buổi làm việc này.',
  'error.centre_closed': 'Trung tâm đang ngoài giờ làm việc.',
  'error.daily_cap_reached': 'Lĩnh vực này đã hết số trong ngày hôm nay.',
  'error.kiosk_not_paired': 'Thiết bị này chưa được ghép nối để cấp số.',
  'error.account_locked': 'Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau.',
  'error.password_change_required': 'Vui lòng đổi mật khẩu trước khi tiếp tục.',
  'error.weak_password': 'Mật khẩu mới quá ngắn hoặc trùng mật khẩu cũ.',
  'error.rate_limited': 'Quá nhiều yêu cầu. Vui lòng chờ một chút rồi thử lại.',
  'error.idempotency_in_progress': 'Yêu cầu này đang được xử lý.',
  'error.unauthenticated': 'Vui lòng đăng nhập.',
  'error.invalid_credentials': 'Sai tên đăng nhập hoặc mật khẩu.',
  'error.forbidden': 'Bạn không có quyền thực hiện thao tác này.',
  'error.not_your_counter': 'Bạn chưa nhận quầy này.',
  'error.counter_taken': 'Quầy này đang do cán bộ khác phụ trách.',
  'error.idempotency_mismatch': 'Mã yêu cầu đã được dùng cho một yêu cầu khác.',
  'error.internal_error': 'Lỗi hệ thống. Vui lòng thử lại.',
  'error.network': 'Không kết nối được máy chủ. Vui lòng thử lại.',
} as const;

/** Every key a UI or the server may translate. */
export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  'app.name': 'Luot – Queue management',
  'app.home': 'Home',
  'app.centre': 'Public Administration Service Centre',
  'app.otherLanguage': 'Tiếng Việt',
  'app.loading': 'Loading…',
  'app.retry': 'Try again',
  'kiosk.title': 'Please choose a service',
  'kiosk.subtitle': 'Touch a service to take a number',
  'kiosk.priorityQuestion': 'Are you entitled to priority service?',
  'kiosk.priorityNone': 'No, take a regular number',
  'kiosk.yourNumber': 'YOUR NUMBER',
  'kiosk.ahead': 'People ahead of you: {count}',
  'kiosk.estimatedWait': 'Estimated wait: about {minutes} min',
  'kiosk.waitingNow': '{count} waiting',
  'kiosk.issuing': 'Issuing your number…',
  'kiosk.done': 'Done',
  'kiosk.back': 'Back',
  'kiosk.thanks': 'Thank you! Please watch the screen and go to the counter when called.',
  'kiosk.noServices': 'No service is open right now.',
  'kiosk.priorityTicket': 'Priority: {label}',
  'kiosk.autoReturn': 'Returning to the menu in {seconds} s',
  'display.title': 'Now serving',
  'display.number': 'Number',
  'display.counter': 'Counter',
  'display.recentCalls': 'Recent calls',
  'display.waiting': 'Waiting',
  'display.noCalls': 'No number has been called yet',
  'display.offline': 'Lost connection to the server – reconnecting…',
  'display.callSentence': 'Number {number}, please go to counter {counter}',
  'display.priority': 'Priority',
  'display.enableSound': 'Tap the screen to turn on call sounds',
  'counter.title': 'Counter',
  'counter.signIn': 'Sign in',
  'counter.signOut': 'Sign out',
  'counter.username': 'Username',
  'counter.password': 'Password',
  'counter.chooseCounter': 'Choose your counter',
  'counter.takeCounter': 'Take counter',
  'counter.leaveCounter': 'Leave counter',
  'counter.current': 'Serving',
  'counter.none': 'No number called yet',
  'counter.waitingHere': 'Waiting for this counter: {count}',
  'counter.signedInAs': 'Clerk: {name}',
  'counter.occupiedBy': 'Taken by {name}',
  'counter.free': 'Available',
  'counter.yours': 'Your counter',
  'counter.noCounters': 'No counters are set up.',
  'counter.recalls': 'Recalled {count} times',
  'action.call-next': 'Call next',
  'action.recall': 'Recall',
  'action.start': 'Start service',
  'action.finish': 'Finish',
  'action.no-show': 'No-show',
  'action.park': 'Park',
  'status.waiting': 'Waiting',
  'status.called': 'Called',
  'status.serving': 'Being served',
  'status.done': 'Done',
  'status.no_show': 'No-show',
  'status.parked': 'Parked',
  'status.cancelled': 'Cancelled',
  'status.expired': 'Expired',
  'error.invalid_json': 'The request body is not valid JSON.',
  'error.validation_failed': 'The request is not valid.',
  'error.payload_too_large': 'The request body is too large.',
  'error.not_found': 'Not found.',
  'error.service_not_found': 'No such service.',
  'error.counter_not_found': 'No such counter.',
  'error.ticket_not_found': 'No such ticket.',
  'error.queue_empty': 'Nobody is waiting.',
  'error.no_current_ticket': 'This counter has not called a number.',
  'error.counter_busy':
    'This counter has a called number: start, recall or mark it a no-show first.',
  'error.invalid_transition': 'This action is not possible for the ticket in its current state.',
  'error.recall_limit_reached': 'Recall limit reached: mark the ticket a no-show.',
  'error.counter_paused': 'This counter is paused.',
  'error.counter_closed': 'This counter is closed.',
  'error.service_closed': 'This service has stopped issuing numbers for this session.',
  'error.centre_closed': 'The centre is outside its opening hours.',
  'error.daily_cap_reached': 'This service has no numbers left today.',
  'error.kiosk_not_paired': 'This device is not paired to issue tickets.',
  'error.account_locked': 'Account locked after repeated failed sign-ins. Please try again later.',
  'error.password_change_required': 'Please change your password before continuing.',
  'error.weak_password': 'The new password is too short or the same as the old one.',
  'error.rate_limited': 'Too many requests. Please wait a moment and try again.',
  'error.idempotency_in_progress': 'This request is still being processed.',
  'error.unauthenticated': 'Please sign in.',
  'error.invalid_credentials': 'Wrong username or password.',
  'error.forbidden': 'You are not allowed to do this.',
  'error.not_your_counter': 'You have not taken this counter.',
  'error.counter_taken': 'Another clerk has this counter.',
  'error.idempotency_mismatch': 'This request key was already used for a different request.',
  'error.internal_error': 'Something went wrong. Please try again.',
  'error.network': 'Cannot reach the server. Please try again.',
};

/** All strings, by language. Vietnamese text is NFC with full diacritics. */
export const MESSAGES: Record<Language, Record<MessageKey, string>> = { vi, en };

/** Translates a key, filling `{name}` placeholders from params. */
export function translate(
  lang: Language,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  const template = MESSAGES[lang][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The message key for an error code. */
export function errorMessageKey(code: ErrorCode): MessageKey {
  return `error.${code}`;
}

/** The label of a priority class as the centre configured it, or its code when unknown. */
export function priorityLabel(
  classes: readonly PriorityClassOption[],
  code: string,
  lang: Language,
): string {
  const option = classes.find((c) => c.code === code);
  if (!option) return code;
  return lang === 'en' ? option.nameEn : option.name;
}

/** The message key for a ticket status label. */
export function statusMessageKey(status: TicketStatus): MessageKey {
  return `status.${status}`;
}
