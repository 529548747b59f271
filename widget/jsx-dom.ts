/**
 * @module The widget's JSX runtime: builds DOM nodes directly from the shared components.
 *
 * The components in ui/ are stateless functions of their props, and the widget wires behaviour
 * by event delegation (behaviour.ts), so the widget never diffs: it builds an explainer once,
 * or takes over the server's markup. Preact's diffing core (4.5 KB gzip, half the widget) would
 * ship to every reader for nothing. The server renders the same components with Preact
 * (preact-render-to-string); widget/build.ts points `preact/jsx-runtime` here for the widget only.
 * Attributes are set as the server writes them, so both renderings give the same markup.
 */

type Child = Node | string | number | boolean | null | undefined | Child[];
type Props = Record<string, unknown> & { children?: Child };
type Component = (props: Props) => Node;

function append(parent: ParentNode, child: Child | undefined): ParentNode {
  if (Array.isArray(child)) for (const c of child) append(parent, c);
  else if (child != null && typeof child !== 'boolean') parent.append(child as Node | string);
  return parent;
}

/** `<>…</>`: the children, without a wrapper. */
export const Fragment = (props: Props): Node => append(document.createDocumentFragment(), props.children);

/**
 * One element (or a component's output) with its attributes and children.
 *
 * @example jsx('p', { class: 'nx-meta', children: ['As of ', date] }) // → <p class="nx-meta">As of …</p>
 */
export function jsx(type: string | Component, props: Props): Node {
  if (typeof type === 'function') return type(props);
  const el = document.createElement(type);
  for (const key in props) {
    const value = props[key];
    if (key === 'children' || value == null || value === false) continue;
    // Event handlers (the fallback's "Try again"); everything else is an attribute.
    if (key.startsWith('on')) el.addEventListener(key.slice(2).toLowerCase(), value as EventListener);
    else el.setAttribute(key, value === true ? '' : (value as string)); // numbers are stringified by the DOM
  }
  return append(el, props.children);
}

export { jsx as jsxs, jsx as jsxDEV };
