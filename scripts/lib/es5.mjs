// The last step of a package's scripts: ES5 CommonJS, which WeChat's "ES6 转 ES5" leaves as it is. Lowered by
// WeChat's Babel instead, our ES2015 pulled in @babel/runtime (regeneratorRuntime alone is 6.8 KB, for
// async/await) and wrote every class method as a createClass descriptor. TypeScript lowers it here and calls its
// helpers (`__awaiter`, `__assign`, …) from one small module per package, holding only the helpers used.
// WeChat's step still adds two things to code that is ES5 already: a polyfill (@babel/runtime's Arrayincludes,
// 378 bytes) to any file that calls `.includes(`, so src/ uses indexOf; and its `typeof` helper where a
// `typeof x === 'object'` is compared (trtc-wx-sdk needs it anyway).
import ts from 'typescript';

// TypeScript's own helpers (tslib, 0BSD), where the runtime has no shorter equivalent. Base library 2.10.0
// runs ES2015 built-ins (Object.assign, Object.setPrototypeOf, Promise) on every WeChat client it supports.
const HELPERS = {
  __assign: 'Object.assign',
  __extends: `function (d, b) {
  Object.setPrototypeOf(d, b);
  function __() { this.constructor = d; }
  d.prototype = b === null ? Object.create(b) : ((__.prototype = b.prototype), new __());
}`,
  __rest: `function (s, e) {
  var t = {};
  for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p) && e.indexOf(p) < 0) t[p] = s[p];
  return t;
}`,
  __spreadArray: `function (to, from, pack) {
  if (pack || arguments.length === 2) for (var i = 0, l = from.length, ar; i < l; i++) {
    if (ar || !(i in from)) {
      if (!ar) ar = Array.prototype.slice.call(from, 0, i);
      ar[i] = from[i];
    }
  }
  return to.concat(ar || Array.prototype.slice.call(from));
}`,
  __importDefault: `function (mod) {
  return mod && mod.__esModule ? mod : { default: mod };
}`,
  __awaiter: `function (thisArg, _arguments, P, generator) {
  function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
  return new (P || (P = Promise))(function (resolve, reject) {
    function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
    function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
    function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
}`,
  __generator: `function (thisArg, body) {
  var _ = { label: 0, sent: function () { if (t[0] & 1) throw t[1]; return t[1]; }, trys: [], ops: [] }, f, y, t, g = Object.create(Object.prototype);
  return g.next = verb(0), g["throw"] = verb(1), g["return"] = verb(2), g;
  function verb(n) { return function (v) { return step([n, v]); }; }
  function step(op) {
    if (f) throw new TypeError("Generator is already executing.");
    while (g && (g = 0, op[0] && (_ = 0)), _) try {
      if (f = 1, y && (t = op[0] & 2 ? y["return"] : op[0] ? y["throw"] || ((t = y["return"]) && t.call(y), 0) : y.next) && !(t = t.call(y, op[1])).done) return t;
      if (y = 0, t) op = [op[0] & 2, t.value];
      switch (op[0]) {
        case 0: case 1: t = op; break;
        case 4: _.label++; return { value: op[1], done: false };
        case 5: _.label++; y = op[1]; op = [0]; continue;
        case 7: op = _.ops.pop(); _.trys.pop(); continue;
        default:
          if (!(t = _.trys, t = t.length > 0 && t[t.length - 1]) && (op[0] === 6 || op[0] === 2)) { _ = 0; continue; }
          if (op[0] === 3 && (!t || (op[1] > t[0] && op[1] < t[3]))) { _.label = op[1]; break; }
          if (op[0] === 6 && _.label < t[1]) { _.label = t[1]; t = op; break; }
          if (t && _.label < t[2]) { _.label = t[2]; _.ops.push(op); break; }
          if (t[2]) _.ops.pop();
          _.trys.pop(); continue;
      }
      op = body.call(thisArg, _);
    } catch (e) { op = [6, e]; y = 0; } finally { f = t = 0; }
    if (op[0] & 5) throw op[1]; return { value: op[0] ? op[1] : void 0, done: true };
  }
}`,
};

const HELPER_CALL = /\b(__[A-Za-z]+)\(/g;
/** Every helper TypeScript may call (tslib's exports); esbuild's own (`__defProp`, …) are defined in the file. */
const TYPESCRIPT_HELPERS = ['__extends', '__assign', '__rest', '__decorate', '__param', '__esDecorate', '__runInitializers', '__propKey', '__setFunctionName', '__metadata', '__awaiter', '__generator', '__createBinding', '__exportStar', '__values', '__read', '__spread', '__spreadArrays', '__spreadArray', '__await', '__asyncGenerator', '__asyncDelegator', '__asyncValues', '__makeTemplateObject', '__importStar', '__importDefault', '__classPrivateFieldGet', '__classPrivateFieldSet', '__classPrivateFieldIn', '__addDisposableResource', '__disposeResources', '__rewriteRelativeImportExtension'];

/**
 * `code` (a module of the bundle, ESM) as ES5 CommonJS, and the helpers it calls. Iterating anything but an
 * array would be lowered wrongly here (no type information, no downlevelIteration): tsconfig.json's ES5 target
 * makes `npm run typecheck` refuse it in src/.
 */
export function lowerToEs5(code, fileName) {
  const { outputText } = ts.transpileModule(code, {
    fileName,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES5, esModuleInterop: true, noEmitHelpers: true, removeComments: true },
    transformers: { before: [templatesAsConcatenation], after: [sharedPrototype, looseNullChecks] },
  });
  const helpers = [...new Set([...outputText.matchAll(HELPER_CALL)].map(([, name]) => name))].filter((name) => TYPESCRIPT_HELPERS.includes(name));
  const unknown = helpers.filter((name) => !(name in HELPERS));
  if (unknown.length > 0) throw new Error(`${fileName}: TypeScript's ES5 output calls ${unknown.join(', ')}, which scripts/lib/es5.mjs does not ship. Add it there, or write the code without it.`);
  return { code: outputText, helpers };
}


/**
 * `${a} of ${b}` as `"" + a + " of " + b` rather than TypeScript's ES5 `"".concat(a, " of ").concat(b)`. The
 * same text for every value but an object whose own valueOf returns something else than its toString (none
 * here: strings, numbers, errors' messages).
 */
function templatesAsConcatenation(context) {
  const { factory } = context;
  const visit = (node) => {
    if (ts.isTemplateExpression(node)) {
      let sum = factory.createStringLiteral(node.head.text);
      for (const span of node.templateSpans) {
        sum = factory.createAdd(sum, ts.visitNode(span.expression, visit));
        if (span.literal.text) sum = factory.createAdd(sum, factory.createStringLiteral(span.literal.text));
      }
      return factory.createParenthesizedExpression(sum);
    }
    // `var Name = class {…}` (esbuild's form of a class declaration) keeps its name: TypeScript infers it from
    // the declaration, which it no longer finds once a template inside has been rewritten.
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isClassExpression(node.initializer) && !node.initializer.name) {
      const named = factory.updateClassExpression(node.initializer, node.initializer.modifiers, factory.createIdentifier(ts.idText(node.name)), node.initializer.typeParameters, node.initializer.heritageClauses, node.initializer.members);
      return ts.visitEachChild(factory.updateVariableDeclaration(node, node.name, node.exclamationToken, node.type, named), visit, context);
    }
    return ts.visitEachChild(node, visit, context);
  };
  return (file) => ts.visitNode(file, visit);
}

/**
 * In each class TypeScript lowered to ES5, `Name.prototype` read once into a local before the methods that
 * are assigned to it (`p.start = function …` instead of `Name.prototype.start = function …`), so it minifies
 * to a letter.
 */
function sharedPrototype(context) {
  const { factory } = context;
  const isPrototypeOf = (node, name) => ts.isPropertyAccessExpression(node) && ts.idText(node.name) === 'prototype' && ts.isIdentifier(node.expression) && ts.idText(node.expression) === name;
  const rewriteClassBody = (body) => {
    const constructor = body.statements.find(ts.isFunctionDeclaration);
    const last = body.statements[body.statements.length - 1];
    const returned = last && ts.isReturnStatement(last) && last.expression ? ts.skipPartiallyEmittedExpressions(last.expression) : null;
    if (!constructor?.name || !returned || !ts.isIdentifier(returned) || ts.idText(returned) !== ts.idText(constructor.name)) return body;
    const name = ts.idText(constructor.name);
    const uses = (statement) => {
      let found = false;
      const look = (node) => {
        if (found || ts.isFunctionLike(node)) return;
        if (isPrototypeOf(node, name)) found = true;
        else ts.forEachChild(node, look);
      };
      look(statement);
      return found;
    };
    const first = body.statements.findIndex(uses);
    if (first < 0 || body.statements.filter(uses).length < 2) return body;
    const alias = factory.createUniqueName('proto');
    const replace = (node) => (isPrototypeOf(node, name) ? alias : ts.isFunctionLike(node) ? node : ts.visitEachChild(node, replace, context));
    const statements = body.statements.map((statement, index) => (index >= first && uses(statement) ? ts.visitNode(statement, replace) : statement));
    const declaration = factory.createVariableStatement(undefined, [factory.createVariableDeclaration(alias, undefined, undefined, factory.createPropertyAccessExpression(constructor.name, 'prototype'))]);
    return factory.updateBlock(body, [...statements.slice(0, first), declaration, ...statements.slice(first)]);
  };
  const visit = (node) => {
    if (ts.isFunctionExpression(node) && node.body) return factory.updateFunctionExpression(node, node.modifiers, node.asteriskToken, node.name, node.typeParameters, node.parameters, node.type, rewriteClassBody(ts.visitEachChild(node.body, visit, context)));
    return ts.visitEachChild(node, visit, context);
  };
  return (file) => ts.visitNode(file, visit);
}

/**
 * TypeScript lowers `a ?? b` and `a?.b` with two comparisons, `(t = a) !== null && t !== void 0`; one loose
 * comparison says the same (`(t = a) != null`: neither null nor undefined). Same for `=== null || … === void 0`.
 */
function looseNullChecks(context) {
  const { factory } = context;
  const K = ts.SyntaxKind;
  const assigned = (node) => {
    const inner = ts.isParenthesizedExpression(node) ? node.expression : node;
    if (ts.isIdentifier(inner)) return inner;
    return ts.isBinaryExpression(inner) && inner.operatorToken.kind === K.EqualsToken && ts.isIdentifier(inner.left) ? inner.left : null;
  };
  const isVoidZero = (node) => ts.isVoidExpression(node) && ts.isNumericLiteral(node.expression) && node.expression.text === '0';
  const pair = { [K.AmpersandAmpersandToken]: [K.ExclamationEqualsEqualsToken, K.ExclamationEqualsToken], [K.BarBarToken]: [K.EqualsEqualsEqualsToken, K.EqualsEqualsToken] };
  const visit = (node) => {
    const visited = ts.visitEachChild(node, visit, context);
    if (!ts.isBinaryExpression(visited) || !pair[visited.operatorToken.kind]) return visited;
    const [strict, loose] = pair[visited.operatorToken.kind];
    const { left, right } = visited;
    if (!ts.isBinaryExpression(left) || left.operatorToken.kind !== strict || left.right.kind !== K.NullKeyword) return visited;
    if (!ts.isBinaryExpression(right) || right.operatorToken.kind !== strict || !isVoidZero(right.right) || !ts.isIdentifier(right.left)) return visited;
    const target = assigned(left.left);
    if (!target || ts.idText(target) !== ts.idText(right.left)) return visited;
    return factory.createBinaryExpression(left.left, loose, factory.createNull());
  };
  return (file) => ts.visitNode(file, visit);
}

const IMPORT_FROM_CHUNK = /^import \{([^}]*)\} from "(\.[^"]+)";$/gm;
const EXPORT_LIST = /^export \{([^}]*)\};$/m;

/** The names a chunk exports, each with the local binding that holds it. */
function exportsOf(chunk) {
  const list = EXPORT_LIST.exec(chunk)?.[1] ?? '';
  return new Map(list.split(',').map((part) => part.trim()).filter(Boolean).map((part) => {
    const [local, exported = local] = part.split(/\s+as\s+/);
    return [exported, local];
  }));
}

/** True when the only assignment to `local` in `chunk` is its declaration (`var|let|const|function|class local`). */
function neverReassigned(chunk, local) {
  const name = local.replace(/\$/g, '\\$');
  const declared = new RegExp(`^(?:var|let|const|function|class) ${name}\\b`, 'm').test(chunk);
  const assigned = new RegExp(`(?:^|[^.\\w$])${name}\\s*(?:[-+*/%&|^]|\\*\\*|<<|>>>?|&&|\\|\\||\\?\\?)?=(?!=)|(?:\\+\\+|--)\\s*${name}\\b|\\b${name}\\s*(?:\\+\\+|--)`, 'm');
  return declared && !assigned.test(chunk.replace(new RegExp(`^(?:var|let|const) ${name}\\s*=`, 'm'), ''));
}

/**
 * ESM imports between the bundle's modules as plain locals: TypeScript's CommonJS reads every imported name
 * through its module object (`errors_1.ErrorCode.Timeout`, `(0, async_1.asPromise)(…)`), which no minifier can
 * shorten; a local (`var ErrorCode = chunk.ErrorCode`) minifies to a letter. A local is a copy, so only names
 * their chunk never assigns again are copied (chunks import each other without cycles: a chunk is evaluated
 * before any chunk that imports it); any other keeps its live binding.
 */
export function importsAsLocals(code, chunkOf) {
  let index = 0;
  return code.replace(IMPORT_FROM_CHUNK, (statement, list, specifier) => {
    const found = chunkOf(specifier);
    if (found === null) return statement;
    const chunk = found.text;
    const exported = exportsOf(chunk);
    const bindings = list.split(',').map((part) => part.trim()).filter(Boolean).map((part) => {
      const [name, local = name] = part.split(/\s+as\s+/);
      return { imported: found.renamed.get(name) ?? name, local, original: name };
    });
    const copied = bindings.filter(({ original }) => exported.has(original) && neverReassigned(chunk, exported.get(original)));
    const live = bindings.filter((binding) => !copied.includes(binding));
    const module = `__chunk${index++}`;
    return [
      `const ${module} = require("${specifier}");`,
      ...(copied.length > 0 ? [`const ${copied.map(({ imported, local }) => `${local} = ${module}.${imported}`).join(', ')};`] : []),
      ...(live.length > 0 ? [`import { ${live.map(({ imported, local }) => (imported === local ? local : `${imported} as ${local}`)).join(', ')} } from "${specifier}";`] : []),
    ].join('\n');
  });
}

const SHORT = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * A shared chunk's exports under short names (`exports.a`): only the bundle's own modules import them, and
 * each name is written three times (the chunk's export, its `void 0` preamble, each importer's read).
 * `renamed` maps the name esbuild gave to the short one; importsAsLocals reads it.
 */
export function shortExports(chunk) {
  const renamed = new Map();
  const text = chunk.replace(EXPORT_LIST, (all, list) => {
    const parts = list.split(',').map((part) => part.trim()).filter(Boolean).map((part, i) => {
      const [local, exported = local] = part.split(/\s+as\s+/);
      const short = i < SHORT.length ? SHORT[i] : `${SHORT[i % SHORT.length]}${Math.floor(i / SHORT.length)}`;
      renamed.set(exported, short);
      return `${local} as ${short}`;
    });
    return `export { ${parts.join(', ')} };`;
  });
  return { text, renamed };
}

/** Binds the helpers `code` calls from the package's helper module (`specifier`), after "use strict". */
export function withHelpers(code, helpers, specifier) {
  if (helpers.length === 0) return code;
  const binding = `var __helpers = require("${specifier}"), ${helpers.map((name) => `${name} = __helpers.${name}`).join(', ')};\n`;
  return code.replace(/^("use strict";\n)?/, (strict) => strict + binding);
}

/** The helper module of a package: the helpers its scripts call, and nothing else. */
export function helperModule(helpers) {
  return `"use strict";\n${[...helpers].sort().map((name) => `exports.${name} = ${HELPERS[name]};`).join('\n')}\n`;
}
