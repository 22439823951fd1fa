/**
 * The large demo centre (`LUOT_DEMO=large`): 40 services under real one-stop-shop fields
 * and procedure groups, and 40 counters, for trying the screens at a provincial centre's size.
 */

/** One service of the large demo: its prefix (two letters: ticket numbers stay unique). */
export interface LargeDemoService {
  prefix: string;
  name: string;
  nameEn: string;
  minutes: number;
}

/** A procedure group (nhóm thủ tục) of a field in the large demo. */
export interface LargeDemoGroup {
  name: string;
  nameEn: string;
  services: LargeDemoService[];
}

/** A field (lĩnh vực) of the large demo: services directly under it, or in its groups. */
export interface LargeDemoField {
  name: string;
  nameEn: string;
  agency: string;
  services?: LargeDemoService[];
  groups?: LargeDemoGroup[];
}

/**
 * The large demo (`LUOT_DEMO=large`): a provincial one-stop shop with 40 services under
 * 12 fields, three of them split into procedure groups, and one service at the top level.
 * Prefixes are two letters, the first the field's: no ticket number of one service can
 * be another's.
 */
export const LARGE_DEMO_FIELDS: LargeDemoField[] = [
  {
    name: 'Đất đai',
    nameEn: 'Land',
    agency: 'Văn phòng Đăng ký đất đai',
    groups: [
      {
        name: 'Cấp Giấy chứng nhận',
        nameEn: 'Land certificates',
        services: [
          {
            prefix: 'DA',
            name: 'Cấp Giấy chứng nhận quyền sử dụng đất lần đầu',
            nameEn: 'First land use right certificate',
            minutes: 15,
          },
          {
            prefix: 'DB',
            name: 'Cấp đổi, cấp lại Giấy chứng nhận quyền sử dụng đất',
            nameEn: 'Replacement of a land use right certificate',
            minutes: 12,
          },
        ],
      },
      {
        name: 'Biến động đất đai',
        nameEn: 'Changes to land',
        services: [
          {
            prefix: 'DC',
            name: 'Đăng ký biến động đất đai',
            nameEn: 'Registration of changes to land',
            minutes: 12,
          },
          {
            prefix: 'DD',
            name: 'Chuyển nhượng quyền sử dụng đất',
            nameEn: 'Transfer of land use rights',
            minutes: 15,
          },
          {
            prefix: 'DE',
            name: 'Chuyển mục đích sử dụng đất',
            nameEn: 'Change of land use purpose',
            minutes: 15,
          },
        ],
      },
    ],
  },
  {
    name: 'Hộ tịch',
    nameEn: 'Civil status',
    agency: 'Phòng Tư pháp',
    groups: [
      {
        name: 'Khai sinh, khai tử',
        nameEn: 'Births and deaths',
        services: [
          { prefix: 'HA', name: 'Đăng ký khai sinh', nameEn: 'Birth registration', minutes: 6 },
          { prefix: 'HB', name: 'Đăng ký khai tử', nameEn: 'Death registration', minutes: 6 },
        ],
      },
      {
        name: 'Kết hôn',
        nameEn: 'Marriage',
        services: [
          { prefix: 'HC', name: 'Đăng ký kết hôn', nameEn: 'Marriage registration', minutes: 8 },
          {
            prefix: 'HD',
            name: 'Cấp Giấy xác nhận tình trạng hôn nhân',
            nameEn: 'Certificate of marital status',
            minutes: 6,
          },
        ],
      },
      {
        name: 'Trích lục hộ tịch',
        nameEn: 'Civil status extracts',
        services: [
          {
            prefix: 'HE',
            name: 'Cấp bản sao trích lục hộ tịch',
            nameEn: 'Copy of a civil status extract',
            minutes: 4,
          },
        ],
      },
    ],
  },
  {
    name: 'Đăng ký kinh doanh',
    nameEn: 'Business registration',
    agency: 'Sở Kế hoạch và Đầu tư',
    groups: [
      {
        name: 'Doanh nghiệp',
        nameEn: 'Companies',
        services: [
          {
            prefix: 'KA',
            name: 'Đăng ký thành lập doanh nghiệp',
            nameEn: 'Company formation',
            minutes: 12,
          },
          {
            prefix: 'KB',
            name: 'Thay đổi nội dung đăng ký doanh nghiệp',
            nameEn: 'Changes to a company registration',
            minutes: 10,
          },
        ],
      },
      {
        name: 'Hộ kinh doanh, hợp tác xã',
        nameEn: 'Household businesses and cooperatives',
        services: [
          {
            prefix: 'KC',
            name: 'Đăng ký hộ kinh doanh',
            nameEn: 'Household business registration',
            minutes: 8,
          },
          {
            prefix: 'KD',
            name: 'Đăng ký thành lập hợp tác xã',
            nameEn: 'Cooperative registration',
            minutes: 10,
          },
        ],
      },
    ],
  },
  {
    name: 'Xây dựng',
    nameEn: 'Construction',
    agency: 'Sở Xây dựng',
    services: [
      {
        prefix: 'XA',
        name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
        nameEn: 'Building permit for a private house',
        minutes: 15,
      },
      {
        prefix: 'XB',
        name: 'Cấp giấy phép sửa chữa, cải tạo công trình',
        nameEn: 'Permit to repair or renovate a building',
        minutes: 12,
      },
      {
        prefix: 'XC',
        name: 'Thẩm định thiết kế xây dựng',
        nameEn: 'Appraisal of a construction design',
        minutes: 15,
      },
    ],
  },
  {
    name: 'Giao thông vận tải',
    nameEn: 'Transport',
    agency: 'Sở Giao thông vận tải',
    services: [
      { prefix: 'GA', name: 'Đổi giấy phép lái xe', nameEn: 'Driving licence renewal', minutes: 6 },
      {
        prefix: 'GB',
        name: 'Cấp phù hiệu xe kinh doanh vận tải',
        nameEn: 'Badge for a commercial vehicle',
        minutes: 6,
      },
      {
        prefix: 'GC',
        name: 'Đăng ký xe máy chuyên dùng',
        nameEn: 'Registration of special-purpose machinery',
        minutes: 8,
      },
    ],
  },
  {
    name: 'Lao động – Thương binh và Xã hội',
    nameEn: 'Labour, invalids and social affairs',
    agency: 'Sở Lao động – Thương binh và Xã hội',
    services: [
      {
        prefix: 'LA',
        name: 'Giải quyết trợ cấp thất nghiệp',
        nameEn: 'Unemployment benefit',
        minutes: 10,
      },
      {
        prefix: 'LB',
        name: 'Trợ cấp xã hội hằng tháng',
        nameEn: 'Monthly social allowance',
        minutes: 8,
      },
      {
        prefix: 'LC',
        name: 'Giải quyết chế độ người có công',
        nameEn: 'Benefits for people with meritorious services',
        minutes: 10,
      },
      {
        prefix: 'LD',
        name: 'Cấp giấy phép lao động cho người nước ngoài',
        nameEn: 'Work permit for a foreign worker',
        minutes: 12,
      },
    ],
  },
  {
    name: 'Tư pháp',
    nameEn: 'Justice',
    agency: 'Sở Tư pháp',
    services: [
      {
        prefix: 'TA',
        name: 'Cấp Phiếu lý lịch tư pháp',
        nameEn: 'Criminal record certificate',
        minutes: 8,
      },
      {
        prefix: 'TB',
        name: 'Chứng thực bản sao từ bản chính',
        nameEn: 'Certified copy of an original',
        minutes: 3,
      },
      {
        prefix: 'TC',
        name: 'Chứng thực chữ ký',
        nameEn: 'Certification of a signature',
        minutes: 4,
      },
    ],
  },
  {
    name: 'Thuế',
    nameEn: 'Tax',
    agency: 'Cục Thuế',
    services: [
      {
        prefix: 'EA',
        name: 'Đăng ký mã số thuế cá nhân',
        nameEn: 'Personal tax code registration',
        minutes: 6,
      },
      { prefix: 'EB', name: 'Kê khai thuế', nameEn: 'Tax declaration', minutes: 8 },
      {
        prefix: 'EC',
        name: 'Quyết toán thuế thu nhập cá nhân',
        nameEn: 'Personal income tax settlement',
        minutes: 10,
      },
    ],
  },
  {
    name: 'Bảo hiểm xã hội',
    nameEn: 'Social insurance',
    agency: 'Bảo hiểm xã hội tỉnh',
    services: [
      { prefix: 'BA', name: 'Cấp sổ bảo hiểm xã hội', nameEn: 'Social insurance book', minutes: 8 },
      { prefix: 'BB', name: 'Cấp thẻ bảo hiểm y tế', nameEn: 'Health insurance card', minutes: 6 },
      {
        prefix: 'BC',
        name: 'Giải quyết chế độ hưu trí',
        nameEn: 'Retirement pension',
        minutes: 12,
      },
    ],
  },
  {
    name: 'Y tế',
    nameEn: 'Health',
    agency: 'Sở Y tế',
    services: [
      {
        prefix: 'YA',
        name: 'Cấp chứng chỉ hành nghề khám bệnh, chữa bệnh',
        nameEn: 'Medical practice certificate',
        minutes: 10,
      },
      {
        prefix: 'YB',
        name: 'Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm',
        nameEn: 'Food safety certificate for a business',
        minutes: 10,
      },
    ],
  },
  {
    name: 'Giáo dục',
    nameEn: 'Education',
    agency: 'Sở Giáo dục và Đào tạo',
    services: [
      {
        prefix: 'SA',
        name: 'Công nhận văn bằng do cơ sở giáo dục nước ngoài cấp',
        nameEn: 'Recognition of a foreign diploma',
        minutes: 10,
      },
      {
        prefix: 'SB',
        name: 'Cấp bản sao văn bằng, chứng chỉ từ sổ gốc',
        nameEn: 'Copy of a diploma or certificate',
        minutes: 5,
      },
    ],
  },
  {
    name: 'Văn hóa',
    nameEn: 'Culture',
    agency: 'Sở Văn hóa, Thể thao và Du lịch',
    services: [
      {
        prefix: 'VA',
        name: 'Cấp giấy phép kinh doanh dịch vụ karaoke',
        nameEn: 'Karaoke business licence',
        minutes: 8,
      },
      {
        prefix: 'VB',
        name: 'Chấp thuận tổ chức biểu diễn nghệ thuật',
        nameEn: 'Approval of an art performance',
        minutes: 8,
      },
    ],
  },
];

/** The large demo's one service outside any field. */
export const LARGE_DEMO_TOP_LEVEL: LargeDemoService[] = [
  { prefix: 'RA', name: 'Trả kết quả', nameEn: 'Result pick-up', minutes: 3 },
];

/** Every service of the large demo in kiosk order, with the field and group it is under. */
export function largeDemoServices(): (LargeDemoService & {
  field: string | null;
  group: string | null;
})[] {
  return [
    ...LARGE_DEMO_FIELDS.flatMap((field) => [
      ...(field.services ?? []).map((s) => ({ ...s, field: field.name, group: null })),
      ...(field.groups ?? []).flatMap((group) =>
        group.services.map((s) => ({ ...s, field: field.name, group: group.name })),
      ),
    ]),
    ...LARGE_DEMO_TOP_LEVEL.map((s) => ({ ...s, field: null, group: null })),
  ];
}
