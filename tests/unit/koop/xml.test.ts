import { describe, expect, it } from 'vitest';
import { childOf, descendantsOf, parseXml, textOf, XmlSyntaxError } from '../../../lib/koop/xml';

describe('parseXml', () => {
  it('names elements and attributes by local name and decodes text', () => {
    const root = parseXml(
      `\uFEFF<?xml version="1.0" encoding="UTF-8"?>
      <!-- a comment --><a:root xmlns:a="urn:a" xmlns="urn:d" a:lang='nl'>
        <b x="1 &amp; 2">Financi&#235;n &amp; Klimaat &#x2013; <![CDATA[<raw> & such]]></b>
        <?pi ignored?><c/><d><b>nested</b></d>
      </a:root>
      <!-- trailing -->`,
    );
    expect(root.name).toBe('root');
    expect(root.attrs).toEqual({ lang: 'nl' });
    const b = childOf(root, 'b');
    expect(b?.attrs).toEqual({ x: '1 & 2' });
    expect(textOf(b)).toBe('Financiën & Klimaat – <raw> & such');
    expect(descendantsOf(root, 'b').map(textOf)).toEqual(['Financiën & Klimaat – <raw> & such', 'nested']);
    expect(textOf(childOf(root, 'c'))).toBeUndefined();
  });

  it('skips a DOCTYPE without applying its entities', () => {
    expect(() => parseXml('<!DOCTYPE a [<!ENTITY x "boom">]><a>&x;</a>')).toThrow(/unknown entity &x;/);
  });

  const broken: [string, string, RegExp][] = [
    ['cut off', '<a><b>text', /unexpected end of document: <b> is not closed/],
    ['cut off in a tag', '<a><b x="1"', /end of document inside the tag <b>/],
    ['mismatched close', '<a><b></a>', /<\/a> does not close the open element <b>/],
    ['empty', '   ', /empty/],
    ['not XML', 'Service Unavailable', /does not start with an element/],
    ['two roots', '<a/><b/>', /after the root element/],
    ['bare ampersand', '<a>this & that</a>', /'&' must start a character reference/],
    ['unknown entity', '<a>&nbsp;</a>', /unknown entity &nbsp;/],
    ['bad char ref', '<a>&#xZZ;</a>', /invalid character reference/],
    ['unquoted attribute', '<a x=1/>', /must be quoted/],
    ['unclosed comment', '<a><!-- x </a>', /inside a comment/],
  ];
  it.each(broken)('rejects %s with a plain reason and position', (_name, xml, reason) => {
    let error: unknown;
    try {
      parseXml(xml);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(XmlSyntaxError);
    expect((error as XmlSyntaxError).message).toMatch(reason);
    expect((error as XmlSyntaxError).message).toMatch(/\(line \d+, column \d+\)$/);
  });

  it.each([
    ['<a><b>text', true],
    ['<a><b x="1', true],
    ['<a>caf&eacu', true],
    ['<a><!-- x', true],
    ['<a><b></a>', false],
    ['<a>&nbsp;</a>', false],
    ['', false],
  ])('tells a cut-off document (%j) from a broken one', (xml, truncated) => {
    expect(() => parseXml(xml)).toThrow(expect.objectContaining({ truncated }));
  });

  it('reports the line of the problem', () => {
    expect(() => parseXml('<a>\n<b>\n</c>')).toThrow(/line 3/);
  });

  it('bounds nesting depth', () => {
    expect(() => parseXml(`${'<a>'.repeat(500)}${'</a>'.repeat(500)}`)).toThrow(/nested deeper/);
  });
});
