import {
  astFromValue,
  getNamedType,
  print,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
} from 'graphql';

/**
 * The page's only style, inline (the page loads nothing); the router allows exactly this text by
 * its hash in the Content-Security-Policy.
 */
export const REFERENCE_STYLE = [
  'body{font-family:system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem 2rem;line-height:1.45;color:#1b1f23}',
  'h1{margin-bottom:.2rem}h2{margin-top:2.5rem;border-bottom:2px solid #d0d7de}',
  'section.type{margin:1.5rem 0;padding-top:.5rem;border-top:1px solid #eaeef2}',
  'h3{margin:.2rem 0;font-family:ui-monospace,monospace}',
  '.kind{font-size:.8rem;font-weight:normal;color:#57606a;margin-right:.4rem}',
  '.doc{white-space:pre-line;margin:.3rem 0 .6rem}',
  'dl{margin:0 0 0 1rem}dt{font-family:ui-monospace,monospace;margin-top:.6rem}dd{margin:0 0 0 1.5rem}',
  '.args{margin:.2rem 0 0 1rem;padding:0;list-style:none;font-family:ui-monospace,monospace;font-size:.9rem}',
  '.args .doc{font-family:system-ui,sans-serif;display:block;margin:0 0 .2rem 1rem}',
  '.deprecated{color:#9a6700}',
  'nav ul{columns:3;list-style:none;padding:0;font-family:ui-monospace,monospace;font-size:.9rem}',
  'a{color:#0550ae;text-decoration:none}a:hover{text-decoration:underline}',
].join('\n');

const KINDS: [title: string, id: string, test: (t: GraphQLNamedType) => boolean][] = [
  ['Objects', 'objects', isObjectType],
  ['Interfaces', 'interfaces', isInterfaceType],
  ['Unions', 'unions', isUnionType],
  ['Enums', 'enums', isEnumType],
  ['Input objects', 'inputs', isInputObjectType],
  ['Scalars', 'scalars', isScalarType],
];

/** The anchor of a type, and of one of its fields or values (`#Pendenza`, `#Pendenza.stato`). */
const anchor = (type: string, member?: string) => (member === undefined ? type : `${type}.${member}`);

/**
 * The schema reference: one static HTML page with every type, field, argument, enum value and doc
 * string of `schema`, each with an anchor, the roots first, then each kind by name. It loads
 * nothing (no script, no font, no stylesheet), so it is served as it is and reads offline.
 */
export function renderReference(schema: GraphQLSchema): string {
  const types = Object.values(schema.getTypeMap())
    .filter((t) => !t.name.startsWith('__'))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(
    (t) => t !== null && t !== undefined,
  );
  const rootNames = new Set(roots.map((t) => t.name));
  const groups: [string, string, GraphQLNamedType[]][] = [
    ['Operations', 'operations', roots],
    ...KINDS.map(([title, id, test]): [string, string, GraphQLNamedType[]] => [
      title,
      id,
      types.filter((t) => test(t) && !rootNames.has(t.name)),
    ]),
  ];
  const present = groups.filter(([, , list]) => list.length > 0);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>GovPay Hub GraphQL API reference</title>',
    `<style>\n${REFERENCE_STYLE}\n</style>`,
    '</head>',
    '<body>',
    '<h1>GovPay Hub GraphQL API reference</h1>',
    '<p>Every type, field, argument and value of the graph as clients see it (POST /graphql, subscriptions over graphql-ws on the same path). Generated from schema/graphql/api.graphql by <code>npm run schema:generate</code>.</p>',
    '<nav>',
    ...present.map(
      ([title, id, list]) => `<h2 id="${id}">${title}</h2>\n<ul>\n${list.map((t) => `<li>${typeLink(t.name)}</li>`).join('\n')}\n</ul>`,
    ),
    '</nav>',
    '<main>',
    ...present.map(([title, , list]) => `<h2>${title}</h2>\n${list.map(typeSection).join('\n')}`),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function typeSection(type: GraphQLNamedType): string {
  const head = `<section class="type" id="${esc(anchor(type.name))}">\n<h3><span class="kind">${kindOf(type)}</span>${esc(type.name)}${implementsOf(type)}</h3>\n${doc(type.description)}`;
  return `${head}${membersOf(type)}</section>`;
}

function kindOf(type: GraphQLNamedType): string {
  if (isObjectType(type)) return 'type';
  if (isInterfaceType(type)) return 'interface';
  if (isUnionType(type)) return 'union';
  if (isEnumType(type)) return 'enum';
  if (isInputObjectType(type)) return 'input';
  return 'scalar';
}

function implementsOf(type: GraphQLNamedType): string {
  const interfaces = isObjectType(type) || isInterfaceType(type) ? type.getInterfaces() : [];
  return interfaces.length ? ` implements ${interfaces.map((i) => typeLink(i.name)).join(' &amp; ')}` : '';
}

function membersOf(type: GraphQLNamedType): string {
  if (isObjectType(type) || isInterfaceType(type)) return list(Object.values(type.getFields()).map((f) => fieldEntry(type.name, f)));
  if (isInputObjectType(type)) return list(Object.values(type.getFields()).map((f) => inputEntry(type.name, f)));
  if (isEnumType(type)) {
    return list(type.getValues().map((v) => entry(type.name, v.name, '', v.description, v.deprecationReason)));
  }
  if (isUnionType(type))
    return `<p>One of: ${type
      .getTypes()
      .map((t) => typeLink(t.name))
      .join(' | ')}</p>\n`;
  return isSpecifiedScalarType(type) ? '<p>A scalar GraphQL defines.</p>\n' : '';
}

function list(entries: string[]): string {
  return entries.length ? `<dl>\n${entries.join('\n')}\n</dl>\n` : '';
}

function fieldEntry(owner: string, field: GraphQLField<unknown, unknown>): string {
  const args = field.args.length ? `<ul class="args">\n${field.args.map(argEntry).join('\n')}\n</ul>\n` : '';
  const rest = `${field.args.length ? '(…)' : ''}: ${typeRef(field.type)}`;
  return entry(owner, field.name, rest, field.description, field.deprecationReason, args);
}

function inputEntry(owner: string, field: GraphQLInputField): string {
  return entry(owner, field.name, `: ${typeRef(field.type)}${defaultOf(field)}`, field.description, field.deprecationReason);
}

function argEntry(arg: GraphQLArgument): string {
  const described = arg.description ? `<span class="doc">${esc(arg.description)}</span>` : '';
  return `<li>${esc(arg.name)}: ${typeRef(arg.type)}${defaultOf(arg)}${described}</li>`;
}

/** A field or value: its name linking to its own anchor, then the rest of its signature (`rest`, already HTML). */
function entry(
  owner: string,
  name: string,
  rest: string,
  description: string | null | undefined,
  deprecation: string | null | undefined,
  extra = '',
): string {
  const id = esc(anchor(owner, name));
  const deprecated = deprecation ? `<div class="deprecated">Deprecated: ${esc(deprecation)}</div>\n` : '';
  return `<dt id="${id}"><a href="#${id}">${esc(name)}</a>${rest}</dt>\n<dd>${doc(description)}${deprecated}${extra}</dd>`;
}

function defaultOf(value: GraphQLArgument | GraphQLInputField): string {
  const literal = value.defaultValue === undefined ? null : astFromValue(value.defaultValue, value.type);
  return literal ? ` = ${esc(print(literal))}` : '';
}

function doc(description: string | null | undefined): string {
  return description ? `<p class="doc">${esc(description)}</p>\n` : '';
}

/** A field's or argument's type, its named type linked (`[Pendenza!]!`). */
function typeRef(type: GraphQLType): string {
  const named = getNamedType(type).name;
  const text = String(type);
  const at = text.indexOf(named);
  return `${esc(text.slice(0, at))}${typeLink(named)}${esc(text.slice(at + named.length))}`;
}

function typeLink(name: string): string {
  return `<a href="#${esc(anchor(name))}">${esc(name)}</a>`;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
