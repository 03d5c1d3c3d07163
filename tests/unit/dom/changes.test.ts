// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { outermostSteps } from '../../../lib/dom/changes';
import { isSkipped } from '../../../lib/dom/text-map';

function run(
  added: Iterable<Node>,
  roots: Element[],
  skipped = (el: Element) => isSkipped(el, (e) => e.matches('nav')),
) {
  const steps = outermostSteps(added, roots, skipped);
  let pauses = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { targets: step.value, pauses };
    pauses++;
  }
}

let main: HTMLElement;
beforeEach(() => {
  document.body.innerHTML = '<header id="outside"></header><main><nav id="nav"></nav><div id="box"></div></main>';
  main = document.querySelector('main')!;
});

describe('the elements to rescan for added nodes', () => {
  it('keeps only the outermost: a parent’s scan covers its children', () => {
    const box = document.getElementById('box')!;
    box.innerHTML = '<section><p id="a">a <em>b</em></p><p id="b">c</p></section>';
    const section = box.querySelector('section')!;
    const added = [document.getElementById('a')!, section, document.getElementById('b')!, box.querySelector('em')!];
    expect(run(added, [main]).targets).toEqual([section]);
  });

  it('takes a text node’s block, but not the root itself for text right under it', () => {
    const p = document.createElement('p');
    p.innerHTML = 'x <span>y</span>';
    document.getElementById('box')!.appendChild(p);
    expect(run([p.querySelector('span')!.firstChild!], [main]).targets).toEqual([p]);
    const span = document.createElement('span');
    main.appendChild(span);
    expect(run([span], [main]).targets).toEqual([span]);
  });

  it('leaves out what is outside the roots, gone from the page, or inside skipped elements', () => {
    const inNav = document.createElement('p');
    document.getElementById('nav')!.appendChild(inNav);
    const link = document.createElement('a');
    link.innerHTML = '<span>in a link</span>';
    document.getElementById('box')!.appendChild(link);
    const gone = document.createElement('p');
    const outside = document.createElement('p');
    document.getElementById('outside')!.appendChild(outside);
    expect(run([inNav, link.firstChild!, gone, outside], [main]).targets).toEqual([]);
  });
});
