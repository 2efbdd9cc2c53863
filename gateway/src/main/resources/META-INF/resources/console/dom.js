// Builds elements from data with textContent only: nothing a customer wrote is ever parsed as HTML.

export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

export function show(target, ...children) {
  target.replaceChildren(...children.flat(Infinity).filter(Boolean));
}

export const unavailable = (what, reason) => h('p', { class: 'unavailable', 'data-unavailable': what }, `${what}: ${reason}`);

export function when(instant) {
  return instant ? new Date(instant).toLocaleString() : '';
}

export function section(title, ...content) {
  return h('section', { class: 'card' }, h('h3', {}, title), ...content);
}

export function facts(pairs) {
  return h('dl', {}, pairs.filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}
