import { foldText, matchRank, searchItems } from '../../../ui-shared/src/fold';

describe('foldText()', () => {
  test.each([
    ['Đăng ký kinh doanh', 'dang ky kinh doanh'],
    ['ĐẤT ĐAI', 'dat dai'],
    ['Đất đai – Tài nguyên môi trường', 'dat dai tai nguyen moi truong'],
    ['Lao động – Thương binh và Xã hội', 'lao dong thuong binh va xa hoi'],
    ['Hộ tịch / khai sinh, hộ khẩu', 'ho tich khai sinh ho khau'],
    ['Bảo hiểm xã hội', 'bao hiem xa hoi'],
    ['Ưu tiên Ơn Ấp Ổ Ặ', 'uu tien on ap o a'],
    ['  Giấy   phép\tlái xe ', 'giay phep lai xe'],
    ['DKKD', 'dkkd'],
    ['Business registration', 'business registration'],
    ['', ''],
  ])('%j folds to %j', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });

  test('folds composed (NFC) and decomposed (NFD) input alike', () => {
    const composed = 'Đăng ký'.normalize('NFC');
    const decomposed = 'Đăng ký'.normalize('NFD');

    expect(foldText(decomposed)).toBe(foldText(composed));
  });
});

describe('matchRank()', () => {
  test.each([
    // Words from the start, without marks or case.
    ['dang ky kinh doanh', 'Đăng ký kinh doanh', 0],
    ['DANG KY', 'Đăng ký kinh doanh', 0],
    ['dang k', 'Đăng ký kinh doanh', 0],
    ['dkkd', 'DKKD', 0],
    // Initials of consecutive words.
    ['dd', 'Đất đai – Tài nguyên môi trường', 1],
    ['dkkd', 'Đăng ký kinh doanh', 1],
    ['d d', 'Đất đai', 0],
    ['tnmt', 'Đất đai – Tài nguyên môi trường', 1],
    // Word prefixes in order, gaps allowed.
    ['kinh doanh', 'Đăng ký kinh doanh', 2],
    ['giay phep xe', 'Đổi giấy phép lái xe', 2],
    ['registration', 'Business registration', 2],
  ])('%j matches %j with rank %d', (query, text, rank) => {
    expect(matchRank(query, text)).toBe(rank);
  });

  test.each([
    ['dd', 'Đăng ký kinh doanh'],
    ['dd', 'Address change'],
    ['doanh kinh', 'Đăng ký kinh doanh'],
    ['ang', 'Đăng ký kinh doanh'],
    ['dkd', 'Đăng ký kinh doanh'],
    ['', 'Đăng ký kinh doanh'],
    ['   ', 'Đất đai'],
    ['dat', ''],
  ])('%j does not match %j', (query, text) => {
    expect(matchRank(query, text)).toBeNull();
  });
});

describe('searchItems()', () => {
  const services = [
    { code: 'XD', name: 'Xây dựng – Cấp phép xây dựng', nameEn: 'Construction permits' },
    { code: 'DD', name: 'Đất đai – Tài nguyên môi trường', nameEn: 'Land and environment' },
    { code: 'DKKD', name: 'Đăng ký kinh doanh', nameEn: 'Business registration' },
    { code: 'TP', name: 'Tư pháp – Lý lịch tư pháp', nameEn: 'Justice – criminal records' },
  ];
  const textsOf = (s: (typeof services)[number]) => [s.name, s.nameEn, s.code];

  test('finds a service typed without diacritics', () => {
    expect(searchItems('dang ky kinh doanh', services, textsOf).map((s) => s.code)).toEqual([
      'DKKD',
    ]);
  });

  test('lists better matches first and equals in the given order', () => {
    // "dd" is the code of Đất đai (rank 0) and the initials of no other name.
    expect(searchItems('dd', services, textsOf).map((s) => s.code)).toEqual(['DD']);
    expect(searchItems('x', services, textsOf).map((s) => s.code)).toEqual(['XD']);
    expect(searchItems('tu phap', services, textsOf).map((s) => s.code)).toEqual(['TP']);
  });

  test('matches English names too, and finds nothing for a query of no letters', () => {
    expect(searchItems('land', services, textsOf).map((s) => s.code)).toEqual(['DD']);
    expect(searchItems(' - ', services, textsOf)).toEqual([]);
  });
});
