import { DEFAULT_SERVICE_MINUTES, estimateWaitMinutes } from '../../../server/src/domain/estimate';

describe('estimateWaitMinutes()', () => {
  test('returns 0 when nobody is ahead', () => {
    // Act
    const minutes = estimateWaitMinutes(0, 12, 2);

    // Assert
    expect(minutes).toBe(0);
  });

  test('multiplies the people ahead by the mean visit and shares them over open counters', () => {
    // Act
    const minutes = estimateWaitMinutes(6, 10, 3);

    // Assert
    expect(minutes).toBe(20);
  });

  test('rounds a partial minute up', () => {
    // Act
    const oneCounter = estimateWaitMinutes(3, 2.5, 1);
    const threeCounters = estimateWaitMinutes(5, 7, 3);

    // Assert
    expect(oneCounter).toBe(8);
    expect(threeCounters).toBe(12);
  });

  test('counts as one counter when no counter is open', () => {
    // Act
    const minutes = estimateWaitMinutes(4, 5, 0);

    // Assert
    expect(minutes).toBe(20);
  });

  test.each([0, -3, Number.NaN])(
    'uses the default minutes per visit when the mean is %p',
    (mean) => {
      // Act
      const minutes = estimateWaitMinutes(2, mean, 1);

      // Assert
      expect(minutes).toBe(2 * DEFAULT_SERVICE_MINUTES);
    },
  );

  test('treats a negative number ahead as nobody ahead', () => {
    // Act
    const minutes = estimateWaitMinutes(-2, 10, 1);

    // Assert
    expect(minutes).toBe(0);
  });
});
