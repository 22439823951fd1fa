import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * Every word a screen shows goes through the i18n module (Vietnamese first, English
 * second): no screen's JSX holds text of its own, in its children or in the attributes
 * people read (labels, titles, placeholders, alt text). Only `<code>` may hold literal
 * text: file names and commands are the same in both languages.
 */

const ROOT = path.resolve(__dirname, '../..');
const SCREENS = fs
  .readdirSync(ROOT, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name.endsWith('-ui'))
  .map((entry) => entry.name);
const READ_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description']);
const LETTER = /\p{L}/u;

function tsxFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(file);
    return file.endsWith('.tsx') ? [file] : [];
  });
}

/** The tag name of the element `node` sits directly in, if any. */
function parentTag(node: ts.Node): string | undefined {
  const parent = node.parent;
  return ts.isJsxElement(parent) ? parent.openingElement.tagName.getText() : undefined;
}

/** Literal text a reader would see in one file, as `file:line "text"`. */
function literalText(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${path.relative(ROOT, file)}:${line + 1} ${JSON.stringify(text.trim())}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && LETTER.test(node.text) && parentTag(node) !== 'code') {
      report(node, node.text);
    }
    if (
      ts.isJsxAttribute(node) &&
      READ_ATTRIBUTES.has(node.name.getText()) &&
      node.initializer !== undefined &&
      ts.isStringLiteral(node.initializer) &&
      LETTER.test(node.initializer.text)
    ) {
      report(node, node.initializer.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the screens’ text', () => {
  test('finds the screens', () => {
    expect(SCREENS).toEqual(expect.arrayContaining(['admin-ui', 'counter-ui', 'kiosk-ui']));
  });

  test.each(SCREENS)('%s shows no literal text outside the i18n messages', (screen) => {
    const found = tsxFiles(path.join(ROOT, screen, 'src')).flatMap(literalText);
    expect(found).toEqual([]);
  });
});
