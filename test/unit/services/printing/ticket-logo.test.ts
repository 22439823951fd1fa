import fs from 'node:fs';
import path from 'node:path';
import { readTicketLogo } from '../../../../server/src/services/printing/ticket-logo';
import { writeLogo } from '../../../support/printer-setup';
import { tempDataDir } from '../../../support/test-server';

describe('readTicketLogo()', () => {
  test('reads a PNG logo', () => {
    // Arrange
    const file = writeLogo(200, 100);

    // Act
    const bytes = readTicketLogo(file);

    // Assert
    expect(Buffer.from(bytes).equals(fs.readFileSync(file))).toBe(true);
  });

  test.each([
    ['a missing file', () => path.join(tempDataDir(), 'none.png'), /cannot read .*none\.png/],
    [
      'a file that is not a PNG',
      () => {
        const file = path.join(tempDataDir(), 'logo.jpg');
        fs.writeFileSync(file, 'not a picture at all, just text');
        return file;
      },
      /logo\.jpg is not a PNG image/,
    ],
    ['a PNG of absurd size', () => writeLogo(1, 5000), /is 1×5000 pixels/],
  ])('refuses %s with a message naming the variable and the file', (_what, make, message) => {
    // Arrange
    const file = make();

    // Act
    const read = () => readTicketLogo(file);

    // Assert
    expect(read).toThrow(message);
    expect(read).toThrow(/^LUOT_TICKET_LOGO: /);
  });
});
