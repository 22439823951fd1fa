import type { CentrePrintSettings, TicketPrintData } from './ticket-layout';

/** The sample ticket the CLI prints: number 1005, "Đăng ký kinh doanh", an elderly visitor. */
export const SAMPLE_TICKET: TicketPrintData = {
  number: '1005',
  serviceName: 'Đăng ký kinh doanh',
  counters: ['Quầy 1', 'Quầy 2'],
  priorityLabel: 'Người cao tuổi',
  peopleAhead: 4,
  estimatedWaitMinutes: 12,
  issuedAt: '2025-03-03T01:15:00.000Z',
  trackingUrl: 'http://luot.local:8080/t/1005-7Q2KX9',
};

/** The centre the sample ticket comes from. */
export const SAMPLE_CENTRE: CentrePrintSettings = {
  centreName: 'Trung tâm Phục vụ hành chính công',
  timeZone: 'Asia/Ho_Chi_Minh',
};
