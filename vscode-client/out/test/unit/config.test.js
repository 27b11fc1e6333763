"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// test/unit/config.test.ts
var import_node_test = require("node:test");
var import_strict = __toESM(require("node:assert/strict"));

// src/config.ts
var path = __toESM(require("path"));
var FORWARDED_SETTINGS = [
  "models.mini",
  "models.frontier",
  "routing.autocomplete",
  "routing.rename",
  "routing.explain",
  "routing.refactor",
  "openai.baseUrl",
  "anthropic.baseUrl",
  "providers",
  "budget.sessionUsd",
  "budget.dailyUsd",
  "budget.hardStop",
  "cache.enabled",
  "cache.maxSizeMb",
  "cache.ttlDays",
  "autocomplete.debounceMs",
  "refactor.instructions"
];
var BUILTIN_PROVIDERS = ["openai", "anthropic"];
var BUILTIN_KEY_ENV = {
  openai: "OPENAI_API_KEY",
  anthropic: "ANTHROPIC_API_KEY"
};
function setPath(obj, dotted, value) {
  const parts = dotted.split(".");
  let cur = obj;
  for (const p of parts.slice(0, -1)) {
    if (typeof cur[p] !== "object" || cur[p] === null) cur[p] = {};
    cur = cur[p];
  }
  cur[parts[parts.length - 1]] = value;
}
function buildServerSettings(get, apiKeys) {
  const out = {};
  for (const key of FORWARDED_SETTINGS) {
    const v = get(key);
    if (v === void 0) continue;
    if (typeof v === "string" && v.trim() === "") continue;
    setPath(out, key, typeof v === "string" ? v.trim() : v);
  }
  for (const provider of BUILTIN_PROVIDERS) {
    const k = apiKeys[provider];
    if (k) setPath(out, `${provider}.apiKey`, k);
  }
  return out;
}
function settingsSection(settings2, section) {
  if (!section) return settings2;
  let cur = settings2;
  for (const p of section.split(".")) {
    if (typeof cur !== "object" || cur === null) return null;
    cur = cur[p];
  }
  return cur === void 0 ? null : cur;
}
var INSTALL_HINT = 'Install the server with "pip install lsp-router" (it puts `lsp-router` on PATH), or set "lspRouter.server.path" to the lsp-router executable, or "lspRouter.server.pythonPath" to a Python interpreter that has lsp-router installed.';
function expand(p, opts) {
  let out = p.trim();
  if (opts.home && (out === "~" || out.startsWith("~/"))) out = path.join(opts.home, out.slice(1));
  if (opts.workspaceFolder) out = out.replace(/\$\{workspaceFolder\}/g, opts.workspaceFolder);
  return out;
}
function findOnPath(name, opts) {
  const win = (opts.platform ?? process.platform) === "win32";
  const sep = win ? ";" : ":";
  const exts = win ? (opts.pathExt ?? ".EXE;.CMD;.BAT;.COM").split(";").filter(Boolean) : [""];
  for (const dir of (opts.envPath ?? "").split(sep)) {
    if (!dir) continue;
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext);
      if (opts.isExecutable(candidate)) return candidate;
    }
  }
  return void 0;
}
function resolveServerCommand(opts) {
  const serverPath = opts.serverPath ? expand(opts.serverPath, opts) : "";
  if (serverPath) {
    if (!opts.isExecutable(serverPath)) {
      return {
        ok: false,
        message: `"lspRouter.server.path" is set to ${serverPath}, which is not an executable file. Point it at the lsp-router executable (e.g. .venv/bin/lsp-router) or clear it. ` + INSTALL_HINT
      };
    }
    return { ok: true, command: serverPath, args: ["serve"], source: "lspRouter.server.path" };
  }
  const pythonPath = opts.pythonPath ? expand(opts.pythonPath, opts) : "";
  if (pythonPath) {
    const resolved = pythonPath.includes("/") || pythonPath.includes("\\") ? pythonPath : findOnPath(pythonPath, opts);
    if (!resolved || !opts.isExecutable(resolved)) {
      return {
        ok: false,
        message: `"lspRouter.server.pythonPath" is set to ${pythonPath}, which is not an executable Python interpreter. Point it at a Python that has lsp-router installed (pip install lsp-router) or clear it.`
      };
    }
    return { ok: true, command: resolved, args: ["-m", "lsp_router", "serve"], source: "lspRouter.server.pythonPath" };
  }
  const onPath = findOnPath("lsp-router", opts);
  if (onPath) return { ok: true, command: onPath, args: ["serve"], source: "PATH" };
  return { ok: false, message: `Could not find the lsp-router language server. ${INSTALL_HINT}` };
}
function providersInUse(models) {
  const out = [];
  for (const m of models) {
    if (!m) continue;
    const i = m.indexOf(":");
    const p = i > 0 ? m.slice(0, i) : "";
    if (p && !out.includes(p)) out.push(p);
  }
  return out;
}
function keyEnvFor(provider, providers) {
  const custom = providers?.[provider];
  if (custom) return custom.apiKeyEnv || void 0;
  return BUILTIN_KEY_ENV[provider];
}
function providersMissingKeys(inUse, storedKeys, env, providers) {
  return inUse.filter((p) => {
    if (storedKeys[p]) return false;
    const envName = keyEnvFor(p, providers);
    if (!envName) return false;
    return !env[envName];
  });
}
function serverEnv(base, storedKeys, providers) {
  const env = {};
  for (const [k, v] of Object.entries(base)) if (v !== void 0) env[k] = v;
  for (const [name, cfg] of Object.entries(providers ?? {})) {
    const key = storedKeys[name];
    if (key && cfg.apiKeyEnv && !env[cfg.apiKeyEnv]) env[cfg.apiKeyEnv] = key;
  }
  return env;
}

// test/unit/config.test.ts
var settings = {
  "models.mini": "openai:gpt-5.4-mini",
  "models.frontier": "anthropic:claude-opus-4-7",
  "routing.autocomplete": "mini",
  "routing.rename": "auto",
  "routing.explain": "frontier",
  "routing.refactor": "auto",
  "openai.baseUrl": "http://127.0.0.1:9999/v1 ",
  "anthropic.baseUrl": "",
  providers: {},
  "budget.sessionUsd": 1.5,
  "budget.dailyUsd": null,
  "budget.hardStop": false,
  "cache.enabled": true,
  "cache.maxSizeMb": 256,
  "cache.ttlDays": 14,
  "autocomplete.debounceMs": 150,
  "refactor.instructions": ["Add type hints"]
};
(0, import_node_test.test)("buildServerSettings: the nested shape, keys from secrets, empty strings dropped", () => {
  const out = buildServerSettings((k) => settings[k], { openai: "sk-1", anthropic: void 0 });
  import_strict.default.deepEqual(out, {
    models: { mini: "openai:gpt-5.4-mini", frontier: "anthropic:claude-opus-4-7" },
    routing: { autocomplete: "mini", rename: "auto", explain: "frontier", refactor: "auto" },
    openai: { baseUrl: "http://127.0.0.1:9999/v1", apiKey: "sk-1" },
    providers: {},
    budget: { sessionUsd: 1.5, dailyUsd: null, hardStop: false },
    cache: { enabled: true, maxSizeMb: 256, ttlDays: 14 },
    autocomplete: { debounceMs: 150 },
    refactor: { instructions: ["Add type hints"] }
  });
  import_strict.default.equal(settingsSection(out, "openai.baseUrl"), "http://127.0.0.1:9999/v1");
  import_strict.default.equal(settingsSection(out, "nope.x"), null);
  import_strict.default.equal(settingsSection(out, ""), out);
});
(0, import_node_test.test)("buildServerSettings never forwards server.* or unknown keys", () => {
  const out = buildServerSettings((k) => ({ "server.path": "/x", "openai.apiKey": "leak" })[k], {});
  import_strict.default.deepEqual(out, {});
});
var exe = (files) => (f) => files.includes(f);
(0, import_node_test.test)("resolveServerCommand: server.path, then pythonPath, then PATH, else the fix", () => {
  import_strict.default.deepEqual(resolveServerCommand({ serverPath: "/venv/bin/lsp-router", isExecutable: exe(["/venv/bin/lsp-router"]) }), {
    ok: true,
    command: "/venv/bin/lsp-router",
    args: ["serve"],
    source: "lspRouter.server.path"
  });
  const bad = resolveServerCommand({ serverPath: "/nope", isExecutable: exe([]) });
  import_strict.default.equal(bad.ok, false);
  import_strict.default.match(bad.message, /not an executable/);
  import_strict.default.deepEqual(resolveServerCommand({ pythonPath: "/usr/bin/python3", isExecutable: exe(["/usr/bin/python3"]) }), {
    ok: true,
    command: "/usr/bin/python3",
    args: ["-m", "lsp_router", "serve"],
    source: "lspRouter.server.pythonPath"
  });
  import_strict.default.deepEqual(
    resolveServerCommand({ envPath: "/a:/b", platform: "linux", isExecutable: exe(["/b/lsp-router"]) }),
    { ok: true, command: "/b/lsp-router", args: ["serve"], source: "PATH" }
  );
  const none = resolveServerCommand({ envPath: "/a", platform: "linux", isExecutable: exe([]) });
  import_strict.default.equal(none.ok, false);
  import_strict.default.match(none.message, /pip install lsp-router/);
  import_strict.default.match(none.message, /lspRouter\.server\.path/);
});
(0, import_node_test.test)("resolveServerCommand expands ~ and ${workspaceFolder}", () => {
  const r = resolveServerCommand({
    serverPath: "${workspaceFolder}/.venv/bin/lsp-router",
    workspaceFolder: "/ws",
    isExecutable: exe(["/ws/.venv/bin/lsp-router"])
  });
  import_strict.default.equal(r.ok && r.command, "/ws/.venv/bin/lsp-router");
  const h = resolveServerCommand({ pythonPath: "~/py/bin/python", home: "/home/u", isExecutable: exe(["/home/u/py/bin/python"]) });
  import_strict.default.equal(h.ok && h.command, "/home/u/py/bin/python");
});
(0, import_node_test.test)("findOnPath on Windows uses PATHEXT", () => {
  const p = findOnPath("lsp-router", {
    envPath: "C:\\x;C:\\y",
    platform: "win32",
    pathExt: ".EXE;.CMD",
    isExecutable: (f) => f.endsWith("lsp-router.EXE") && f.includes("y")
  });
  import_strict.default.ok(p && p.endsWith("lsp-router.EXE"));
});
(0, import_node_test.test)("missing keys: stored key or env variable satisfies a provider", () => {
  const inUse = providersInUse(["openai:gpt-5.4-mini", "anthropic:claude-opus-4-7", "openai:gpt-5.4"]);
  import_strict.default.deepEqual(inUse, ["openai", "anthropic"]);
  import_strict.default.deepEqual(providersMissingKeys(inUse, {}, {}, {}), ["openai", "anthropic"]);
  import_strict.default.deepEqual(providersMissingKeys(inUse, { openai: "k" }, {}, {}), ["anthropic"]);
  import_strict.default.deepEqual(providersMissingKeys(inUse, {}, { ANTHROPIC_API_KEY: "x", OPENAI_API_KEY: "y" }, {}), []);
  import_strict.default.deepEqual(providersMissingKeys(["local"], {}, {}, { local: { api: "openai" } }), []);
  import_strict.default.deepEqual(providersMissingKeys(["or"], {}, {}, { or: { api: "openai", apiKeyEnv: "OR_KEY" } }), ["or"]);
  import_strict.default.deepEqual(providersMissingKeys(["or"], {}, { OR_KEY: "z" }, { or: { api: "openai", apiKeyEnv: "OR_KEY" } }), []);
});
(0, import_node_test.test)("serverEnv passes the environment through and adds custom provider keys", () => {
  const env = serverEnv({ PATH: "/bin", OR_KEY: void 0 }, { or: "k1", openai: "k2" }, { or: { api: "openai", apiKeyEnv: "OR_KEY" } });
  import_strict.default.deepEqual(env, { PATH: "/bin", OR_KEY: "k1" });
  const kept = serverEnv({ OR_KEY: "mine" }, { or: "k1" }, { or: { api: "openai", apiKeyEnv: "OR_KEY" } });
  import_strict.default.equal(kept.OR_KEY, "mine");
});
//# sourceMappingURL=data:application/json;base64,ewogICJ2ZXJzaW9uIjogMywKICAic291cmNlcyI6IFsiLi4vLi4vLi4vdGVzdC91bml0L2NvbmZpZy50ZXN0LnRzIiwgIi4uLy4uLy4uL3NyYy9jb25maWcudHMiXSwKICAic291cmNlc0NvbnRlbnQiOiBbImltcG9ydCB7IHRlc3QgfSBmcm9tICdub2RlOnRlc3QnO1xuaW1wb3J0IGFzc2VydCBmcm9tICdub2RlOmFzc2VydC9zdHJpY3QnO1xuaW1wb3J0IHtcbiAgYnVpbGRTZXJ2ZXJTZXR0aW5ncyxcbiAgZmluZE9uUGF0aCxcbiAgcHJvdmlkZXJzSW5Vc2UsXG4gIHByb3ZpZGVyc01pc3NpbmdLZXlzLFxuICByZXNvbHZlU2VydmVyQ29tbWFuZCxcbiAgc2VydmVyRW52LFxuICBzZXR0aW5nc1NlY3Rpb24sXG59IGZyb20gJy4uLy4uL3NyYy9jb25maWcnO1xuXG5jb25zdCBzZXR0aW5nczogUmVjb3JkPHN0cmluZywgdW5rbm93bj4gPSB7XG4gICdtb2RlbHMubWluaSc6ICdvcGVuYWk6Z3B0LTUuNC1taW5pJyxcbiAgJ21vZGVscy5mcm9udGllcic6ICdhbnRocm9waWM6Y2xhdWRlLW9wdXMtNC03JyxcbiAgJ3JvdXRpbmcuYXV0b2NvbXBsZXRlJzogJ21pbmknLFxuICAncm91dGluZy5yZW5hbWUnOiAnYXV0bycsXG4gICdyb3V0aW5nLmV4cGxhaW4nOiAnZnJvbnRpZXInLFxuICAncm91dGluZy5yZWZhY3Rvcic6ICdhdXRvJyxcbiAgJ29wZW5haS5iYXNlVXJsJzogJ2h0dHA6Ly8xMjcuMC4wLjE6OTk5OS92MSAnLFxuICAnYW50aHJvcGljLmJhc2VVcmwnOiAnJyxcbiAgcHJvdmlkZXJzOiB7fSxcbiAgJ2J1ZGdldC5zZXNzaW9uVXNkJzogMS41LFxuICAnYnVkZ2V0LmRhaWx5VXNkJzogbnVsbCxcbiAgJ2J1ZGdldC5oYXJkU3RvcCc6IGZhbHNlLFxuICAnY2FjaGUuZW5hYmxlZCc6IHRydWUsXG4gICdjYWNoZS5tYXhTaXplTWInOiAyNTYsXG4gICdjYWNoZS50dGxEYXlzJzogMTQsXG4gICdhdXRvY29tcGxldGUuZGVib3VuY2VNcyc6IDE1MCxcbiAgJ3JlZmFjdG9yLmluc3RydWN0aW9ucyc6IFsnQWRkIHR5cGUgaGludHMnXSxcbn07XG5cbnRlc3QoJ2J1aWxkU2VydmVyU2V0dGluZ3M6IHRoZSBuZXN0ZWQgc2hhcGUsIGtleXMgZnJvbSBzZWNyZXRzLCBlbXB0eSBzdHJpbmdzIGRyb3BwZWQnLCAoKSA9PiB7XG4gIGNvbnN0IG91dCA9IGJ1aWxkU2VydmVyU2V0dGluZ3MoKGspID0+IHNldHRpbmdzW2tdLCB7IG9wZW5haTogJ3NrLTEnLCBhbnRocm9waWM6IHVuZGVmaW5lZCB9KTtcbiAgYXNzZXJ0LmRlZXBFcXVhbChvdXQsIHtcbiAgICBtb2RlbHM6IHsgbWluaTogJ29wZW5haTpncHQtNS40LW1pbmknLCBmcm9udGllcjogJ2FudGhyb3BpYzpjbGF1ZGUtb3B1cy00LTcnIH0sXG4gICAgcm91dGluZzogeyBhdXRvY29tcGxldGU6ICdtaW5pJywgcmVuYW1lOiAnYXV0bycsIGV4cGxhaW46ICdmcm9udGllcicsIHJlZmFjdG9yOiAnYXV0bycgfSxcbiAgICBvcGVuYWk6IHsgYmFzZVVybDogJ2h0dHA6Ly8xMjcuMC4wLjE6OTk5OS92MScsIGFwaUtleTogJ3NrLTEnIH0sXG4gICAgcHJvdmlkZXJzOiB7fSxcbiAgICBidWRnZXQ6IHsgc2Vzc2lvblVzZDogMS41LCBkYWlseVVzZDogbnVsbCwgaGFyZFN0b3A6IGZhbHNlIH0sXG4gICAgY2FjaGU6IHsgZW5hYmxlZDogdHJ1ZSwgbWF4U2l6ZU1iOiAyNTYsIHR0bERheXM6IDE0IH0sXG4gICAgYXV0b2NvbXBsZXRlOiB7IGRlYm91bmNlTXM6IDE1MCB9LFxuICAgIHJlZmFjdG9yOiB7IGluc3RydWN0aW9uczogWydBZGQgdHlwZSBoaW50cyddIH0sXG4gIH0pO1xuICBhc3NlcnQuZXF1YWwoc2V0dGluZ3NTZWN0aW9uKG91dCwgJ29wZW5haS5iYXNlVXJsJyksICdodHRwOi8vMTI3LjAuMC4xOjk5OTkvdjEnKTtcbiAgYXNzZXJ0LmVxdWFsKHNldHRpbmdzU2VjdGlvbihvdXQsICdub3BlLngnKSwgbnVsbCk7XG4gIGFzc2VydC5lcXVhbChzZXR0aW5nc1NlY3Rpb24ob3V0LCAnJyksIG91dCk7XG59KTtcblxudGVzdCgnYnVpbGRTZXJ2ZXJTZXR0aW5ncyBuZXZlciBmb3J3YXJkcyBzZXJ2ZXIuKiBvciB1bmtub3duIGtleXMnLCAoKSA9PiB7XG4gIGNvbnN0IG91dCA9IGJ1aWxkU2VydmVyU2V0dGluZ3MoKGspID0+ICh7ICdzZXJ2ZXIucGF0aCc6ICcveCcsICdvcGVuYWkuYXBpS2V5JzogJ2xlYWsnIH0gYXMgUmVjb3JkPHN0cmluZywgdW5rbm93bj4pW2tdLCB7fSk7XG4gIGFzc2VydC5kZWVwRXF1YWwob3V0LCB7fSk7XG59KTtcblxuY29uc3QgZXhlID0gKGZpbGVzOiBzdHJpbmdbXSkgPT4gKGY6IHN0cmluZykgPT4gZmlsZXMuaW5jbHVkZXMoZik7XG5cbnRlc3QoJ3Jlc29sdmVTZXJ2ZXJDb21tYW5kOiBzZXJ2ZXIucGF0aCwgdGhlbiBweXRob25QYXRoLCB0aGVuIFBBVEgsIGVsc2UgdGhlIGZpeCcsICgpID0+IHtcbiAgYXNzZXJ0LmRlZXBFcXVhbChyZXNvbHZlU2VydmVyQ29tbWFuZCh7IHNlcnZlclBhdGg6ICcvdmVudi9iaW4vbHNwLXJvdXRlcicsIGlzRXhlY3V0YWJsZTogZXhlKFsnL3ZlbnYvYmluL2xzcC1yb3V0ZXInXSkgfSksIHtcbiAgICBvazogdHJ1ZSxcbiAgICBjb21tYW5kOiAnL3ZlbnYvYmluL2xzcC1yb3V0ZXInLFxuICAgIGFyZ3M6IFsnc2VydmUnXSxcbiAgICBzb3VyY2U6ICdsc3BSb3V0ZXIuc2VydmVyLnBhdGgnLFxuICB9KTtcbiAgY29uc3QgYmFkID0gcmVzb2x2ZVNlcnZlckNvbW1hbmQoeyBzZXJ2ZXJQYXRoOiAnL25vcGUnLCBpc0V4ZWN1dGFibGU6IGV4ZShbXSkgfSk7XG4gIGFzc2VydC5lcXVhbChiYWQub2ssIGZhbHNlKTtcbiAgYXNzZXJ0Lm1hdGNoKChiYWQgYXMgeyBtZXNzYWdlOiBzdHJpbmcgfSkubWVzc2FnZSwgL25vdCBhbiBleGVjdXRhYmxlLyk7XG4gIGFzc2VydC5kZWVwRXF1YWwocmVzb2x2ZVNlcnZlckNvbW1hbmQoeyBweXRob25QYXRoOiAnL3Vzci9iaW4vcHl0aG9uMycsIGlzRXhlY3V0YWJsZTogZXhlKFsnL3Vzci9iaW4vcHl0aG9uMyddKSB9KSwge1xuICAgIG9rOiB0cnVlLFxuICAgIGNvbW1hbmQ6ICcvdXNyL2Jpbi9weXRob24zJyxcbiAgICBhcmdzOiBbJy1tJywgJ2xzcF9yb3V0ZXInLCAnc2VydmUnXSxcbiAgICBzb3VyY2U6ICdsc3BSb3V0ZXIuc2VydmVyLnB5dGhvblBhdGgnLFxuICB9KTtcbiAgYXNzZXJ0LmRlZXBFcXVhbChcbiAgICByZXNvbHZlU2VydmVyQ29tbWFuZCh7IGVudlBhdGg6ICcvYTovYicsIHBsYXRmb3JtOiAnbGludXgnLCBpc0V4ZWN1dGFibGU6IGV4ZShbJy9iL2xzcC1yb3V0ZXInXSkgfSksXG4gICAgeyBvazogdHJ1ZSwgY29tbWFuZDogJy9iL2xzcC1yb3V0ZXInLCBhcmdzOiBbJ3NlcnZlJ10sIHNvdXJjZTogJ1BBVEgnIH0sXG4gICk7XG4gIGNvbnN0IG5vbmUgPSByZXNvbHZlU2VydmVyQ29tbWFuZCh7IGVudlBhdGg6ICcvYScsIHBsYXRmb3JtOiAnbGludXgnLCBpc0V4ZWN1dGFibGU6IGV4ZShbXSkgfSk7XG4gIGFzc2VydC5lcXVhbChub25lLm9rLCBmYWxzZSk7XG4gIGFzc2VydC5tYXRjaCgobm9uZSBhcyB7IG1lc3NhZ2U6IHN0cmluZyB9KS5tZXNzYWdlLCAvcGlwIGluc3RhbGwgbHNwLXJvdXRlci8pO1xuICBhc3NlcnQubWF0Y2goKG5vbmUgYXMgeyBtZXNzYWdlOiBzdHJpbmcgfSkubWVzc2FnZSwgL2xzcFJvdXRlclxcLnNlcnZlclxcLnBhdGgvKTtcbn0pO1xuXG50ZXN0KCdyZXNvbHZlU2VydmVyQ29tbWFuZCBleHBhbmRzIH4gYW5kICR7d29ya3NwYWNlRm9sZGVyfScsICgpID0+IHtcbiAgY29uc3QgciA9IHJlc29sdmVTZXJ2ZXJDb21tYW5kKHtcbiAgICBzZXJ2ZXJQYXRoOiAnJHt3b3Jrc3BhY2VGb2xkZXJ9Ly52ZW52L2Jpbi9sc3Atcm91dGVyJyxcbiAgICB3b3Jrc3BhY2VGb2xkZXI6ICcvd3MnLFxuICAgIGlzRXhlY3V0YWJsZTogZXhlKFsnL3dzLy52ZW52L2Jpbi9sc3Atcm91dGVyJ10pLFxuICB9KTtcbiAgYXNzZXJ0LmVxdWFsKHIub2sgJiYgci5jb21tYW5kLCAnL3dzLy52ZW52L2Jpbi9sc3Atcm91dGVyJyk7XG4gIGNvbnN0IGggPSByZXNvbHZlU2VydmVyQ29tbWFuZCh7IHB5dGhvblBhdGg6ICd+L3B5L2Jpbi9weXRob24nLCBob21lOiAnL2hvbWUvdScsIGlzRXhlY3V0YWJsZTogZXhlKFsnL2hvbWUvdS9weS9iaW4vcHl0aG9uJ10pIH0pO1xuICBhc3NlcnQuZXF1YWwoaC5vayAmJiBoLmNvbW1hbmQsICcvaG9tZS91L3B5L2Jpbi9weXRob24nKTtcbn0pO1xuXG50ZXN0KCdmaW5kT25QYXRoIG9uIFdpbmRvd3MgdXNlcyBQQVRIRVhUJywgKCkgPT4ge1xuICBjb25zdCBwID0gZmluZE9uUGF0aCgnbHNwLXJvdXRlcicsIHtcbiAgICBlbnZQYXRoOiAnQzpcXFxceDtDOlxcXFx5JyxcbiAgICBwbGF0Zm9ybTogJ3dpbjMyJyxcbiAgICBwYXRoRXh0OiAnLkVYRTsuQ01EJyxcbiAgICBpc0V4ZWN1dGFibGU6IChmKSA9PiBmLmVuZHNXaXRoKCdsc3Atcm91dGVyLkVYRScpICYmIGYuaW5jbHVkZXMoJ3knKSxcbiAgfSk7XG4gIGFzc2VydC5vayhwICYmIHAuZW5kc1dpdGgoJ2xzcC1yb3V0ZXIuRVhFJykpO1xufSk7XG5cbnRlc3QoJ21pc3Npbmcga2V5czogc3RvcmVkIGtleSBvciBlbnYgdmFyaWFibGUgc2F0aXNmaWVzIGEgcHJvdmlkZXInLCAoKSA9PiB7XG4gIGNvbnN0IGluVXNlID0gcHJvdmlkZXJzSW5Vc2UoWydvcGVuYWk6Z3B0LTUuNC1taW5pJywgJ2FudGhyb3BpYzpjbGF1ZGUtb3B1cy00LTcnLCAnb3BlbmFpOmdwdC01LjQnXSk7XG4gIGFzc2VydC5kZWVwRXF1YWwoaW5Vc2UsIFsnb3BlbmFpJywgJ2FudGhyb3BpYyddKTtcbiAgYXNzZXJ0LmRlZXBFcXVhbChwcm92aWRlcnNNaXNzaW5nS2V5cyhpblVzZSwge30sIHt9LCB7fSksIFsnb3BlbmFpJywgJ2FudGhyb3BpYyddKTtcbiAgYXNzZXJ0LmRlZXBFcXVhbChwcm92aWRlcnNNaXNzaW5nS2V5cyhpblVzZSwgeyBvcGVuYWk6ICdrJyB9LCB7fSwge30pLCBbJ2FudGhyb3BpYyddKTtcbiAgYXNzZXJ0LmRlZXBFcXVhbChwcm92aWRlcnNNaXNzaW5nS2V5cyhpblVzZSwge30sIHsgQU5USFJPUElDX0FQSV9LRVk6ICd4JywgT1BFTkFJX0FQSV9LRVk6ICd5JyB9LCB7fSksIFtdKTtcbiAgLy8gYSBjdXN0b20gcHJvdmlkZXIgd2l0aG91dCBhcGlLZXlFbnYgbmVlZHMgbm8ga2V5OyB3aXRoIG9uZSwgaXRzIHZhcmlhYmxlIGNvdW50c1xuICBhc3NlcnQuZGVlcEVxdWFsKHByb3ZpZGVyc01pc3NpbmdLZXlzKFsnbG9jYWwnXSwge30sIHt9LCB7IGxvY2FsOiB7IGFwaTogJ29wZW5haScgfSB9KSwgW10pO1xuICBhc3NlcnQuZGVlcEVxdWFsKHByb3ZpZGVyc01pc3NpbmdLZXlzKFsnb3InXSwge30sIHt9LCB7IG9yOiB7IGFwaTogJ29wZW5haScsIGFwaUtleUVudjogJ09SX0tFWScgfSB9KSwgWydvciddKTtcbiAgYXNzZXJ0LmRlZXBFcXVhbChwcm92aWRlcnNNaXNzaW5nS2V5cyhbJ29yJ10sIHt9LCB7IE9SX0tFWTogJ3onIH0sIHsgb3I6IHsgYXBpOiAnb3BlbmFpJywgYXBpS2V5RW52OiAnT1JfS0VZJyB9IH0pLCBbXSk7XG59KTtcblxudGVzdCgnc2VydmVyRW52IHBhc3NlcyB0aGUgZW52aXJvbm1lbnQgdGhyb3VnaCBhbmQgYWRkcyBjdXN0b20gcHJvdmlkZXIga2V5cycsICgpID0+IHtcbiAgY29uc3QgZW52ID0gc2VydmVyRW52KHsgUEFUSDogJy9iaW4nLCBPUl9LRVk6IHVuZGVmaW5lZCB9LCB7IG9yOiAnazEnLCBvcGVuYWk6ICdrMicgfSwgeyBvcjogeyBhcGk6ICdvcGVuYWknLCBhcGlLZXlFbnY6ICdPUl9LRVknIH0gfSk7XG4gIGFzc2VydC5kZWVwRXF1YWwoZW52LCB7IFBBVEg6ICcvYmluJywgT1JfS0VZOiAnazEnIH0pO1xuICBjb25zdCBrZXB0ID0gc2VydmVyRW52KHsgT1JfS0VZOiAnbWluZScgfSwgeyBvcjogJ2sxJyB9LCB7IG9yOiB7IGFwaTogJ29wZW5haScsIGFwaUtleUVudjogJ09SX0tFWScgfSB9KTtcbiAgYXNzZXJ0LmVxdWFsKGtlcHQuT1JfS0VZLCAnbWluZScpO1xufSk7XG4iLCAiLy8gU2V0dGluZ3MgLT4gdGhlIHNlcnZlcidzIHNldHRpbmdzIG9iamVjdCwgZmluZGluZyB0aGUgc2VydmVyIGV4ZWN1dGFibGUsIGFuZCB3aGljaCBwcm92aWRlcnNcbi8vIGxhY2sgYSBrZXkuIFB1cmUgKG5vIGB2c2NvZGVgIGltcG9ydCk6IHRoZSBleHRlbnNpb24gcGFzc2VzIGluIGEgZ2V0dGVyIGFuZCB0aGUgc2VjcmV0cy5cblxuaW1wb3J0ICogYXMgcGF0aCBmcm9tICdwYXRoJztcblxuLyoqIENvbnRyaWJ1dGVkIHNldHRpbmdzIGZvcndhcmRlZCB0byB0aGUgc2VydmVyLCByZWxhdGl2ZSB0byB0aGUgYGxzcFJvdXRlcmAgc2VjdGlvbi4gKi9cbmV4cG9ydCBjb25zdCBGT1JXQVJERURfU0VUVElOR1MgPSBbXG4gICdtb2RlbHMubWluaScsXG4gICdtb2RlbHMuZnJvbnRpZXInLFxuICAncm91dGluZy5hdXRvY29tcGxldGUnLFxuICAncm91dGluZy5yZW5hbWUnLFxuICAncm91dGluZy5leHBsYWluJyxcbiAgJ3JvdXRpbmcucmVmYWN0b3InLFxuICAnb3BlbmFpLmJhc2VVcmwnLFxuICAnYW50aHJvcGljLmJhc2VVcmwnLFxuICAncHJvdmlkZXJzJyxcbiAgJ2J1ZGdldC5zZXNzaW9uVXNkJyxcbiAgJ2J1ZGdldC5kYWlseVVzZCcsXG4gICdidWRnZXQuaGFyZFN0b3AnLFxuICAnY2FjaGUuZW5hYmxlZCcsXG4gICdjYWNoZS5tYXhTaXplTWInLFxuICAnY2FjaGUudHRsRGF5cycsXG4gICdhdXRvY29tcGxldGUuZGVib3VuY2VNcycsXG4gICdyZWZhY3Rvci5pbnN0cnVjdGlvbnMnLFxuXSBhcyBjb25zdDtcblxuLyoqIEJ1aWx0LWluIHByb3ZpZGVycyB3aG9zZSBrZXlzIHRoZSBzZXJ2ZXIgdGFrZXMgaW4gaXRzIHNldHRpbmdzIChgPHByb3ZpZGVyPi5hcGlLZXlgKS4gKi9cbmV4cG9ydCBjb25zdCBCVUlMVElOX1BST1ZJREVSUyA9IFsnb3BlbmFpJywgJ2FudGhyb3BpYyddIGFzIGNvbnN0O1xuZXhwb3J0IGNvbnN0IEJVSUxUSU5fS0VZX0VOVjogUmVjb3JkPHN0cmluZywgc3RyaW5nPiA9IHtcbiAgb3BlbmFpOiAnT1BFTkFJX0FQSV9LRVknLFxuICBhbnRocm9waWM6ICdBTlRIUk9QSUNfQVBJX0tFWScsXG59O1xuXG5leHBvcnQgaW50ZXJmYWNlIFByb3ZpZGVyQ29uZmlnIHtcbiAgYXBpPzogc3RyaW5nO1xuICBiYXNlVXJsPzogc3RyaW5nO1xuICBhcGlLZXlFbnY/OiBzdHJpbmc7XG59XG5cbmV4cG9ydCB0eXBlIFNldHRpbmdHZXR0ZXIgPSAoa2V5OiBzdHJpbmcpID0+IHVua25vd247XG5cbmZ1bmN0aW9uIHNldFBhdGgob2JqOiBSZWNvcmQ8c3RyaW5nLCB1bmtub3duPiwgZG90dGVkOiBzdHJpbmcsIHZhbHVlOiB1bmtub3duKTogdm9pZCB7XG4gIGNvbnN0IHBhcnRzID0gZG90dGVkLnNwbGl0KCcuJyk7XG4gIGxldCBjdXIgPSBvYmo7XG4gIGZvciAoY29uc3QgcCBvZiBwYXJ0cy5zbGljZSgwLCAtMSkpIHtcbiAgICBpZiAodHlwZW9mIGN1cltwXSAhPT0gJ29iamVjdCcgfHwgY3VyW3BdID09PSBudWxsKSBjdXJbcF0gPSB7fTtcbiAgICBjdXIgPSBjdXJbcF0gYXMgUmVjb3JkPHN0cmluZywgdW5rbm93bj47XG4gIH1cbiAgY3VyW3BhcnRzW3BhcnRzLmxlbmd0aCAtIDFdXSA9IHZhbHVlO1xufVxuXG4vKipcbiAqIFRoZSBvYmplY3QgdGhlIHNlcnZlciByZWFkcyBhcyBgaW5pdGlhbGl6YXRpb25PcHRpb25zYCBhbmQgdW5kZXIgYGxzcFJvdXRlcmAgaW5cbiAqIGB3b3Jrc3BhY2UvZGlkQ2hhbmdlQ29uZmlndXJhdGlvbmAuIEVtcHR5IHN0cmluZ3MgKHVuc2V0IGJhc2VVcmwpIGFyZSBsZWZ0IG91dCBzbyB0aGUgc2VydmVyXG4gKiBmYWxscyBiYWNrIHRvIGl0cyBlbnZpcm9ubWVudDsga2V5cyBjb21lIGZyb20gU2VjcmV0IFN0b3JhZ2UsIG5ldmVyIGZyb20gc2V0dGluZ3MuXG4gKi9cbmV4cG9ydCBmdW5jdGlvbiBidWlsZFNlcnZlclNldHRpbmdzKFxuICBnZXQ6IFNldHRpbmdHZXR0ZXIsXG4gIGFwaUtleXM6IFJlY29yZDxzdHJpbmcsIHN0cmluZyB8IHVuZGVmaW5lZD4sXG4pOiBSZWNvcmQ8c3RyaW5nLCB1bmtub3duPiB7XG4gIGNvbnN0IG91dDogUmVjb3JkPHN0cmluZywgdW5rbm93bj4gPSB7fTtcbiAgZm9yIChjb25zdCBrZXkgb2YgRk9SV0FSREVEX1NFVFRJTkdTKSB7XG4gICAgY29uc3QgdiA9IGdldChrZXkpO1xuICAgIGlmICh2ID09PSB1bmRlZmluZWQpIGNvbnRpbnVlO1xuICAgIGlmICh0eXBlb2YgdiA9PT0gJ3N0cmluZycgJiYgdi50cmltKCkgPT09ICcnKSBjb250aW51ZTtcbiAgICBzZXRQYXRoKG91dCwga2V5LCB0eXBlb2YgdiA9PT0gJ3N0cmluZycgPyB2LnRyaW0oKSA6IHYpO1xuICB9XG4gIGZvciAoY29uc3QgcHJvdmlkZXIgb2YgQlVJTFRJTl9QUk9WSURFUlMpIHtcbiAgICBjb25zdCBrID0gYXBpS2V5c1twcm92aWRlcl07XG4gICAgaWYgKGspIHNldFBhdGgob3V0LCBgJHtwcm92aWRlcn0uYXBpS2V5YCwgayk7XG4gIH1cbiAgcmV0dXJuIG91dDtcbn1cblxuLyoqIFRoZSBwYXJ0IG9mIHRoZSBzZXR0aW5ncyBvYmplY3QgYXQgYSBkb3R0ZWQgc3ViLXNlY3Rpb24gKFwiXCIgPSBhbGwpLiAqL1xuZXhwb3J0IGZ1bmN0aW9uIHNldHRpbmdzU2VjdGlvbihzZXR0aW5nczogUmVjb3JkPHN0cmluZywgdW5rbm93bj4sIHNlY3Rpb246IHN0cmluZyk6IHVua25vd24ge1xuICBpZiAoIXNlY3Rpb24pIHJldHVybiBzZXR0aW5ncztcbiAgbGV0IGN1cjogdW5rbm93biA9IHNldHRpbmdzO1xuICBmb3IgKGNvbnN0IHAgb2Ygc2VjdGlvbi5zcGxpdCgnLicpKSB7XG4gICAgaWYgKHR5cGVvZiBjdXIgIT09ICdvYmplY3QnIHx8IGN1ciA9PT0gbnVsbCkgcmV0dXJuIG51bGw7XG4gICAgY3VyID0gKGN1ciBhcyBSZWNvcmQ8c3RyaW5nLCB1bmtub3duPilbcF07XG4gIH1cbiAgcmV0dXJuIGN1ciA9PT0gdW5kZWZpbmVkID8gbnVsbCA6IGN1cjtcbn1cblxuZXhwb3J0IHR5cGUgU2VydmVyQ29tbWFuZCA9XG4gIHwgeyBvazogdHJ1ZTsgY29tbWFuZDogc3RyaW5nOyBhcmdzOiBzdHJpbmdbXTsgc291cmNlOiBzdHJpbmcgfVxuICB8IHsgb2s6IGZhbHNlOyBtZXNzYWdlOiBzdHJpbmcgfTtcblxuZXhwb3J0IGludGVyZmFjZSBSZXNvbHZlT3B0aW9ucyB7XG4gIHNlcnZlclBhdGg/OiBzdHJpbmc7XG4gIHB5dGhvblBhdGg/OiBzdHJpbmc7XG4gIC8qKiBQQVRIIChwcm9jZXNzLmVudi5QQVRIKS4gKi9cbiAgZW52UGF0aD86IHN0cmluZztcbiAgLyoqIFBBVEhFWFQgb24gV2luZG93cy4gKi9cbiAgcGF0aEV4dD86IHN0cmluZztcbiAgcGxhdGZvcm0/OiBOb2RlSlMuUGxhdGZvcm07XG4gIC8qKiBJcyB0aGlzIGZpbGUgZXhlY3V0YWJsZT8gKGZzLmFjY2Vzc1N5bmMgWF9PSykgKi9cbiAgaXNFeGVjdXRhYmxlOiAoZmlsZTogc3RyaW5nKSA9PiBib29sZWFuO1xuICAvKiogRXhwYW5kIGB+YCBhbmQgYCR7d29ya3NwYWNlRm9sZGVyfWAuICovXG4gIHdvcmtzcGFjZUZvbGRlcj86IHN0cmluZztcbiAgaG9tZT86IHN0cmluZztcbn1cblxuZXhwb3J0IGNvbnN0IElOU1RBTExfSElOVCA9XG4gICdJbnN0YWxsIHRoZSBzZXJ2ZXIgd2l0aCBcInBpcCBpbnN0YWxsIGxzcC1yb3V0ZXJcIiAoaXQgcHV0cyBgbHNwLXJvdXRlcmAgb24gUEFUSCksIG9yIHNldCAnICtcbiAgJ1wibHNwUm91dGVyLnNlcnZlci5wYXRoXCIgdG8gdGhlIGxzcC1yb3V0ZXIgZXhlY3V0YWJsZSwgb3IgXCJsc3BSb3V0ZXIuc2VydmVyLnB5dGhvblBhdGhcIiB0byBhICcgK1xuICAnUHl0aG9uIGludGVycHJldGVyIHRoYXQgaGFzIGxzcC1yb3V0ZXIgaW5zdGFsbGVkLic7XG5cbmZ1bmN0aW9uIGV4cGFuZChwOiBzdHJpbmcsIG9wdHM6IFJlc29sdmVPcHRpb25zKTogc3RyaW5nIHtcbiAgbGV0IG91dCA9IHAudHJpbSgpO1xuICBpZiAob3B0cy5ob21lICYmIChvdXQgPT09ICd+JyB8fCBvdXQuc3RhcnRzV2l0aCgnfi8nKSkpIG91dCA9IHBhdGguam9pbihvcHRzLmhvbWUsIG91dC5zbGljZSgxKSk7XG4gIGlmIChvcHRzLndvcmtzcGFjZUZvbGRlcikgb3V0ID0gb3V0LnJlcGxhY2UoL1xcJFxce3dvcmtzcGFjZUZvbGRlclxcfS9nLCBvcHRzLndvcmtzcGFjZUZvbGRlcik7XG4gIHJldHVybiBvdXQ7XG59XG5cbi8qKiBMb29rIGZvciBhbiBleGVjdXRhYmxlIG9uIFBBVEggKHdpdGggUEFUSEVYVCBvbiBXaW5kb3dzKS4gKi9cbmV4cG9ydCBmdW5jdGlvbiBmaW5kT25QYXRoKG5hbWU6IHN0cmluZywgb3B0czogUmVzb2x2ZU9wdGlvbnMpOiBzdHJpbmcgfCB1bmRlZmluZWQge1xuICBjb25zdCB3aW4gPSAob3B0cy5wbGF0Zm9ybSA/PyBwcm9jZXNzLnBsYXRmb3JtKSA9PT0gJ3dpbjMyJztcbiAgY29uc3Qgc2VwID0gd2luID8gJzsnIDogJzonO1xuICBjb25zdCBleHRzID0gd2luID8gKG9wdHMucGF0aEV4dCA/PyAnLkVYRTsuQ01EOy5CQVQ7LkNPTScpLnNwbGl0KCc7JykuZmlsdGVyKEJvb2xlYW4pIDogWycnXTtcbiAgZm9yIChjb25zdCBkaXIgb2YgKG9wdHMuZW52UGF0aCA/PyAnJykuc3BsaXQoc2VwKSkge1xuICAgIGlmICghZGlyKSBjb250aW51ZTtcbiAgICBmb3IgKGNvbnN0IGV4dCBvZiBleHRzKSB7XG4gICAgICBjb25zdCBjYW5kaWRhdGUgPSBwYXRoLmpvaW4oZGlyLCBuYW1lICsgZXh0KTtcbiAgICAgIGlmIChvcHRzLmlzRXhlY3V0YWJsZShjYW5kaWRhdGUpKSByZXR1cm4gY2FuZGlkYXRlO1xuICAgIH1cbiAgfVxuICByZXR1cm4gdW5kZWZpbmVkO1xufVxuXG4vKipcbiAqIEhvdyB0byBzdGFydCB0aGUgc2VydmVyOiBgbHNwUm91dGVyLnNlcnZlci5wYXRoYCAoYFBBVEggc2VydmVgKSwgZWxzZSBgbHNwUm91dGVyLnNlcnZlci5weXRob25QYXRoYFxuICogKGBQWVRIT04gLW0gbHNwX3JvdXRlciBzZXJ2ZWApLCBlbHNlIGBsc3Atcm91dGVyYCBvbiBQQVRIOyBvdGhlcndpc2UgYSBtZXNzYWdlIHdpdGggdGhlIGZpeC5cbiAqL1xuZXhwb3J0IGZ1bmN0aW9uIHJlc29sdmVTZXJ2ZXJDb21tYW5kKG9wdHM6IFJlc29sdmVPcHRpb25zKTogU2VydmVyQ29tbWFuZCB7XG4gIGNvbnN0IHNlcnZlclBhdGggPSBvcHRzLnNlcnZlclBhdGggPyBleHBhbmQob3B0cy5zZXJ2ZXJQYXRoLCBvcHRzKSA6ICcnO1xuICBpZiAoc2VydmVyUGF0aCkge1xuICAgIGlmICghb3B0cy5pc0V4ZWN1dGFibGUoc2VydmVyUGF0aCkpIHtcbiAgICAgIHJldHVybiB7XG4gICAgICAgIG9rOiBmYWxzZSxcbiAgICAgICAgbWVzc2FnZTpcbiAgICAgICAgICBgXCJsc3BSb3V0ZXIuc2VydmVyLnBhdGhcIiBpcyBzZXQgdG8gJHtzZXJ2ZXJQYXRofSwgd2hpY2ggaXMgbm90IGFuIGV4ZWN1dGFibGUgZmlsZS4gYCArXG4gICAgICAgICAgJ1BvaW50IGl0IGF0IHRoZSBsc3Atcm91dGVyIGV4ZWN1dGFibGUgKGUuZy4gLnZlbnYvYmluL2xzcC1yb3V0ZXIpIG9yIGNsZWFyIGl0LiAnICtcbiAgICAgICAgICBJTlNUQUxMX0hJTlQsXG4gICAgICB9O1xuICAgIH1cbiAgICByZXR1cm4geyBvazogdHJ1ZSwgY29tbWFuZDogc2VydmVyUGF0aCwgYXJnczogWydzZXJ2ZSddLCBzb3VyY2U6ICdsc3BSb3V0ZXIuc2VydmVyLnBhdGgnIH07XG4gIH1cbiAgY29uc3QgcHl0aG9uUGF0aCA9IG9wdHMucHl0aG9uUGF0aCA/IGV4cGFuZChvcHRzLnB5dGhvblBhdGgsIG9wdHMpIDogJyc7XG4gIGlmIChweXRob25QYXRoKSB7XG4gICAgY29uc3QgcmVzb2x2ZWQgPSBweXRob25QYXRoLmluY2x1ZGVzKCcvJykgfHwgcHl0aG9uUGF0aC5pbmNsdWRlcygnXFxcXCcpID8gcHl0aG9uUGF0aCA6IGZpbmRPblBhdGgocHl0aG9uUGF0aCwgb3B0cyk7XG4gICAgaWYgKCFyZXNvbHZlZCB8fCAhb3B0cy5pc0V4ZWN1dGFibGUocmVzb2x2ZWQpKSB7XG4gICAgICByZXR1cm4ge1xuICAgICAgICBvazogZmFsc2UsXG4gICAgICAgIG1lc3NhZ2U6XG4gICAgICAgICAgYFwibHNwUm91dGVyLnNlcnZlci5weXRob25QYXRoXCIgaXMgc2V0IHRvICR7cHl0aG9uUGF0aH0sIHdoaWNoIGlzIG5vdCBhbiBleGVjdXRhYmxlIFB5dGhvbiBgICtcbiAgICAgICAgICAnaW50ZXJwcmV0ZXIuIFBvaW50IGl0IGF0IGEgUHl0aG9uIHRoYXQgaGFzIGxzcC1yb3V0ZXIgaW5zdGFsbGVkIChwaXAgaW5zdGFsbCBsc3Atcm91dGVyKSBvciBjbGVhciBpdC4nLFxuICAgICAgfTtcbiAgICB9XG4gICAgcmV0dXJuIHsgb2s6IHRydWUsIGNvbW1hbmQ6IHJlc29sdmVkLCBhcmdzOiBbJy1tJywgJ2xzcF9yb3V0ZXInLCAnc2VydmUnXSwgc291cmNlOiAnbHNwUm91dGVyLnNlcnZlci5weXRob25QYXRoJyB9O1xuICB9XG4gIGNvbnN0IG9uUGF0aCA9IGZpbmRPblBhdGgoJ2xzcC1yb3V0ZXInLCBvcHRzKTtcbiAgaWYgKG9uUGF0aCkgcmV0dXJuIHsgb2s6IHRydWUsIGNvbW1hbmQ6IG9uUGF0aCwgYXJnczogWydzZXJ2ZSddLCBzb3VyY2U6ICdQQVRIJyB9O1xuICByZXR1cm4geyBvazogZmFsc2UsIG1lc3NhZ2U6IGBDb3VsZCBub3QgZmluZCB0aGUgbHNwLXJvdXRlciBsYW5ndWFnZSBzZXJ2ZXIuICR7SU5TVEFMTF9ISU5UfWAgfTtcbn1cblxuLyoqIFByb3ZpZGVycyBuYW1lZCBieSB0aGUgY29uZmlndXJlZCBtb2RlbHMgKFwib3BlbmFpOmdwdC01LjQtbWluaVwiIC0+IFwib3BlbmFpXCIpLiAqL1xuZXhwb3J0IGZ1bmN0aW9uIHByb3ZpZGVyc0luVXNlKG1vZGVsczogKHN0cmluZyB8IHVuZGVmaW5lZClbXSk6IHN0cmluZ1tdIHtcbiAgY29uc3Qgb3V0OiBzdHJpbmdbXSA9IFtdO1xuICBmb3IgKGNvbnN0IG0gb2YgbW9kZWxzKSB7XG4gICAgaWYgKCFtKSBjb250aW51ZTtcbiAgICBjb25zdCBpID0gbS5pbmRleE9mKCc6Jyk7XG4gICAgY29uc3QgcCA9IGkgPiAwID8gbS5zbGljZSgwLCBpKSA6ICcnO1xuICAgIGlmIChwICYmICFvdXQuaW5jbHVkZXMocCkpIG91dC5wdXNoKHApO1xuICB9XG4gIHJldHVybiBvdXQ7XG59XG5cbi8qKiBUaGUgZW52aXJvbm1lbnQgdmFyaWFibGUgdGhhdCBjYXJyaWVzIGEgcHJvdmlkZXIncyBrZXksIGlmIGFueS4gKi9cbmV4cG9ydCBmdW5jdGlvbiBrZXlFbnZGb3IocHJvdmlkZXI6IHN0cmluZywgcHJvdmlkZXJzOiBSZWNvcmQ8c3RyaW5nLCBQcm92aWRlckNvbmZpZz4gfCB1bmRlZmluZWQpOiBzdHJpbmcgfCB1bmRlZmluZWQge1xuICBjb25zdCBjdXN0b20gPSBwcm92aWRlcnM/Lltwcm92aWRlcl07XG4gIGlmIChjdXN0b20pIHJldHVybiBjdXN0b20uYXBpS2V5RW52IHx8IHVuZGVmaW5lZDtcbiAgcmV0dXJuIEJVSUxUSU5fS0VZX0VOVltwcm92aWRlcl07XG59XG5cbi8qKlxuICogUHJvdmlkZXJzIGluIHVzZSB0aGF0IGhhdmUgbmVpdGhlciBhIHN0b3JlZCBrZXkgbm9yIHRoZWlyIGVudmlyb25tZW50IHZhcmlhYmxlIHNldC5cbiAqIEEgY3VzdG9tIHByb3ZpZGVyIHdpdGhvdXQgYGFwaUtleUVudmAgKGEgbG9jYWwgc2VydmVyLCBzYXkpIG5lZWRzIG5vIGtleS5cbiAqL1xuZXhwb3J0IGZ1bmN0aW9uIHByb3ZpZGVyc01pc3NpbmdLZXlzKFxuICBpblVzZTogc3RyaW5nW10sXG4gIHN0b3JlZEtleXM6IFJlY29yZDxzdHJpbmcsIHN0cmluZyB8IHVuZGVmaW5lZD4sXG4gIGVudjogUmVjb3JkPHN0cmluZywgc3RyaW5nIHwgdW5kZWZpbmVkPixcbiAgcHJvdmlkZXJzOiBSZWNvcmQ8c3RyaW5nLCBQcm92aWRlckNvbmZpZz4gfCB1bmRlZmluZWQsXG4pOiBzdHJpbmdbXSB7XG4gIHJldHVybiBpblVzZS5maWx0ZXIoKHApID0+IHtcbiAgICBpZiAoc3RvcmVkS2V5c1twXSkgcmV0dXJuIGZhbHNlO1xuICAgIGNvbnN0IGVudk5hbWUgPSBrZXlFbnZGb3IocCwgcHJvdmlkZXJzKTtcbiAgICBpZiAoIWVudk5hbWUpIHJldHVybiBmYWxzZTtcbiAgICByZXR1cm4gIWVudltlbnZOYW1lXTtcbiAgfSk7XG59XG5cbi8qKlxuICogRW52aXJvbm1lbnQgZm9yIHRoZSBzZXJ2ZXIgcHJvY2VzczogdGhlIGVkaXRvcidzIGVudmlyb25tZW50LCBwbHVzIHN0b3JlZCBrZXlzIG9mIGN1c3RvbSBwcm92aWRlcnNcbiAqIGluIHRoZWlyIGBhcGlLZXlFbnZgIHZhcmlhYmxlIChidWlsdC1pbiBwcm92aWRlcnMgZ2V0IHRoZWlycyB0aHJvdWdoIHRoZSBzZXR0aW5ncyBpbnN0ZWFkKS5cbiAqIEEgdmFyaWFibGUgdGhlIHVzZXIgYWxyZWFkeSBzZXQgd2lucy5cbiAqL1xuZXhwb3J0IGZ1bmN0aW9uIHNlcnZlckVudihcbiAgYmFzZTogUmVjb3JkPHN0cmluZywgc3RyaW5nIHwgdW5kZWZpbmVkPixcbiAgc3RvcmVkS2V5czogUmVjb3JkPHN0cmluZywgc3RyaW5nIHwgdW5kZWZpbmVkPixcbiAgcHJvdmlkZXJzOiBSZWNvcmQ8c3RyaW5nLCBQcm92aWRlckNvbmZpZz4gfCB1bmRlZmluZWQsXG4pOiBSZWNvcmQ8c3RyaW5nLCBzdHJpbmc+IHtcbiAgY29uc3QgZW52OiBSZWNvcmQ8c3RyaW5nLCBzdHJpbmc+ID0ge307XG4gIGZvciAoY29uc3QgW2ssIHZdIG9mIE9iamVjdC5lbnRyaWVzKGJhc2UpKSBpZiAodiAhPT0gdW5kZWZpbmVkKSBlbnZba10gPSB2O1xuICBmb3IgKGNvbnN0IFtuYW1lLCBjZmddIG9mIE9iamVjdC5lbnRyaWVzKHByb3ZpZGVycyA/PyB7fSkpIHtcbiAgICBjb25zdCBrZXkgPSBzdG9yZWRLZXlzW25hbWVdO1xuICAgIGlmIChrZXkgJiYgY2ZnLmFwaUtleUVudiAmJiAhZW52W2NmZy5hcGlLZXlFbnZdKSBlbnZbY2ZnLmFwaUtleUVudl0gPSBrZXk7XG4gIH1cbiAgcmV0dXJuIGVudjtcbn1cbiJdLAogICJtYXBwaW5ncyI6ICI7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7QUFBQSx1QkFBcUI7QUFDckIsb0JBQW1COzs7QUNFbkIsV0FBc0I7QUFHZixJQUFNLHFCQUFxQjtBQUFBLEVBQ2hDO0FBQUEsRUFDQTtBQUFBLEVBQ0E7QUFBQSxFQUNBO0FBQUEsRUFDQTtBQUFBLEVBQ0E7QUFBQSxFQUNBO0FBQUEsRUFDQTtBQUFBLEVBQ0E7QUFBQSxFQUNBO0FBQUEsRUFDQTtBQUFBLEVBQ0E7QUFBQSxFQUNBO0FBQUEsRUFDQTtBQUFBLEVBQ0E7QUFBQSxFQUNBO0FBQUEsRUFDQTtBQUNGO0FBR08sSUFBTSxvQkFBb0IsQ0FBQyxVQUFVLFdBQVc7QUFDaEQsSUFBTSxrQkFBMEM7QUFBQSxFQUNyRCxRQUFRO0FBQUEsRUFDUixXQUFXO0FBQ2I7QUFVQSxTQUFTLFFBQVEsS0FBOEIsUUFBZ0IsT0FBc0I7QUFDbkYsUUFBTSxRQUFRLE9BQU8sTUFBTSxHQUFHO0FBQzlCLE1BQUksTUFBTTtBQUNWLGFBQVcsS0FBSyxNQUFNLE1BQU0sR0FBRyxFQUFFLEdBQUc7QUFDbEMsUUFBSSxPQUFPLElBQUksQ0FBQyxNQUFNLFlBQVksSUFBSSxDQUFDLE1BQU0sS0FBTSxLQUFJLENBQUMsSUFBSSxDQUFDO0FBQzdELFVBQU0sSUFBSSxDQUFDO0FBQUEsRUFDYjtBQUNBLE1BQUksTUFBTSxNQUFNLFNBQVMsQ0FBQyxDQUFDLElBQUk7QUFDakM7QUFPTyxTQUFTLG9CQUNkLEtBQ0EsU0FDeUI7QUFDekIsUUFBTSxNQUErQixDQUFDO0FBQ3RDLGFBQVcsT0FBTyxvQkFBb0I7QUFDcEMsVUFBTSxJQUFJLElBQUksR0FBRztBQUNqQixRQUFJLE1BQU0sT0FBVztBQUNyQixRQUFJLE9BQU8sTUFBTSxZQUFZLEVBQUUsS0FBSyxNQUFNLEdBQUk7QUFDOUMsWUFBUSxLQUFLLEtBQUssT0FBTyxNQUFNLFdBQVcsRUFBRSxLQUFLLElBQUksQ0FBQztBQUFBLEVBQ3hEO0FBQ0EsYUFBVyxZQUFZLG1CQUFtQjtBQUN4QyxVQUFNLElBQUksUUFBUSxRQUFRO0FBQzFCLFFBQUksRUFBRyxTQUFRLEtBQUssR0FBRyxRQUFRLFdBQVcsQ0FBQztBQUFBLEVBQzdDO0FBQ0EsU0FBTztBQUNUO0FBR08sU0FBUyxnQkFBZ0JBLFdBQW1DLFNBQTBCO0FBQzNGLE1BQUksQ0FBQyxRQUFTLFFBQU9BO0FBQ3JCLE1BQUksTUFBZUE7QUFDbkIsYUFBVyxLQUFLLFFBQVEsTUFBTSxHQUFHLEdBQUc7QUFDbEMsUUFBSSxPQUFPLFFBQVEsWUFBWSxRQUFRLEtBQU0sUUFBTztBQUNwRCxVQUFPLElBQWdDLENBQUM7QUFBQSxFQUMxQztBQUNBLFNBQU8sUUFBUSxTQUFZLE9BQU87QUFDcEM7QUFxQk8sSUFBTSxlQUNYO0FBSUYsU0FBUyxPQUFPLEdBQVcsTUFBOEI7QUFDdkQsTUFBSSxNQUFNLEVBQUUsS0FBSztBQUNqQixNQUFJLEtBQUssU0FBUyxRQUFRLE9BQU8sSUFBSSxXQUFXLElBQUksR0FBSSxPQUFXLFVBQUssS0FBSyxNQUFNLElBQUksTUFBTSxDQUFDLENBQUM7QUFDL0YsTUFBSSxLQUFLLGdCQUFpQixPQUFNLElBQUksUUFBUSwwQkFBMEIsS0FBSyxlQUFlO0FBQzFGLFNBQU87QUFDVDtBQUdPLFNBQVMsV0FBVyxNQUFjLE1BQTBDO0FBQ2pGLFFBQU0sT0FBTyxLQUFLLFlBQVksUUFBUSxjQUFjO0FBQ3BELFFBQU0sTUFBTSxNQUFNLE1BQU07QUFDeEIsUUFBTSxPQUFPLE9BQU8sS0FBSyxXQUFXLHVCQUF1QixNQUFNLEdBQUcsRUFBRSxPQUFPLE9BQU8sSUFBSSxDQUFDLEVBQUU7QUFDM0YsYUFBVyxRQUFRLEtBQUssV0FBVyxJQUFJLE1BQU0sR0FBRyxHQUFHO0FBQ2pELFFBQUksQ0FBQyxJQUFLO0FBQ1YsZUFBVyxPQUFPLE1BQU07QUFDdEIsWUFBTSxZQUFpQixVQUFLLEtBQUssT0FBTyxHQUFHO0FBQzNDLFVBQUksS0FBSyxhQUFhLFNBQVMsRUFBRyxRQUFPO0FBQUEsSUFDM0M7QUFBQSxFQUNGO0FBQ0EsU0FBTztBQUNUO0FBTU8sU0FBUyxxQkFBcUIsTUFBcUM7QUFDeEUsUUFBTSxhQUFhLEtBQUssYUFBYSxPQUFPLEtBQUssWUFBWSxJQUFJLElBQUk7QUFDckUsTUFBSSxZQUFZO0FBQ2QsUUFBSSxDQUFDLEtBQUssYUFBYSxVQUFVLEdBQUc7QUFDbEMsYUFBTztBQUFBLFFBQ0wsSUFBSTtBQUFBLFFBQ0osU0FDRSxxQ0FBcUMsVUFBVSx1SEFFL0M7QUFBQSxNQUNKO0FBQUEsSUFDRjtBQUNBLFdBQU8sRUFBRSxJQUFJLE1BQU0sU0FBUyxZQUFZLE1BQU0sQ0FBQyxPQUFPLEdBQUcsUUFBUSx3QkFBd0I7QUFBQSxFQUMzRjtBQUNBLFFBQU0sYUFBYSxLQUFLLGFBQWEsT0FBTyxLQUFLLFlBQVksSUFBSSxJQUFJO0FBQ3JFLE1BQUksWUFBWTtBQUNkLFVBQU0sV0FBVyxXQUFXLFNBQVMsR0FBRyxLQUFLLFdBQVcsU0FBUyxJQUFJLElBQUksYUFBYSxXQUFXLFlBQVksSUFBSTtBQUNqSCxRQUFJLENBQUMsWUFBWSxDQUFDLEtBQUssYUFBYSxRQUFRLEdBQUc7QUFDN0MsYUFBTztBQUFBLFFBQ0wsSUFBSTtBQUFBLFFBQ0osU0FDRSwyQ0FBMkMsVUFBVTtBQUFBLE1BRXpEO0FBQUEsSUFDRjtBQUNBLFdBQU8sRUFBRSxJQUFJLE1BQU0sU0FBUyxVQUFVLE1BQU0sQ0FBQyxNQUFNLGNBQWMsT0FBTyxHQUFHLFFBQVEsOEJBQThCO0FBQUEsRUFDbkg7QUFDQSxRQUFNLFNBQVMsV0FBVyxjQUFjLElBQUk7QUFDNUMsTUFBSSxPQUFRLFFBQU8sRUFBRSxJQUFJLE1BQU0sU0FBUyxRQUFRLE1BQU0sQ0FBQyxPQUFPLEdBQUcsUUFBUSxPQUFPO0FBQ2hGLFNBQU8sRUFBRSxJQUFJLE9BQU8sU0FBUyxrREFBa0QsWUFBWSxHQUFHO0FBQ2hHO0FBR08sU0FBUyxlQUFlLFFBQTBDO0FBQ3ZFLFFBQU0sTUFBZ0IsQ0FBQztBQUN2QixhQUFXLEtBQUssUUFBUTtBQUN0QixRQUFJLENBQUMsRUFBRztBQUNSLFVBQU0sSUFBSSxFQUFFLFFBQVEsR0FBRztBQUN2QixVQUFNLElBQUksSUFBSSxJQUFJLEVBQUUsTUFBTSxHQUFHLENBQUMsSUFBSTtBQUNsQyxRQUFJLEtBQUssQ0FBQyxJQUFJLFNBQVMsQ0FBQyxFQUFHLEtBQUksS0FBSyxDQUFDO0FBQUEsRUFDdkM7QUFDQSxTQUFPO0FBQ1Q7QUFHTyxTQUFTLFVBQVUsVUFBa0IsV0FBMkU7QUFDckgsUUFBTSxTQUFTLFlBQVksUUFBUTtBQUNuQyxNQUFJLE9BQVEsUUFBTyxPQUFPLGFBQWE7QUFDdkMsU0FBTyxnQkFBZ0IsUUFBUTtBQUNqQztBQU1PLFNBQVMscUJBQ2QsT0FDQSxZQUNBLEtBQ0EsV0FDVTtBQUNWLFNBQU8sTUFBTSxPQUFPLENBQUMsTUFBTTtBQUN6QixRQUFJLFdBQVcsQ0FBQyxFQUFHLFFBQU87QUFDMUIsVUFBTSxVQUFVLFVBQVUsR0FBRyxTQUFTO0FBQ3RDLFFBQUksQ0FBQyxRQUFTLFFBQU87QUFDckIsV0FBTyxDQUFDLElBQUksT0FBTztBQUFBLEVBQ3JCLENBQUM7QUFDSDtBQU9PLFNBQVMsVUFDZCxNQUNBLFlBQ0EsV0FDd0I7QUFDeEIsUUFBTSxNQUE4QixDQUFDO0FBQ3JDLGFBQVcsQ0FBQyxHQUFHLENBQUMsS0FBSyxPQUFPLFFBQVEsSUFBSSxFQUFHLEtBQUksTUFBTSxPQUFXLEtBQUksQ0FBQyxJQUFJO0FBQ3pFLGFBQVcsQ0FBQyxNQUFNLEdBQUcsS0FBSyxPQUFPLFFBQVEsYUFBYSxDQUFDLENBQUMsR0FBRztBQUN6RCxVQUFNLE1BQU0sV0FBVyxJQUFJO0FBQzNCLFFBQUksT0FBTyxJQUFJLGFBQWEsQ0FBQyxJQUFJLElBQUksU0FBUyxFQUFHLEtBQUksSUFBSSxTQUFTLElBQUk7QUFBQSxFQUN4RTtBQUNBLFNBQU87QUFDVDs7O0FEak5BLElBQU0sV0FBb0M7QUFBQSxFQUN4QyxlQUFlO0FBQUEsRUFDZixtQkFBbUI7QUFBQSxFQUNuQix3QkFBd0I7QUFBQSxFQUN4QixrQkFBa0I7QUFBQSxFQUNsQixtQkFBbUI7QUFBQSxFQUNuQixvQkFBb0I7QUFBQSxFQUNwQixrQkFBa0I7QUFBQSxFQUNsQixxQkFBcUI7QUFBQSxFQUNyQixXQUFXLENBQUM7QUFBQSxFQUNaLHFCQUFxQjtBQUFBLEVBQ3JCLG1CQUFtQjtBQUFBLEVBQ25CLG1CQUFtQjtBQUFBLEVBQ25CLGlCQUFpQjtBQUFBLEVBQ2pCLG1CQUFtQjtBQUFBLEVBQ25CLGlCQUFpQjtBQUFBLEVBQ2pCLDJCQUEyQjtBQUFBLEVBQzNCLHlCQUF5QixDQUFDLGdCQUFnQjtBQUM1QztBQUFBLElBRUEsdUJBQUssbUZBQW1GLE1BQU07QUFDNUYsUUFBTSxNQUFNLG9CQUFvQixDQUFDLE1BQU0sU0FBUyxDQUFDLEdBQUcsRUFBRSxRQUFRLFFBQVEsV0FBVyxPQUFVLENBQUM7QUFDNUYsZ0JBQUFDLFFBQU8sVUFBVSxLQUFLO0FBQUEsSUFDcEIsUUFBUSxFQUFFLE1BQU0sdUJBQXVCLFVBQVUsNEJBQTRCO0FBQUEsSUFDN0UsU0FBUyxFQUFFLGNBQWMsUUFBUSxRQUFRLFFBQVEsU0FBUyxZQUFZLFVBQVUsT0FBTztBQUFBLElBQ3ZGLFFBQVEsRUFBRSxTQUFTLDRCQUE0QixRQUFRLE9BQU87QUFBQSxJQUM5RCxXQUFXLENBQUM7QUFBQSxJQUNaLFFBQVEsRUFBRSxZQUFZLEtBQUssVUFBVSxNQUFNLFVBQVUsTUFBTTtBQUFBLElBQzNELE9BQU8sRUFBRSxTQUFTLE1BQU0sV0FBVyxLQUFLLFNBQVMsR0FBRztBQUFBLElBQ3BELGNBQWMsRUFBRSxZQUFZLElBQUk7QUFBQSxJQUNoQyxVQUFVLEVBQUUsY0FBYyxDQUFDLGdCQUFnQixFQUFFO0FBQUEsRUFDL0MsQ0FBQztBQUNELGdCQUFBQSxRQUFPLE1BQU0sZ0JBQWdCLEtBQUssZ0JBQWdCLEdBQUcsMEJBQTBCO0FBQy9FLGdCQUFBQSxRQUFPLE1BQU0sZ0JBQWdCLEtBQUssUUFBUSxHQUFHLElBQUk7QUFDakQsZ0JBQUFBLFFBQU8sTUFBTSxnQkFBZ0IsS0FBSyxFQUFFLEdBQUcsR0FBRztBQUM1QyxDQUFDO0FBQUEsSUFFRCx1QkFBSywrREFBK0QsTUFBTTtBQUN4RSxRQUFNLE1BQU0sb0JBQW9CLENBQUMsT0FBTyxFQUFFLGVBQWUsTUFBTSxpQkFBaUIsT0FBTyxHQUE4QixDQUFDLEdBQUcsQ0FBQyxDQUFDO0FBQzNILGdCQUFBQSxRQUFPLFVBQVUsS0FBSyxDQUFDLENBQUM7QUFDMUIsQ0FBQztBQUVELElBQU0sTUFBTSxDQUFDLFVBQW9CLENBQUMsTUFBYyxNQUFNLFNBQVMsQ0FBQztBQUFBLElBRWhFLHVCQUFLLCtFQUErRSxNQUFNO0FBQ3hGLGdCQUFBQSxRQUFPLFVBQVUscUJBQXFCLEVBQUUsWUFBWSx3QkFBd0IsY0FBYyxJQUFJLENBQUMsc0JBQXNCLENBQUMsRUFBRSxDQUFDLEdBQUc7QUFBQSxJQUMxSCxJQUFJO0FBQUEsSUFDSixTQUFTO0FBQUEsSUFDVCxNQUFNLENBQUMsT0FBTztBQUFBLElBQ2QsUUFBUTtBQUFBLEVBQ1YsQ0FBQztBQUNELFFBQU0sTUFBTSxxQkFBcUIsRUFBRSxZQUFZLFNBQVMsY0FBYyxJQUFJLENBQUMsQ0FBQyxFQUFFLENBQUM7QUFDL0UsZ0JBQUFBLFFBQU8sTUFBTSxJQUFJLElBQUksS0FBSztBQUMxQixnQkFBQUEsUUFBTyxNQUFPLElBQTRCLFNBQVMsbUJBQW1CO0FBQ3RFLGdCQUFBQSxRQUFPLFVBQVUscUJBQXFCLEVBQUUsWUFBWSxvQkFBb0IsY0FBYyxJQUFJLENBQUMsa0JBQWtCLENBQUMsRUFBRSxDQUFDLEdBQUc7QUFBQSxJQUNsSCxJQUFJO0FBQUEsSUFDSixTQUFTO0FBQUEsSUFDVCxNQUFNLENBQUMsTUFBTSxjQUFjLE9BQU87QUFBQSxJQUNsQyxRQUFRO0FBQUEsRUFDVixDQUFDO0FBQ0QsZ0JBQUFBLFFBQU87QUFBQSxJQUNMLHFCQUFxQixFQUFFLFNBQVMsU0FBUyxVQUFVLFNBQVMsY0FBYyxJQUFJLENBQUMsZUFBZSxDQUFDLEVBQUUsQ0FBQztBQUFBLElBQ2xHLEVBQUUsSUFBSSxNQUFNLFNBQVMsaUJBQWlCLE1BQU0sQ0FBQyxPQUFPLEdBQUcsUUFBUSxPQUFPO0FBQUEsRUFDeEU7QUFDQSxRQUFNLE9BQU8scUJBQXFCLEVBQUUsU0FBUyxNQUFNLFVBQVUsU0FBUyxjQUFjLElBQUksQ0FBQyxDQUFDLEVBQUUsQ0FBQztBQUM3RixnQkFBQUEsUUFBTyxNQUFNLEtBQUssSUFBSSxLQUFLO0FBQzNCLGdCQUFBQSxRQUFPLE1BQU8sS0FBNkIsU0FBUyx3QkFBd0I7QUFDNUUsZ0JBQUFBLFFBQU8sTUFBTyxLQUE2QixTQUFTLHlCQUF5QjtBQUMvRSxDQUFDO0FBQUEsSUFFRCx1QkFBSyx5REFBeUQsTUFBTTtBQUNsRSxRQUFNLElBQUkscUJBQXFCO0FBQUEsSUFDN0IsWUFBWTtBQUFBLElBQ1osaUJBQWlCO0FBQUEsSUFDakIsY0FBYyxJQUFJLENBQUMsMEJBQTBCLENBQUM7QUFBQSxFQUNoRCxDQUFDO0FBQ0QsZ0JBQUFBLFFBQU8sTUFBTSxFQUFFLE1BQU0sRUFBRSxTQUFTLDBCQUEwQjtBQUMxRCxRQUFNLElBQUkscUJBQXFCLEVBQUUsWUFBWSxtQkFBbUIsTUFBTSxXQUFXLGNBQWMsSUFBSSxDQUFDLHVCQUF1QixDQUFDLEVBQUUsQ0FBQztBQUMvSCxnQkFBQUEsUUFBTyxNQUFNLEVBQUUsTUFBTSxFQUFFLFNBQVMsdUJBQXVCO0FBQ3pELENBQUM7QUFBQSxJQUVELHVCQUFLLHNDQUFzQyxNQUFNO0FBQy9DLFFBQU0sSUFBSSxXQUFXLGNBQWM7QUFBQSxJQUNqQyxTQUFTO0FBQUEsSUFDVCxVQUFVO0FBQUEsSUFDVixTQUFTO0FBQUEsSUFDVCxjQUFjLENBQUMsTUFBTSxFQUFFLFNBQVMsZ0JBQWdCLEtBQUssRUFBRSxTQUFTLEdBQUc7QUFBQSxFQUNyRSxDQUFDO0FBQ0QsZ0JBQUFBLFFBQU8sR0FBRyxLQUFLLEVBQUUsU0FBUyxnQkFBZ0IsQ0FBQztBQUM3QyxDQUFDO0FBQUEsSUFFRCx1QkFBSyxpRUFBaUUsTUFBTTtBQUMxRSxRQUFNLFFBQVEsZUFBZSxDQUFDLHVCQUF1Qiw2QkFBNkIsZ0JBQWdCLENBQUM7QUFDbkcsZ0JBQUFBLFFBQU8sVUFBVSxPQUFPLENBQUMsVUFBVSxXQUFXLENBQUM7QUFDL0MsZ0JBQUFBLFFBQU8sVUFBVSxxQkFBcUIsT0FBTyxDQUFDLEdBQUcsQ0FBQyxHQUFHLENBQUMsQ0FBQyxHQUFHLENBQUMsVUFBVSxXQUFXLENBQUM7QUFDakYsZ0JBQUFBLFFBQU8sVUFBVSxxQkFBcUIsT0FBTyxFQUFFLFFBQVEsSUFBSSxHQUFHLENBQUMsR0FBRyxDQUFDLENBQUMsR0FBRyxDQUFDLFdBQVcsQ0FBQztBQUNwRixnQkFBQUEsUUFBTyxVQUFVLHFCQUFxQixPQUFPLENBQUMsR0FBRyxFQUFFLG1CQUFtQixLQUFLLGdCQUFnQixJQUFJLEdBQUcsQ0FBQyxDQUFDLEdBQUcsQ0FBQyxDQUFDO0FBRXpHLGdCQUFBQSxRQUFPLFVBQVUscUJBQXFCLENBQUMsT0FBTyxHQUFHLENBQUMsR0FBRyxDQUFDLEdBQUcsRUFBRSxPQUFPLEVBQUUsS0FBSyxTQUFTLEVBQUUsQ0FBQyxHQUFHLENBQUMsQ0FBQztBQUMxRixnQkFBQUEsUUFBTyxVQUFVLHFCQUFxQixDQUFDLElBQUksR0FBRyxDQUFDLEdBQUcsQ0FBQyxHQUFHLEVBQUUsSUFBSSxFQUFFLEtBQUssVUFBVSxXQUFXLFNBQVMsRUFBRSxDQUFDLEdBQUcsQ0FBQyxJQUFJLENBQUM7QUFDN0csZ0JBQUFBLFFBQU8sVUFBVSxxQkFBcUIsQ0FBQyxJQUFJLEdBQUcsQ0FBQyxHQUFHLEVBQUUsUUFBUSxJQUFJLEdBQUcsRUFBRSxJQUFJLEVBQUUsS0FBSyxVQUFVLFdBQVcsU0FBUyxFQUFFLENBQUMsR0FBRyxDQUFDLENBQUM7QUFDeEgsQ0FBQztBQUFBLElBRUQsdUJBQUssMEVBQTBFLE1BQU07QUFDbkYsUUFBTSxNQUFNLFVBQVUsRUFBRSxNQUFNLFFBQVEsUUFBUSxPQUFVLEdBQUcsRUFBRSxJQUFJLE1BQU0sUUFBUSxLQUFLLEdBQUcsRUFBRSxJQUFJLEVBQUUsS0FBSyxVQUFVLFdBQVcsU0FBUyxFQUFFLENBQUM7QUFDckksZ0JBQUFBLFFBQU8sVUFBVSxLQUFLLEVBQUUsTUFBTSxRQUFRLFFBQVEsS0FBSyxDQUFDO0FBQ3BELFFBQU0sT0FBTyxVQUFVLEVBQUUsUUFBUSxPQUFPLEdBQUcsRUFBRSxJQUFJLEtBQUssR0FBRyxFQUFFLElBQUksRUFBRSxLQUFLLFVBQVUsV0FBVyxTQUFTLEVBQUUsQ0FBQztBQUN2RyxnQkFBQUEsUUFBTyxNQUFNLEtBQUssUUFBUSxNQUFNO0FBQ2xDLENBQUM7IiwKICAibmFtZXMiOiBbInNldHRpbmdzIiwgImFzc2VydCJdCn0K
