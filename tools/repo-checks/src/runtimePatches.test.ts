import { describe, expect, it } from 'vitest';
import { readRepoFile, repoFiles } from './repoFiles.ts';
import { findRuntimePatches } from './runtimePatches.ts';

const found = (source: string) => findRuntimePatches(source, 'example.ts').map((f) => f.why);

describe('run-time patches of libraries', () => {
  // What @nianbao/pdf once did to pdfkit, fontkit and react-pdf's fonts (now patches/ and a wrapper).
  it.each([
    [
      'a prototype method',
      `const pdfkit = await import(url); const proto = pdfkit.default.prototype; proto.font = function font() {};`,
      'changes a prototype',
    ],
    [
      "a method on a class's prototype",
      `const proto = Object.getPrototypeOf(font.createSubset()); proto._addGlyph = addGlyph;`,
      'changes a prototype',
    ],
    [
      'a prototype, directly',
      `import PDFDocument from 'pdfkit'; PDFDocument.prototype.font = f;`,
      'changes a prototype',
    ],
    [
      "a library object's method",
      `import { Font } from '@react-pdf/renderer'; const font = Font.getFont(face).data; font.layout = cached;`,
      'changes an object of a third-party module',
    ],
    [
      'a method of an instance, kept and replaced',
      `function embed(doc) { const ref = doc.ref; doc.ref = function firstRef(...args) { return ref.apply(this, args); }; }`,
      'replaces a method whose original it kept',
    ],
    [
      'a method of a parameter, kept and replaced',
      `function cache(font) { const layout = font.layout; font.layout = (text) => layout.call(font, text); }`,
      'replaces a method whose original it kept',
    ],
    [
      'a member of an imported module',
      `import * as zlib from 'node:zlib'; zlib.deflateSync = fast;`,
      'changes an object of a third-party module',
    ],
    [
      'a deleted member',
      `import { Font } from '@react-pdf/renderer'; delete Font.register;`,
      'changes an object of a third-party module',
    ],
    [
      'Object.defineProperty on a prototype',
      `Object.defineProperty(Array.prototype, 'last', { get() { return this.at(-1); } });`,
      'changes a prototype',
    ],
    [
      'Object.assign on a library object',
      `import React from 'react'; Object.assign(React, { extra: 1 });`,
      'changes an object of a third-party module',
    ],
  ])('finds %s', (_, source, why) => {
    expect(found(source)).toEqual([why]);
  });

  it('leaves our own objects, wrappers and fresh results of library calls alone', () => {
    const source = `
      import { createServer } from 'node:http';
      import { Font } from '@react-pdf/renderer';
      const wrapper = Object.create(Font.getFont(face).data, { layout: { value: layout } });
      const copy = Object.assign(Object.create(Object.getPrototypeOf(run)), run);
      copy.glyphs = run.glyphs.slice();
      const server = createServer();
      server.keepAliveTimeout = 5000;
      const ref = { current: null };
      ref.current = () => save();
      class Queue { constructor() { this.items = []; } }
      const state = {}; state.version = 2;
    `;
    expect(found(source)).toEqual([]);
  });

  it('finds none in the repository', () => {
    const sources = repoFiles().filter((file) => /\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(file));
    expect(sources.length).toBeGreaterThan(100);
    const findings = sources.flatMap((file) =>
      findRuntimePatches(readRepoFile(file), file).map((f) => `${file}:${f.line}: ${f.why}: ${f.text}`),
    );
    expect(findings).toEqual([]);
  }, 60_000);
});
