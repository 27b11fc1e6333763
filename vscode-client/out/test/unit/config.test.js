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
    let v = get(key);
    if (v === void 0) continue;
    if (typeof v === "string") v = v.trim() === "" ? null : v.trim();
    if (key === "providers") v = withProviderKeys(v, apiKeys);
    setPath(out, key, v);
  }
  for (const provider of BUILTIN_PROVIDERS) {
    setPath(out, `${provider}.apiKey`, apiKeys[provider] || null);
  }
  return out;
}
function withProviderKeys(providers, apiKeys) {
  if (typeof providers !== "object" || providers === null || Array.isArray(providers)) return providers;
  const out = {};
  for (const [name, spec] of Object.entries(providers)) {
    if (typeof spec !== "object" || spec === null || Array.isArray(spec)) {
      out[name] = spec;
      continue;
    }
    const copy = { ...spec };
    delete copy.apiKey;
    copy.apiKey = apiKeys[name] || null;
    out[name] = copy;
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
(0, import_node_test.test)("buildServerSettings: the nested shape, keys from secrets, unset values as null", () => {
  const out = buildServerSettings((k) => settings[k], { openai: "sk-1", anthropic: void 0 });
  import_strict.default.deepEqual(out, {
    models: { mini: "openai:gpt-5.4-mini", frontier: "anthropic:claude-opus-4-7" },
    routing: { autocomplete: "mini", rename: "auto", explain: "frontier", refactor: "auto" },
    openai: { baseUrl: "http://127.0.0.1:9999/v1", apiKey: "sk-1" },
    anthropic: { baseUrl: null, apiKey: null },
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
(0, import_node_test.test)("buildServerSettings: cleared keys are sent as null so the server forgets them", () => {
  const out = buildServerSettings(() => void 0, {});
  import_strict.default.deepEqual(out, { openai: { apiKey: null }, anthropic: { apiKey: null } });
});
(0, import_node_test.test)("buildServerSettings: custom providers get their stored key, never one from settings.json", () => {
  const providers = { or: { api: "openai", baseUrl: "https://or.example/v1", apiKeyEnv: "OR_KEY", apiKey: "from-settings" }, local: { api: "openai", baseUrl: "http://127.0.0.1:1" } };
  const out = buildServerSettings((k) => k === "providers" ? providers : void 0, { or: "stored" });
  import_strict.default.deepEqual(out.providers, {
    or: { api: "openai", baseUrl: "https://or.example/v1", apiKeyEnv: "OR_KEY", apiKey: "stored" },
    local: { api: "openai", baseUrl: "http://127.0.0.1:1", apiKey: null }
  });
  import_strict.default.equal(providers.or.apiKey, "from-settings", "the setting object itself is not modified");
});
(0, import_node_test.test)("buildServerSettings never forwards server.* or unknown keys", () => {
  const out = buildServerSettings((k) => ({ "server.path": "/x", "openai.apiKey": "leak" })[k], {});
  import_strict.default.deepEqual(out, { openai: { apiKey: null }, anthropic: { apiKey: null } });
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
//# sourceMappingURL=data:application/json;base64,ewogICJ2ZXJzaW9uIjogMywKICAic291cmNlcyI6IFsiLi4vLi4vLi4vdGVzdC91bml0L2NvbmZpZy50ZXN0LnRzIiwgIi4uLy4uLy4uL3NyYy9jb25maWcudHMiXSwKICAic291cmNlc0NvbnRlbnQiOiBbImltcG9ydCB7IHRlc3QgfSBmcm9tICdub2RlOnRlc3QnO1xuaW1wb3J0IGFzc2VydCBmcm9tICdub2RlOmFzc2VydC9zdHJpY3QnO1xuaW1wb3J0IHtcbiAgYnVpbGRTZXJ2ZXJTZXR0aW5ncyxcbiAgZmluZE9uUGF0aCxcbiAgcHJvdmlkZXJzSW5Vc2UsXG4gIHByb3ZpZGVyc01pc3NpbmdLZXlzLFxuICByZXNvbHZlU2VydmVyQ29tbWFuZCxcbiAgc2V0dGluZ3NTZWN0aW9uLFxufSBmcm9tICcuLi8uLi9zcmMvY29uZmlnJztcblxuY29uc3Qgc2V0dGluZ3M6IFJlY29yZDxzdHJpbmcsIHVua25vd24+ID0ge1xuICAnbW9kZWxzLm1pbmknOiAnb3BlbmFpOmdwdC01LjQtbWluaScsXG4gICdtb2RlbHMuZnJvbnRpZXInOiAnYW50aHJvcGljOmNsYXVkZS1vcHVzLTQtNycsXG4gICdyb3V0aW5nLmF1dG9jb21wbGV0ZSc6ICdtaW5pJyxcbiAgJ3JvdXRpbmcucmVuYW1lJzogJ2F1dG8nLFxuICAncm91dGluZy5leHBsYWluJzogJ2Zyb250aWVyJyxcbiAgJ3JvdXRpbmcucmVmYWN0b3InOiAnYXV0bycsXG4gICdvcGVuYWkuYmFzZVVybCc6ICdodHRwOi8vMTI3LjAuMC4xOjk5OTkvdjEgJyxcbiAgJ2FudGhyb3BpYy5iYXNlVXJsJzogJycsXG4gIHByb3ZpZGVyczoge30sXG4gICdidWRnZXQuc2Vzc2lvblVzZCc6IDEuNSxcbiAgJ2J1ZGdldC5kYWlseVVzZCc6IG51bGwsXG4gICdidWRnZXQuaGFyZFN0b3AnOiBmYWxzZSxcbiAgJ2NhY2hlLmVuYWJsZWQnOiB0cnVlLFxuICAnY2FjaGUubWF4U2l6ZU1iJzogMjU2LFxuICAnY2FjaGUudHRsRGF5cyc6IDE0LFxuICAnYXV0b2NvbXBsZXRlLmRlYm91bmNlTXMnOiAxNTAsXG4gICdyZWZhY3Rvci5pbnN0cnVjdGlvbnMnOiBbJ0FkZCB0eXBlIGhpbnRzJ10sXG59O1xuXG50ZXN0KCdidWlsZFNlcnZlclNldHRpbmdzOiB0aGUgbmVzdGVkIHNoYXBlLCBrZXlzIGZyb20gc2VjcmV0cywgdW5zZXQgdmFsdWVzIGFzIG51bGwnLCAoKSA9PiB7XG4gIGNvbnN0IG91dCA9IGJ1aWxkU2VydmVyU2V0dGluZ3MoKGspID0+IHNldHRpbmdzW2tdLCB7IG9wZW5haTogJ3NrLTEnLCBhbnRocm9waWM6IHVuZGVmaW5lZCB9KTtcbiAgYXNzZXJ0LmRlZXBFcXVhbChvdXQsIHtcbiAgICBtb2RlbHM6IHsgbWluaTogJ29wZW5haTpncHQtNS40LW1pbmknLCBmcm9udGllcjogJ2FudGhyb3BpYzpjbGF1ZGUtb3B1cy00LTcnIH0sXG4gICAgcm91dGluZzogeyBhdXRvY29tcGxldGU6ICdtaW5pJywgcmVuYW1lOiAnYXV0bycsIGV4cGxhaW46ICdmcm9udGllcicsIHJlZmFjdG9yOiAnYXV0bycgfSxcbiAgICBvcGVuYWk6IHsgYmFzZVVybDogJ2h0dHA6Ly8xMjcuMC4wLjE6OTk5OS92MScsIGFwaUtleTogJ3NrLTEnIH0sXG4gICAgYW50aHJvcGljOiB7IGJhc2VVcmw6IG51bGwsIGFwaUtleTogbnVsbCB9LFxuICAgIHByb3ZpZGVyczoge30sXG4gICAgYnVkZ2V0OiB7IHNlc3Npb25Vc2Q6IDEuNSwgZGFpbHlVc2Q6IG51bGwsIGhhcmRTdG9wOiBmYWxzZSB9LFxuICAgIGNhY2hlOiB7IGVuYWJsZWQ6IHRydWUsIG1heFNpemVNYjogMjU2LCB0dGxEYXlzOiAxNCB9LFxuICAgIGF1dG9jb21wbGV0ZTogeyBkZWJvdW5jZU1zOiAxNTAgfSxcbiAgICByZWZhY3RvcjogeyBpbnN0cnVjdGlvbnM6IFsnQWRkIHR5cGUgaGludHMnXSB9LFxuICB9KTtcbiAgYXNzZXJ0LmVxdWFsKHNldHRpbmdzU2VjdGlvbihvdXQsICdvcGVuYWkuYmFzZVVybCcpLCAnaHR0cDovLzEyNy4wLjAuMTo5OTk5L3YxJyk7XG4gIGFzc2VydC5lcXVhbChzZXR0aW5nc1NlY3Rpb24ob3V0LCAnbm9wZS54JyksIG51bGwpO1xuICBhc3NlcnQuZXF1YWwoc2V0dGluZ3NTZWN0aW9uKG91dCwgJycpLCBvdXQpO1xufSk7XG5cbnRlc3QoJ2J1aWxkU2VydmVyU2V0dGluZ3M6IGNsZWFyZWQga2V5cyBhcmUgc2VudCBhcyBudWxsIHNvIHRoZSBzZXJ2ZXIgZm9yZ2V0cyB0aGVtJywgKCkgPT4ge1xuICBjb25zdCBvdXQgPSBidWlsZFNlcnZlclNldHRpbmdzKCgpID0+IHVuZGVmaW5lZCwge30pIGFzIFJlY29yZDxzdHJpbmcsIFJlY29yZDxzdHJpbmcsIHVua25vd24+PjtcbiAgYXNzZXJ0LmRlZXBFcXVhbChvdXQsIHsgb3BlbmFpOiB7IGFwaUtleTogbnVsbCB9LCBhbnRocm9waWM6IHsgYXBpS2V5OiBudWxsIH0gfSk7XG59KTtcblxudGVzdCgnYnVpbGRTZXJ2ZXJTZXR0aW5nczogY3VzdG9tIHByb3ZpZGVycyBnZXQgdGhlaXIgc3RvcmVkIGtleSwgbmV2ZXIgb25lIGZyb20gc2V0dGluZ3MuanNvbicsICgpID0+IHtcbiAgY29uc3QgcHJvdmlkZXJzID0geyBvcjogeyBhcGk6ICdvcGVuYWknLCBiYXNlVXJsOiAnaHR0cHM6Ly9vci5leGFtcGxlL3YxJywgYXBpS2V5RW52OiAnT1JfS0VZJywgYXBpS2V5OiAnZnJvbS1zZXR0aW5ncycgfSwgbG9jYWw6IHsgYXBpOiAnb3BlbmFpJywgYmFzZVVybDogJ2h0dHA6Ly8xMjcuMC4wLjE6MScgfSB9O1xuICBjb25zdCBvdXQgPSBidWlsZFNlcnZlclNldHRpbmdzKChrKSA9PiAoayA9PT0gJ3Byb3ZpZGVycycgPyBwcm92aWRlcnMgOiB1bmRlZmluZWQpLCB7IG9yOiAnc3RvcmVkJyB9KSBhcyBSZWNvcmQ8c3RyaW5nLCBhbnk+O1xuICBhc3NlcnQuZGVlcEVxdWFsKG91dC5wcm92aWRlcnMsIHtcbiAgICBvcjogeyBhcGk6ICdvcGVuYWknLCBiYXNlVXJsOiAnaHR0cHM6Ly9vci5leGFtcGxlL3YxJywgYXBpS2V5RW52OiAnT1JfS0VZJywgYXBpS2V5OiAnc3RvcmVkJyB9LFxuICAgIGxvY2FsOiB7IGFwaTogJ29wZW5haScsIGJhc2VVcmw6ICdodHRwOi8vMTI3LjAuMC4xOjEnLCBhcGlLZXk6IG51bGwgfSxcbiAgfSk7XG4gIGFzc2VydC5lcXVhbChwcm92aWRlcnMub3IuYXBpS2V5LCAnZnJvbS1zZXR0aW5ncycsICd0aGUgc2V0dGluZyBvYmplY3QgaXRzZWxmIGlzIG5vdCBtb2RpZmllZCcpO1xufSk7XG5cbnRlc3QoJ2J1aWxkU2VydmVyU2V0dGluZ3MgbmV2ZXIgZm9yd2FyZHMgc2VydmVyLiogb3IgdW5rbm93biBrZXlzJywgKCkgPT4ge1xuICBjb25zdCBvdXQgPSBidWlsZFNlcnZlclNldHRpbmdzKChrKSA9PiAoeyAnc2VydmVyLnBhdGgnOiAnL3gnLCAnb3BlbmFpLmFwaUtleSc6ICdsZWFrJyB9IGFzIFJlY29yZDxzdHJpbmcsIHVua25vd24+KVtrXSwge30pO1xuICBhc3NlcnQuZGVlcEVxdWFsKG91dCwgeyBvcGVuYWk6IHsgYXBpS2V5OiBudWxsIH0sIGFudGhyb3BpYzogeyBhcGlLZXk6IG51bGwgfSB9KTtcbn0pO1xuXG5jb25zdCBleGUgPSAoZmlsZXM6IHN0cmluZ1tdKSA9PiAoZjogc3RyaW5nKSA9PiBmaWxlcy5pbmNsdWRlcyhmKTtcblxudGVzdCgncmVzb2x2ZVNlcnZlckNvbW1hbmQ6IHNlcnZlci5wYXRoLCB0aGVuIHB5dGhvblBhdGgsIHRoZW4gUEFUSCwgZWxzZSB0aGUgZml4JywgKCkgPT4ge1xuICBhc3NlcnQuZGVlcEVxdWFsKHJlc29sdmVTZXJ2ZXJDb21tYW5kKHsgc2VydmVyUGF0aDogJy92ZW52L2Jpbi9sc3Atcm91dGVyJywgaXNFeGVjdXRhYmxlOiBleGUoWycvdmVudi9iaW4vbHNwLXJvdXRlciddKSB9KSwge1xuICAgIG9rOiB0cnVlLFxuICAgIGNvbW1hbmQ6ICcvdmVudi9iaW4vbHNwLXJvdXRlcicsXG4gICAgYXJnczogWydzZXJ2ZSddLFxuICAgIHNvdXJjZTogJ2xzcFJvdXRlci5zZXJ2ZXIucGF0aCcsXG4gIH0pO1xuICBjb25zdCBiYWQgPSByZXNvbHZlU2VydmVyQ29tbWFuZCh7IHNlcnZlclBhdGg6ICcvbm9wZScsIGlzRXhlY3V0YWJsZTogZXhlKFtdKSB9KTtcbiAgYXNzZXJ0LmVxdWFsKGJhZC5vaywgZmFsc2UpO1xuICBhc3NlcnQubWF0Y2goKGJhZCBhcyB7IG1lc3NhZ2U6IHN0cmluZyB9KS5tZXNzYWdlLCAvbm90IGFuIGV4ZWN1dGFibGUvKTtcbiAgYXNzZXJ0LmRlZXBFcXVhbChyZXNvbHZlU2VydmVyQ29tbWFuZCh7IHB5dGhvblBhdGg6ICcvdXNyL2Jpbi9weXRob24zJywgaXNFeGVjdXRhYmxlOiBleGUoWycvdXNyL2Jpbi9weXRob24zJ10pIH0pLCB7XG4gICAgb2s6IHRydWUsXG4gICAgY29tbWFuZDogJy91c3IvYmluL3B5dGhvbjMnLFxuICAgIGFyZ3M6IFsnLW0nLCAnbHNwX3JvdXRlcicsICdzZXJ2ZSddLFxuICAgIHNvdXJjZTogJ2xzcFJvdXRlci5zZXJ2ZXIucHl0aG9uUGF0aCcsXG4gIH0pO1xuICBhc3NlcnQuZGVlcEVxdWFsKFxuICAgIHJlc29sdmVTZXJ2ZXJDb21tYW5kKHsgZW52UGF0aDogJy9hOi9iJywgcGxhdGZvcm06ICdsaW51eCcsIGlzRXhlY3V0YWJsZTogZXhlKFsnL2IvbHNwLXJvdXRlciddKSB9KSxcbiAgICB7IG9rOiB0cnVlLCBjb21tYW5kOiAnL2IvbHNwLXJvdXRlcicsIGFyZ3M6IFsnc2VydmUnXSwgc291cmNlOiAnUEFUSCcgfSxcbiAgKTtcbiAgY29uc3Qgbm9uZSA9IHJlc29sdmVTZXJ2ZXJDb21tYW5kKHsgZW52UGF0aDogJy9hJywgcGxhdGZvcm06ICdsaW51eCcsIGlzRXhlY3V0YWJsZTogZXhlKFtdKSB9KTtcbiAgYXNzZXJ0LmVxdWFsKG5vbmUub2ssIGZhbHNlKTtcbiAgYXNzZXJ0Lm1hdGNoKChub25lIGFzIHsgbWVzc2FnZTogc3RyaW5nIH0pLm1lc3NhZ2UsIC9waXAgaW5zdGFsbCBsc3Atcm91dGVyLyk7XG4gIGFzc2VydC5tYXRjaCgobm9uZSBhcyB7IG1lc3NhZ2U6IHN0cmluZyB9KS5tZXNzYWdlLCAvbHNwUm91dGVyXFwuc2VydmVyXFwucGF0aC8pO1xufSk7XG5cbnRlc3QoJ3Jlc29sdmVTZXJ2ZXJDb21tYW5kIGV4cGFuZHMgfiBhbmQgJHt3b3Jrc3BhY2VGb2xkZXJ9JywgKCkgPT4ge1xuICBjb25zdCByID0gcmVzb2x2ZVNlcnZlckNvbW1hbmQoe1xuICAgIHNlcnZlclBhdGg6ICcke3dvcmtzcGFjZUZvbGRlcn0vLnZlbnYvYmluL2xzcC1yb3V0ZXInLFxuICAgIHdvcmtzcGFjZUZvbGRlcjogJy93cycsXG4gICAgaXNFeGVjdXRhYmxlOiBleGUoWycvd3MvLnZlbnYvYmluL2xzcC1yb3V0ZXInXSksXG4gIH0pO1xuICBhc3NlcnQuZXF1YWwoci5vayAmJiByLmNvbW1hbmQsICcvd3MvLnZlbnYvYmluL2xzcC1yb3V0ZXInKTtcbiAgY29uc3QgaCA9IHJlc29sdmVTZXJ2ZXJDb21tYW5kKHsgcHl0aG9uUGF0aDogJ34vcHkvYmluL3B5dGhvbicsIGhvbWU6ICcvaG9tZS91JywgaXNFeGVjdXRhYmxlOiBleGUoWycvaG9tZS91L3B5L2Jpbi9weXRob24nXSkgfSk7XG4gIGFzc2VydC5lcXVhbChoLm9rICYmIGguY29tbWFuZCwgJy9ob21lL3UvcHkvYmluL3B5dGhvbicpO1xufSk7XG5cbnRlc3QoJ2ZpbmRPblBhdGggb24gV2luZG93cyB1c2VzIFBBVEhFWFQnLCAoKSA9PiB7XG4gIGNvbnN0IHAgPSBmaW5kT25QYXRoKCdsc3Atcm91dGVyJywge1xuICAgIGVudlBhdGg6ICdDOlxcXFx4O0M6XFxcXHknLFxuICAgIHBsYXRmb3JtOiAnd2luMzInLFxuICAgIHBhdGhFeHQ6ICcuRVhFOy5DTUQnLFxuICAgIGlzRXhlY3V0YWJsZTogKGYpID0+IGYuZW5kc1dpdGgoJ2xzcC1yb3V0ZXIuRVhFJykgJiYgZi5pbmNsdWRlcygneScpLFxuICB9KTtcbiAgYXNzZXJ0Lm9rKHAgJiYgcC5lbmRzV2l0aCgnbHNwLXJvdXRlci5FWEUnKSk7XG59KTtcblxudGVzdCgnbWlzc2luZyBrZXlzOiBzdG9yZWQga2V5IG9yIGVudiB2YXJpYWJsZSBzYXRpc2ZpZXMgYSBwcm92aWRlcicsICgpID0+IHtcbiAgY29uc3QgaW5Vc2UgPSBwcm92aWRlcnNJblVzZShbJ29wZW5haTpncHQtNS40LW1pbmknLCAnYW50aHJvcGljOmNsYXVkZS1vcHVzLTQtNycsICdvcGVuYWk6Z3B0LTUuNCddKTtcbiAgYXNzZXJ0LmRlZXBFcXVhbChpblVzZSwgWydvcGVuYWknLCAnYW50aHJvcGljJ10pO1xuICBhc3NlcnQuZGVlcEVxdWFsKHByb3ZpZGVyc01pc3NpbmdLZXlzKGluVXNlLCB7fSwge30sIHt9KSwgWydvcGVuYWknLCAnYW50aHJvcGljJ10pO1xuICBhc3NlcnQuZGVlcEVxdWFsKHByb3ZpZGVyc01pc3NpbmdLZXlzKGluVXNlLCB7IG9wZW5haTogJ2snIH0sIHt9LCB7fSksIFsnYW50aHJvcGljJ10pO1xuICBhc3NlcnQuZGVlcEVxdWFsKHByb3ZpZGVyc01pc3NpbmdLZXlzKGluVXNlLCB7fSwgeyBBTlRIUk9QSUNfQVBJX0tFWTogJ3gnLCBPUEVOQUlfQVBJX0tFWTogJ3knIH0sIHt9KSwgW10pO1xuICAvLyBhIGN1c3RvbSBwcm92aWRlciB3aXRob3V0IGFwaUtleUVudiBuZWVkcyBubyBrZXk7IHdpdGggb25lLCBpdHMgdmFyaWFibGUgY291bnRzXG4gIGFzc2VydC5kZWVwRXF1YWwocHJvdmlkZXJzTWlzc2luZ0tleXMoWydsb2NhbCddLCB7fSwge30sIHsgbG9jYWw6IHsgYXBpOiAnb3BlbmFpJyB9IH0pLCBbXSk7XG4gIGFzc2VydC5kZWVwRXF1YWwocHJvdmlkZXJzTWlzc2luZ0tleXMoWydvciddLCB7fSwge30sIHsgb3I6IHsgYXBpOiAnb3BlbmFpJywgYXBpS2V5RW52OiAnT1JfS0VZJyB9IH0pLCBbJ29yJ10pO1xuICBhc3NlcnQuZGVlcEVxdWFsKHByb3ZpZGVyc01pc3NpbmdLZXlzKFsnb3InXSwge30sIHsgT1JfS0VZOiAneicgfSwgeyBvcjogeyBhcGk6ICdvcGVuYWknLCBhcGlLZXlFbnY6ICdPUl9LRVknIH0gfSksIFtdKTtcbn0pO1xuIiwgIi8vIFNldHRpbmdzIC0+IHRoZSBzZXJ2ZXIncyBzZXR0aW5ncyBvYmplY3QsIGZpbmRpbmcgdGhlIHNlcnZlciBleGVjdXRhYmxlLCBhbmQgd2hpY2ggcHJvdmlkZXJzXG4vLyBsYWNrIGEga2V5LiBQdXJlIChubyBgdnNjb2RlYCBpbXBvcnQpOiB0aGUgZXh0ZW5zaW9uIHBhc3NlcyBpbiBhIGdldHRlciBhbmQgdGhlIHNlY3JldHMuXG5cbmltcG9ydCAqIGFzIHBhdGggZnJvbSAncGF0aCc7XG5cbi8qKiBDb250cmlidXRlZCBzZXR0aW5ncyBmb3J3YXJkZWQgdG8gdGhlIHNlcnZlciwgcmVsYXRpdmUgdG8gdGhlIGBsc3BSb3V0ZXJgIHNlY3Rpb24uICovXG5leHBvcnQgY29uc3QgRk9SV0FSREVEX1NFVFRJTkdTID0gW1xuICAnbW9kZWxzLm1pbmknLFxuICAnbW9kZWxzLmZyb250aWVyJyxcbiAgJ3JvdXRpbmcuYXV0b2NvbXBsZXRlJyxcbiAgJ3JvdXRpbmcucmVuYW1lJyxcbiAgJ3JvdXRpbmcuZXhwbGFpbicsXG4gICdyb3V0aW5nLnJlZmFjdG9yJyxcbiAgJ29wZW5haS5iYXNlVXJsJyxcbiAgJ2FudGhyb3BpYy5iYXNlVXJsJyxcbiAgJ3Byb3ZpZGVycycsXG4gICdidWRnZXQuc2Vzc2lvblVzZCcsXG4gICdidWRnZXQuZGFpbHlVc2QnLFxuICAnYnVkZ2V0LmhhcmRTdG9wJyxcbiAgJ2NhY2hlLmVuYWJsZWQnLFxuICAnY2FjaGUubWF4U2l6ZU1iJyxcbiAgJ2NhY2hlLnR0bERheXMnLFxuICAnYXV0b2NvbXBsZXRlLmRlYm91bmNlTXMnLFxuICAncmVmYWN0b3IuaW5zdHJ1Y3Rpb25zJyxcbl0gYXMgY29uc3Q7XG5cbi8qKiBCdWlsdC1pbiBwcm92aWRlcnMgd2hvc2Uga2V5cyB0aGUgc2VydmVyIHRha2VzIGluIGl0cyBzZXR0aW5ncyAoYDxwcm92aWRlcj4uYXBpS2V5YCkuICovXG5leHBvcnQgY29uc3QgQlVJTFRJTl9QUk9WSURFUlMgPSBbJ29wZW5haScsICdhbnRocm9waWMnXSBhcyBjb25zdDtcbmV4cG9ydCBjb25zdCBCVUlMVElOX0tFWV9FTlY6IFJlY29yZDxzdHJpbmcsIHN0cmluZz4gPSB7XG4gIG9wZW5haTogJ09QRU5BSV9BUElfS0VZJyxcbiAgYW50aHJvcGljOiAnQU5USFJPUElDX0FQSV9LRVknLFxufTtcblxuZXhwb3J0IGludGVyZmFjZSBQcm92aWRlckNvbmZpZyB7XG4gIGFwaT86IHN0cmluZztcbiAgYmFzZVVybD86IHN0cmluZztcbiAgYXBpS2V5RW52Pzogc3RyaW5nO1xufVxuXG5leHBvcnQgdHlwZSBTZXR0aW5nR2V0dGVyID0gKGtleTogc3RyaW5nKSA9PiB1bmtub3duO1xuXG5mdW5jdGlvbiBzZXRQYXRoKG9iajogUmVjb3JkPHN0cmluZywgdW5rbm93bj4sIGRvdHRlZDogc3RyaW5nLCB2YWx1ZTogdW5rbm93bik6IHZvaWQge1xuICBjb25zdCBwYXJ0cyA9IGRvdHRlZC5zcGxpdCgnLicpO1xuICBsZXQgY3VyID0gb2JqO1xuICBmb3IgKGNvbnN0IHAgb2YgcGFydHMuc2xpY2UoMCwgLTEpKSB7XG4gICAgaWYgKHR5cGVvZiBjdXJbcF0gIT09ICdvYmplY3QnIHx8IGN1cltwXSA9PT0gbnVsbCkgY3VyW3BdID0ge307XG4gICAgY3VyID0gY3VyW3BdIGFzIFJlY29yZDxzdHJpbmcsIHVua25vd24+O1xuICB9XG4gIGN1cltwYXJ0c1twYXJ0cy5sZW5ndGggLSAxXV0gPSB2YWx1ZTtcbn1cblxuLyoqXG4gKiBUaGUgb2JqZWN0IHRoZSBzZXJ2ZXIgcmVhZHMgYXMgYGluaXRpYWxpemF0aW9uT3B0aW9uc2AgYW5kIHVuZGVyIGBsc3BSb3V0ZXJgIGluXG4gKiBgd29ya3NwYWNlL2RpZENoYW5nZUNvbmZpZ3VyYXRpb25gLiBUaGUgc2VydmVyIG1lcmdlcyB3aGF0IGl0IGdldHMgb250byBpdHMgY3VycmVudCBzZXR0aW5ncywgc29cbiAqIGV2ZXJ5IGZvcndhcmRlZCBzZXR0aW5nIGlzIGFsd2F5cyBzZW50OiBhbiBlbXB0eSBzdHJpbmcgKGFuIHVuc2V0IGJhc2VVcmwpIGFzIG51bGwsIGFuZCBlYWNoIEFQSVxuICoga2V5IGFzIHRoZSBzdG9yZWQgdmFsdWUgb3IgbnVsbCAoYSBjbGVhcmVkIGtleSBtdXN0IHJlYWNoIHRoZSBzZXJ2ZXIgYXMgbnVsbCkuIEtleXMgY29tZSBmcm9tXG4gKiBTZWNyZXQgU3RvcmFnZSwgbmV2ZXIgZnJvbSBzZXR0aW5nczogYnVpbHQtaW4gcHJvdmlkZXJzIGFzIGA8cHJvdmlkZXI+LmFwaUtleWAsIGN1c3RvbSBvbmVzIGFzXG4gKiBgcHJvdmlkZXJzLjxuYW1lPi5hcGlLZXlgLlxuICovXG5leHBvcnQgZnVuY3Rpb24gYnVpbGRTZXJ2ZXJTZXR0aW5ncyhcbiAgZ2V0OiBTZXR0aW5nR2V0dGVyLFxuICBhcGlLZXlzOiBSZWNvcmQ8c3RyaW5nLCBzdHJpbmcgfCB1bmRlZmluZWQ+LFxuKTogUmVjb3JkPHN0cmluZywgdW5rbm93bj4ge1xuICBjb25zdCBvdXQ6IFJlY29yZDxzdHJpbmcsIHVua25vd24+ID0ge307XG4gIGZvciAoY29uc3Qga2V5IG9mIEZPUldBUkRFRF9TRVRUSU5HUykge1xuICAgIGxldCB2ID0gZ2V0KGtleSk7XG4gICAgaWYgKHYgPT09IHVuZGVmaW5lZCkgY29udGludWU7XG4gICAgaWYgKHR5cGVvZiB2ID09PSAnc3RyaW5nJykgdiA9IHYudHJpbSgpID09PSAnJyA/IG51bGwgOiB2LnRyaW0oKTtcbiAgICBpZiAoa2V5ID09PSAncHJvdmlkZXJzJykgdiA9IHdpdGhQcm92aWRlcktleXModiwgYXBpS2V5cyk7XG4gICAgc2V0UGF0aChvdXQsIGtleSwgdik7XG4gIH1cbiAgZm9yIChjb25zdCBwcm92aWRlciBvZiBCVUlMVElOX1BST1ZJREVSUykge1xuICAgIHNldFBhdGgob3V0LCBgJHtwcm92aWRlcn0uYXBpS2V5YCwgYXBpS2V5c1twcm92aWRlcl0gfHwgbnVsbCk7XG4gIH1cbiAgcmV0dXJuIG91dDtcbn1cblxuZnVuY3Rpb24gd2l0aFByb3ZpZGVyS2V5cyhwcm92aWRlcnM6IHVua25vd24sIGFwaUtleXM6IFJlY29yZDxzdHJpbmcsIHN0cmluZyB8IHVuZGVmaW5lZD4pOiB1bmtub3duIHtcbiAgaWYgKHR5cGVvZiBwcm92aWRlcnMgIT09ICdvYmplY3QnIHx8IHByb3ZpZGVycyA9PT0gbnVsbCB8fCBBcnJheS5pc0FycmF5KHByb3ZpZGVycykpIHJldHVybiBwcm92aWRlcnM7XG4gIGNvbnN0IG91dDogUmVjb3JkPHN0cmluZywgdW5rbm93bj4gPSB7fTtcbiAgZm9yIChjb25zdCBbbmFtZSwgc3BlY10gb2YgT2JqZWN0LmVudHJpZXMocHJvdmlkZXJzIGFzIFJlY29yZDxzdHJpbmcsIHVua25vd24+KSkge1xuICAgIGlmICh0eXBlb2Ygc3BlYyAhPT0gJ29iamVjdCcgfHwgc3BlYyA9PT0gbnVsbCB8fCBBcnJheS5pc0FycmF5KHNwZWMpKSB7XG4gICAgICBvdXRbbmFtZV0gPSBzcGVjO1xuICAgICAgY29udGludWU7XG4gICAgfVxuICAgIGNvbnN0IGNvcHk6IFJlY29yZDxzdHJpbmcsIHVua25vd24+ID0geyAuLi4oc3BlYyBhcyBSZWNvcmQ8c3RyaW5nLCB1bmtub3duPikgfTtcbiAgICBkZWxldGUgY29weS5hcGlLZXk7IC8vIGEga2V5IHR5cGVkIGludG8gc2V0dGluZ3MuanNvbiBpcyBub3QgZm9yd2FyZGVkOiBrZXlzIGxpdmUgaW4gU2VjcmV0IFN0b3JhZ2VcbiAgICBjb3B5LmFwaUtleSA9IGFwaUtleXNbbmFtZV0gfHwgbnVsbDtcbiAgICBvdXRbbmFtZV0gPSBjb3B5O1xuICB9XG4gIHJldHVybiBvdXQ7XG59XG5cbi8qKiBUaGUgcGFydCBvZiB0aGUgc2V0dGluZ3Mgb2JqZWN0IGF0IGEgZG90dGVkIHN1Yi1zZWN0aW9uIChcIlwiID0gYWxsKS4gKi9cbmV4cG9ydCBmdW5jdGlvbiBzZXR0aW5nc1NlY3Rpb24oc2V0dGluZ3M6IFJlY29yZDxzdHJpbmcsIHVua25vd24+LCBzZWN0aW9uOiBzdHJpbmcpOiB1bmtub3duIHtcbiAgaWYgKCFzZWN0aW9uKSByZXR1cm4gc2V0dGluZ3M7XG4gIGxldCBjdXI6IHVua25vd24gPSBzZXR0aW5ncztcbiAgZm9yIChjb25zdCBwIG9mIHNlY3Rpb24uc3BsaXQoJy4nKSkge1xuICAgIGlmICh0eXBlb2YgY3VyICE9PSAnb2JqZWN0JyB8fCBjdXIgPT09IG51bGwpIHJldHVybiBudWxsO1xuICAgIGN1ciA9IChjdXIgYXMgUmVjb3JkPHN0cmluZywgdW5rbm93bj4pW3BdO1xuICB9XG4gIHJldHVybiBjdXIgPT09IHVuZGVmaW5lZCA/IG51bGwgOiBjdXI7XG59XG5cbmV4cG9ydCB0eXBlIFNlcnZlckNvbW1hbmQgPVxuICB8IHsgb2s6IHRydWU7IGNvbW1hbmQ6IHN0cmluZzsgYXJnczogc3RyaW5nW107IHNvdXJjZTogc3RyaW5nIH1cbiAgfCB7IG9rOiBmYWxzZTsgbWVzc2FnZTogc3RyaW5nIH07XG5cbmV4cG9ydCBpbnRlcmZhY2UgUmVzb2x2ZU9wdGlvbnMge1xuICBzZXJ2ZXJQYXRoPzogc3RyaW5nO1xuICBweXRob25QYXRoPzogc3RyaW5nO1xuICAvKiogUEFUSCAocHJvY2Vzcy5lbnYuUEFUSCkuICovXG4gIGVudlBhdGg/OiBzdHJpbmc7XG4gIC8qKiBQQVRIRVhUIG9uIFdpbmRvd3MuICovXG4gIHBhdGhFeHQ/OiBzdHJpbmc7XG4gIHBsYXRmb3JtPzogTm9kZUpTLlBsYXRmb3JtO1xuICAvKiogSXMgdGhpcyBmaWxlIGV4ZWN1dGFibGU/IChmcy5hY2Nlc3NTeW5jIFhfT0spICovXG4gIGlzRXhlY3V0YWJsZTogKGZpbGU6IHN0cmluZykgPT4gYm9vbGVhbjtcbiAgLyoqIEV4cGFuZCBgfmAgYW5kIGAke3dvcmtzcGFjZUZvbGRlcn1gLiAqL1xuICB3b3Jrc3BhY2VGb2xkZXI/OiBzdHJpbmc7XG4gIGhvbWU/OiBzdHJpbmc7XG59XG5cbmV4cG9ydCBjb25zdCBJTlNUQUxMX0hJTlQgPVxuICAnSW5zdGFsbCB0aGUgc2VydmVyIHdpdGggXCJwaXAgaW5zdGFsbCBsc3Atcm91dGVyXCIgKGl0IHB1dHMgYGxzcC1yb3V0ZXJgIG9uIFBBVEgpLCBvciBzZXQgJyArXG4gICdcImxzcFJvdXRlci5zZXJ2ZXIucGF0aFwiIHRvIHRoZSBsc3Atcm91dGVyIGV4ZWN1dGFibGUsIG9yIFwibHNwUm91dGVyLnNlcnZlci5weXRob25QYXRoXCIgdG8gYSAnICtcbiAgJ1B5dGhvbiBpbnRlcnByZXRlciB0aGF0IGhhcyBsc3Atcm91dGVyIGluc3RhbGxlZC4nO1xuXG5mdW5jdGlvbiBleHBhbmQocDogc3RyaW5nLCBvcHRzOiBSZXNvbHZlT3B0aW9ucyk6IHN0cmluZyB7XG4gIGxldCBvdXQgPSBwLnRyaW0oKTtcbiAgaWYgKG9wdHMuaG9tZSAmJiAob3V0ID09PSAnficgfHwgb3V0LnN0YXJ0c1dpdGgoJ34vJykpKSBvdXQgPSBwYXRoLmpvaW4ob3B0cy5ob21lLCBvdXQuc2xpY2UoMSkpO1xuICBpZiAob3B0cy53b3Jrc3BhY2VGb2xkZXIpIG91dCA9IG91dC5yZXBsYWNlKC9cXCRcXHt3b3Jrc3BhY2VGb2xkZXJcXH0vZywgb3B0cy53b3Jrc3BhY2VGb2xkZXIpO1xuICByZXR1cm4gb3V0O1xufVxuXG4vKiogTG9vayBmb3IgYW4gZXhlY3V0YWJsZSBvbiBQQVRIICh3aXRoIFBBVEhFWFQgb24gV2luZG93cykuICovXG5leHBvcnQgZnVuY3Rpb24gZmluZE9uUGF0aChuYW1lOiBzdHJpbmcsIG9wdHM6IFJlc29sdmVPcHRpb25zKTogc3RyaW5nIHwgdW5kZWZpbmVkIHtcbiAgY29uc3Qgd2luID0gKG9wdHMucGxhdGZvcm0gPz8gcHJvY2Vzcy5wbGF0Zm9ybSkgPT09ICd3aW4zMic7XG4gIGNvbnN0IHNlcCA9IHdpbiA/ICc7JyA6ICc6JztcbiAgY29uc3QgZXh0cyA9IHdpbiA/IChvcHRzLnBhdGhFeHQgPz8gJy5FWEU7LkNNRDsuQkFUOy5DT00nKS5zcGxpdCgnOycpLmZpbHRlcihCb29sZWFuKSA6IFsnJ107XG4gIGZvciAoY29uc3QgZGlyIG9mIChvcHRzLmVudlBhdGggPz8gJycpLnNwbGl0KHNlcCkpIHtcbiAgICBpZiAoIWRpcikgY29udGludWU7XG4gICAgZm9yIChjb25zdCBleHQgb2YgZXh0cykge1xuICAgICAgY29uc3QgY2FuZGlkYXRlID0gcGF0aC5qb2luKGRpciwgbmFtZSArIGV4dCk7XG4gICAgICBpZiAob3B0cy5pc0V4ZWN1dGFibGUoY2FuZGlkYXRlKSkgcmV0dXJuIGNhbmRpZGF0ZTtcbiAgICB9XG4gIH1cbiAgcmV0dXJuIHVuZGVmaW5lZDtcbn1cblxuLyoqXG4gKiBIb3cgdG8gc3RhcnQgdGhlIHNlcnZlcjogYGxzcFJvdXRlci5zZXJ2ZXIucGF0aGAgKGBQQVRIIHNlcnZlYCksIGVsc2UgYGxzcFJvdXRlci5zZXJ2ZXIucHl0aG9uUGF0aGBcbiAqIChgUFlUSE9OIC1tIGxzcF9yb3V0ZXIgc2VydmVgKSwgZWxzZSBgbHNwLXJvdXRlcmAgb24gUEFUSDsgb3RoZXJ3aXNlIGEgbWVzc2FnZSB3aXRoIHRoZSBmaXguXG4gKi9cbmV4cG9ydCBmdW5jdGlvbiByZXNvbHZlU2VydmVyQ29tbWFuZChvcHRzOiBSZXNvbHZlT3B0aW9ucyk6IFNlcnZlckNvbW1hbmQge1xuICBjb25zdCBzZXJ2ZXJQYXRoID0gb3B0cy5zZXJ2ZXJQYXRoID8gZXhwYW5kKG9wdHMuc2VydmVyUGF0aCwgb3B0cykgOiAnJztcbiAgaWYgKHNlcnZlclBhdGgpIHtcbiAgICBpZiAoIW9wdHMuaXNFeGVjdXRhYmxlKHNlcnZlclBhdGgpKSB7XG4gICAgICByZXR1cm4ge1xuICAgICAgICBvazogZmFsc2UsXG4gICAgICAgIG1lc3NhZ2U6XG4gICAgICAgICAgYFwibHNwUm91dGVyLnNlcnZlci5wYXRoXCIgaXMgc2V0IHRvICR7c2VydmVyUGF0aH0sIHdoaWNoIGlzIG5vdCBhbiBleGVjdXRhYmxlIGZpbGUuIGAgK1xuICAgICAgICAgICdQb2ludCBpdCBhdCB0aGUgbHNwLXJvdXRlciBleGVjdXRhYmxlIChlLmcuIC52ZW52L2Jpbi9sc3Atcm91dGVyKSBvciBjbGVhciBpdC4gJyArXG4gICAgICAgICAgSU5TVEFMTF9ISU5ULFxuICAgICAgfTtcbiAgICB9XG4gICAgcmV0dXJuIHsgb2s6IHRydWUsIGNvbW1hbmQ6IHNlcnZlclBhdGgsIGFyZ3M6IFsnc2VydmUnXSwgc291cmNlOiAnbHNwUm91dGVyLnNlcnZlci5wYXRoJyB9O1xuICB9XG4gIGNvbnN0IHB5dGhvblBhdGggPSBvcHRzLnB5dGhvblBhdGggPyBleHBhbmQob3B0cy5weXRob25QYXRoLCBvcHRzKSA6ICcnO1xuICBpZiAocHl0aG9uUGF0aCkge1xuICAgIGNvbnN0IHJlc29sdmVkID0gcHl0aG9uUGF0aC5pbmNsdWRlcygnLycpIHx8IHB5dGhvblBhdGguaW5jbHVkZXMoJ1xcXFwnKSA/IHB5dGhvblBhdGggOiBmaW5kT25QYXRoKHB5dGhvblBhdGgsIG9wdHMpO1xuICAgIGlmICghcmVzb2x2ZWQgfHwgIW9wdHMuaXNFeGVjdXRhYmxlKHJlc29sdmVkKSkge1xuICAgICAgcmV0dXJuIHtcbiAgICAgICAgb2s6IGZhbHNlLFxuICAgICAgICBtZXNzYWdlOlxuICAgICAgICAgIGBcImxzcFJvdXRlci5zZXJ2ZXIucHl0aG9uUGF0aFwiIGlzIHNldCB0byAke3B5dGhvblBhdGh9LCB3aGljaCBpcyBub3QgYW4gZXhlY3V0YWJsZSBQeXRob24gYCArXG4gICAgICAgICAgJ2ludGVycHJldGVyLiBQb2ludCBpdCBhdCBhIFB5dGhvbiB0aGF0IGhhcyBsc3Atcm91dGVyIGluc3RhbGxlZCAocGlwIGluc3RhbGwgbHNwLXJvdXRlcikgb3IgY2xlYXIgaXQuJyxcbiAgICAgIH07XG4gICAgfVxuICAgIHJldHVybiB7IG9rOiB0cnVlLCBjb21tYW5kOiByZXNvbHZlZCwgYXJnczogWyctbScsICdsc3Bfcm91dGVyJywgJ3NlcnZlJ10sIHNvdXJjZTogJ2xzcFJvdXRlci5zZXJ2ZXIucHl0aG9uUGF0aCcgfTtcbiAgfVxuICBjb25zdCBvblBhdGggPSBmaW5kT25QYXRoKCdsc3Atcm91dGVyJywgb3B0cyk7XG4gIGlmIChvblBhdGgpIHJldHVybiB7IG9rOiB0cnVlLCBjb21tYW5kOiBvblBhdGgsIGFyZ3M6IFsnc2VydmUnXSwgc291cmNlOiAnUEFUSCcgfTtcbiAgcmV0dXJuIHsgb2s6IGZhbHNlLCBtZXNzYWdlOiBgQ291bGQgbm90IGZpbmQgdGhlIGxzcC1yb3V0ZXIgbGFuZ3VhZ2Ugc2VydmVyLiAke0lOU1RBTExfSElOVH1gIH07XG59XG5cbi8qKiBQcm92aWRlcnMgbmFtZWQgYnkgdGhlIGNvbmZpZ3VyZWQgbW9kZWxzIChcIm9wZW5haTpncHQtNS40LW1pbmlcIiAtPiBcIm9wZW5haVwiKS4gKi9cbmV4cG9ydCBmdW5jdGlvbiBwcm92aWRlcnNJblVzZShtb2RlbHM6IChzdHJpbmcgfCB1bmRlZmluZWQpW10pOiBzdHJpbmdbXSB7XG4gIGNvbnN0IG91dDogc3RyaW5nW10gPSBbXTtcbiAgZm9yIChjb25zdCBtIG9mIG1vZGVscykge1xuICAgIGlmICghbSkgY29udGludWU7XG4gICAgY29uc3QgaSA9IG0uaW5kZXhPZignOicpO1xuICAgIGNvbnN0IHAgPSBpID4gMCA/IG0uc2xpY2UoMCwgaSkgOiAnJztcbiAgICBpZiAocCAmJiAhb3V0LmluY2x1ZGVzKHApKSBvdXQucHVzaChwKTtcbiAgfVxuICByZXR1cm4gb3V0O1xufVxuXG4vKiogVGhlIGVudmlyb25tZW50IHZhcmlhYmxlIHRoYXQgY2FycmllcyBhIHByb3ZpZGVyJ3Mga2V5LCBpZiBhbnkuICovXG5leHBvcnQgZnVuY3Rpb24ga2V5RW52Rm9yKHByb3ZpZGVyOiBzdHJpbmcsIHByb3ZpZGVyczogUmVjb3JkPHN0cmluZywgUHJvdmlkZXJDb25maWc+IHwgdW5kZWZpbmVkKTogc3RyaW5nIHwgdW5kZWZpbmVkIHtcbiAgY29uc3QgY3VzdG9tID0gcHJvdmlkZXJzPy5bcHJvdmlkZXJdO1xuICBpZiAoY3VzdG9tKSByZXR1cm4gY3VzdG9tLmFwaUtleUVudiB8fCB1bmRlZmluZWQ7XG4gIHJldHVybiBCVUlMVElOX0tFWV9FTlZbcHJvdmlkZXJdO1xufVxuXG4vKipcbiAqIFByb3ZpZGVycyBpbiB1c2UgdGhhdCBoYXZlIG5laXRoZXIgYSBzdG9yZWQga2V5IG5vciB0aGVpciBlbnZpcm9ubWVudCB2YXJpYWJsZSBzZXQuXG4gKiBBIGN1c3RvbSBwcm92aWRlciB3aXRob3V0IGBhcGlLZXlFbnZgIChhIGxvY2FsIHNlcnZlciwgc2F5KSBuZWVkcyBubyBrZXkuXG4gKi9cbmV4cG9ydCBmdW5jdGlvbiBwcm92aWRlcnNNaXNzaW5nS2V5cyhcbiAgaW5Vc2U6IHN0cmluZ1tdLFxuICBzdG9yZWRLZXlzOiBSZWNvcmQ8c3RyaW5nLCBzdHJpbmcgfCB1bmRlZmluZWQ+LFxuICBlbnY6IFJlY29yZDxzdHJpbmcsIHN0cmluZyB8IHVuZGVmaW5lZD4sXG4gIHByb3ZpZGVyczogUmVjb3JkPHN0cmluZywgUHJvdmlkZXJDb25maWc+IHwgdW5kZWZpbmVkLFxuKTogc3RyaW5nW10ge1xuICByZXR1cm4gaW5Vc2UuZmlsdGVyKChwKSA9PiB7XG4gICAgaWYgKHN0b3JlZEtleXNbcF0pIHJldHVybiBmYWxzZTtcbiAgICBjb25zdCBlbnZOYW1lID0ga2V5RW52Rm9yKHAsIHByb3ZpZGVycyk7XG4gICAgaWYgKCFlbnZOYW1lKSByZXR1cm4gZmFsc2U7XG4gICAgcmV0dXJuICFlbnZbZW52TmFtZV07XG4gIH0pO1xufVxuIl0sCiAgIm1hcHBpbmdzIjogIjs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7OztBQUFBLHVCQUFxQjtBQUNyQixvQkFBbUI7OztBQ0VuQixXQUFzQjtBQUdmLElBQU0scUJBQXFCO0FBQUEsRUFDaEM7QUFBQSxFQUNBO0FBQUEsRUFDQTtBQUFBLEVBQ0E7QUFBQSxFQUNBO0FBQUEsRUFDQTtBQUFBLEVBQ0E7QUFBQSxFQUNBO0FBQUEsRUFDQTtBQUFBLEVBQ0E7QUFBQSxFQUNBO0FBQUEsRUFDQTtBQUFBLEVBQ0E7QUFBQSxFQUNBO0FBQUEsRUFDQTtBQUFBLEVBQ0E7QUFBQSxFQUNBO0FBQ0Y7QUFHTyxJQUFNLG9CQUFvQixDQUFDLFVBQVUsV0FBVztBQUNoRCxJQUFNLGtCQUEwQztBQUFBLEVBQ3JELFFBQVE7QUFBQSxFQUNSLFdBQVc7QUFDYjtBQVVBLFNBQVMsUUFBUSxLQUE4QixRQUFnQixPQUFzQjtBQUNuRixRQUFNLFFBQVEsT0FBTyxNQUFNLEdBQUc7QUFDOUIsTUFBSSxNQUFNO0FBQ1YsYUFBVyxLQUFLLE1BQU0sTUFBTSxHQUFHLEVBQUUsR0FBRztBQUNsQyxRQUFJLE9BQU8sSUFBSSxDQUFDLE1BQU0sWUFBWSxJQUFJLENBQUMsTUFBTSxLQUFNLEtBQUksQ0FBQyxJQUFJLENBQUM7QUFDN0QsVUFBTSxJQUFJLENBQUM7QUFBQSxFQUNiO0FBQ0EsTUFBSSxNQUFNLE1BQU0sU0FBUyxDQUFDLENBQUMsSUFBSTtBQUNqQztBQVVPLFNBQVMsb0JBQ2QsS0FDQSxTQUN5QjtBQUN6QixRQUFNLE1BQStCLENBQUM7QUFDdEMsYUFBVyxPQUFPLG9CQUFvQjtBQUNwQyxRQUFJLElBQUksSUFBSSxHQUFHO0FBQ2YsUUFBSSxNQUFNLE9BQVc7QUFDckIsUUFBSSxPQUFPLE1BQU0sU0FBVSxLQUFJLEVBQUUsS0FBSyxNQUFNLEtBQUssT0FBTyxFQUFFLEtBQUs7QUFDL0QsUUFBSSxRQUFRLFlBQWEsS0FBSSxpQkFBaUIsR0FBRyxPQUFPO0FBQ3hELFlBQVEsS0FBSyxLQUFLLENBQUM7QUFBQSxFQUNyQjtBQUNBLGFBQVcsWUFBWSxtQkFBbUI7QUFDeEMsWUFBUSxLQUFLLEdBQUcsUUFBUSxXQUFXLFFBQVEsUUFBUSxLQUFLLElBQUk7QUFBQSxFQUM5RDtBQUNBLFNBQU87QUFDVDtBQUVBLFNBQVMsaUJBQWlCLFdBQW9CLFNBQXNEO0FBQ2xHLE1BQUksT0FBTyxjQUFjLFlBQVksY0FBYyxRQUFRLE1BQU0sUUFBUSxTQUFTLEVBQUcsUUFBTztBQUM1RixRQUFNLE1BQStCLENBQUM7QUFDdEMsYUFBVyxDQUFDLE1BQU0sSUFBSSxLQUFLLE9BQU8sUUFBUSxTQUFvQyxHQUFHO0FBQy9FLFFBQUksT0FBTyxTQUFTLFlBQVksU0FBUyxRQUFRLE1BQU0sUUFBUSxJQUFJLEdBQUc7QUFDcEUsVUFBSSxJQUFJLElBQUk7QUFDWjtBQUFBLElBQ0Y7QUFDQSxVQUFNLE9BQWdDLEVBQUUsR0FBSSxLQUFpQztBQUM3RSxXQUFPLEtBQUs7QUFDWixTQUFLLFNBQVMsUUFBUSxJQUFJLEtBQUs7QUFDL0IsUUFBSSxJQUFJLElBQUk7QUFBQSxFQUNkO0FBQ0EsU0FBTztBQUNUO0FBR08sU0FBUyxnQkFBZ0JBLFdBQW1DLFNBQTBCO0FBQzNGLE1BQUksQ0FBQyxRQUFTLFFBQU9BO0FBQ3JCLE1BQUksTUFBZUE7QUFDbkIsYUFBVyxLQUFLLFFBQVEsTUFBTSxHQUFHLEdBQUc7QUFDbEMsUUFBSSxPQUFPLFFBQVEsWUFBWSxRQUFRLEtBQU0sUUFBTztBQUNwRCxVQUFPLElBQWdDLENBQUM7QUFBQSxFQUMxQztBQUNBLFNBQU8sUUFBUSxTQUFZLE9BQU87QUFDcEM7QUFxQk8sSUFBTSxlQUNYO0FBSUYsU0FBUyxPQUFPLEdBQVcsTUFBOEI7QUFDdkQsTUFBSSxNQUFNLEVBQUUsS0FBSztBQUNqQixNQUFJLEtBQUssU0FBUyxRQUFRLE9BQU8sSUFBSSxXQUFXLElBQUksR0FBSSxPQUFXLFVBQUssS0FBSyxNQUFNLElBQUksTUFBTSxDQUFDLENBQUM7QUFDL0YsTUFBSSxLQUFLLGdCQUFpQixPQUFNLElBQUksUUFBUSwwQkFBMEIsS0FBSyxlQUFlO0FBQzFGLFNBQU87QUFDVDtBQUdPLFNBQVMsV0FBVyxNQUFjLE1BQTBDO0FBQ2pGLFFBQU0sT0FBTyxLQUFLLFlBQVksUUFBUSxjQUFjO0FBQ3BELFFBQU0sTUFBTSxNQUFNLE1BQU07QUFDeEIsUUFBTSxPQUFPLE9BQU8sS0FBSyxXQUFXLHVCQUF1QixNQUFNLEdBQUcsRUFBRSxPQUFPLE9BQU8sSUFBSSxDQUFDLEVBQUU7QUFDM0YsYUFBVyxRQUFRLEtBQUssV0FBVyxJQUFJLE1BQU0sR0FBRyxHQUFHO0FBQ2pELFFBQUksQ0FBQyxJQUFLO0FBQ1YsZUFBVyxPQUFPLE1BQU07QUFDdEIsWUFBTSxZQUFpQixVQUFLLEtBQUssT0FBTyxHQUFHO0FBQzNDLFVBQUksS0FBSyxhQUFhLFNBQVMsRUFBRyxRQUFPO0FBQUEsSUFDM0M7QUFBQSxFQUNGO0FBQ0EsU0FBTztBQUNUO0FBTU8sU0FBUyxxQkFBcUIsTUFBcUM7QUFDeEUsUUFBTSxhQUFhLEtBQUssYUFBYSxPQUFPLEtBQUssWUFBWSxJQUFJLElBQUk7QUFDckUsTUFBSSxZQUFZO0FBQ2QsUUFBSSxDQUFDLEtBQUssYUFBYSxVQUFVLEdBQUc7QUFDbEMsYUFBTztBQUFBLFFBQ0wsSUFBSTtBQUFBLFFBQ0osU0FDRSxxQ0FBcUMsVUFBVSx1SEFFL0M7QUFBQSxNQUNKO0FBQUEsSUFDRjtBQUNBLFdBQU8sRUFBRSxJQUFJLE1BQU0sU0FBUyxZQUFZLE1BQU0sQ0FBQyxPQUFPLEdBQUcsUUFBUSx3QkFBd0I7QUFBQSxFQUMzRjtBQUNBLFFBQU0sYUFBYSxLQUFLLGFBQWEsT0FBTyxLQUFLLFlBQVksSUFBSSxJQUFJO0FBQ3JFLE1BQUksWUFBWTtBQUNkLFVBQU0sV0FBVyxXQUFXLFNBQVMsR0FBRyxLQUFLLFdBQVcsU0FBUyxJQUFJLElBQUksYUFBYSxXQUFXLFlBQVksSUFBSTtBQUNqSCxRQUFJLENBQUMsWUFBWSxDQUFDLEtBQUssYUFBYSxRQUFRLEdBQUc7QUFDN0MsYUFBTztBQUFBLFFBQ0wsSUFBSTtBQUFBLFFBQ0osU0FDRSwyQ0FBMkMsVUFBVTtBQUFBLE1BRXpEO0FBQUEsSUFDRjtBQUNBLFdBQU8sRUFBRSxJQUFJLE1BQU0sU0FBUyxVQUFVLE1BQU0sQ0FBQyxNQUFNLGNBQWMsT0FBTyxHQUFHLFFBQVEsOEJBQThCO0FBQUEsRUFDbkg7QUFDQSxRQUFNLFNBQVMsV0FBVyxjQUFjLElBQUk7QUFDNUMsTUFBSSxPQUFRLFFBQU8sRUFBRSxJQUFJLE1BQU0sU0FBUyxRQUFRLE1BQU0sQ0FBQyxPQUFPLEdBQUcsUUFBUSxPQUFPO0FBQ2hGLFNBQU8sRUFBRSxJQUFJLE9BQU8sU0FBUyxrREFBa0QsWUFBWSxHQUFHO0FBQ2hHO0FBR08sU0FBUyxlQUFlLFFBQTBDO0FBQ3ZFLFFBQU0sTUFBZ0IsQ0FBQztBQUN2QixhQUFXLEtBQUssUUFBUTtBQUN0QixRQUFJLENBQUMsRUFBRztBQUNSLFVBQU0sSUFBSSxFQUFFLFFBQVEsR0FBRztBQUN2QixVQUFNLElBQUksSUFBSSxJQUFJLEVBQUUsTUFBTSxHQUFHLENBQUMsSUFBSTtBQUNsQyxRQUFJLEtBQUssQ0FBQyxJQUFJLFNBQVMsQ0FBQyxFQUFHLEtBQUksS0FBSyxDQUFDO0FBQUEsRUFDdkM7QUFDQSxTQUFPO0FBQ1Q7QUFHTyxTQUFTLFVBQVUsVUFBa0IsV0FBMkU7QUFDckgsUUFBTSxTQUFTLFlBQVksUUFBUTtBQUNuQyxNQUFJLE9BQVEsUUFBTyxPQUFPLGFBQWE7QUFDdkMsU0FBTyxnQkFBZ0IsUUFBUTtBQUNqQztBQU1PLFNBQVMscUJBQ2QsT0FDQSxZQUNBLEtBQ0EsV0FDVTtBQUNWLFNBQU8sTUFBTSxPQUFPLENBQUMsTUFBTTtBQUN6QixRQUFJLFdBQVcsQ0FBQyxFQUFHLFFBQU87QUFDMUIsVUFBTSxVQUFVLFVBQVUsR0FBRyxTQUFTO0FBQ3RDLFFBQUksQ0FBQyxRQUFTLFFBQU87QUFDckIsV0FBTyxDQUFDLElBQUksT0FBTztBQUFBLEVBQ3JCLENBQUM7QUFDSDs7O0FEbE5BLElBQU0sV0FBb0M7QUFBQSxFQUN4QyxlQUFlO0FBQUEsRUFDZixtQkFBbUI7QUFBQSxFQUNuQix3QkFBd0I7QUFBQSxFQUN4QixrQkFBa0I7QUFBQSxFQUNsQixtQkFBbUI7QUFBQSxFQUNuQixvQkFBb0I7QUFBQSxFQUNwQixrQkFBa0I7QUFBQSxFQUNsQixxQkFBcUI7QUFBQSxFQUNyQixXQUFXLENBQUM7QUFBQSxFQUNaLHFCQUFxQjtBQUFBLEVBQ3JCLG1CQUFtQjtBQUFBLEVBQ25CLG1CQUFtQjtBQUFBLEVBQ25CLGlCQUFpQjtBQUFBLEVBQ2pCLG1CQUFtQjtBQUFBLEVBQ25CLGlCQUFpQjtBQUFBLEVBQ2pCLDJCQUEyQjtBQUFBLEVBQzNCLHlCQUF5QixDQUFDLGdCQUFnQjtBQUM1QztBQUFBLElBRUEsdUJBQUssa0ZBQWtGLE1BQU07QUFDM0YsUUFBTSxNQUFNLG9CQUFvQixDQUFDLE1BQU0sU0FBUyxDQUFDLEdBQUcsRUFBRSxRQUFRLFFBQVEsV0FBVyxPQUFVLENBQUM7QUFDNUYsZ0JBQUFDLFFBQU8sVUFBVSxLQUFLO0FBQUEsSUFDcEIsUUFBUSxFQUFFLE1BQU0sdUJBQXVCLFVBQVUsNEJBQTRCO0FBQUEsSUFDN0UsU0FBUyxFQUFFLGNBQWMsUUFBUSxRQUFRLFFBQVEsU0FBUyxZQUFZLFVBQVUsT0FBTztBQUFBLElBQ3ZGLFFBQVEsRUFBRSxTQUFTLDRCQUE0QixRQUFRLE9BQU87QUFBQSxJQUM5RCxXQUFXLEVBQUUsU0FBUyxNQUFNLFFBQVEsS0FBSztBQUFBLElBQ3pDLFdBQVcsQ0FBQztBQUFBLElBQ1osUUFBUSxFQUFFLFlBQVksS0FBSyxVQUFVLE1BQU0sVUFBVSxNQUFNO0FBQUEsSUFDM0QsT0FBTyxFQUFFLFNBQVMsTUFBTSxXQUFXLEtBQUssU0FBUyxHQUFHO0FBQUEsSUFDcEQsY0FBYyxFQUFFLFlBQVksSUFBSTtBQUFBLElBQ2hDLFVBQVUsRUFBRSxjQUFjLENBQUMsZ0JBQWdCLEVBQUU7QUFBQSxFQUMvQyxDQUFDO0FBQ0QsZ0JBQUFBLFFBQU8sTUFBTSxnQkFBZ0IsS0FBSyxnQkFBZ0IsR0FBRywwQkFBMEI7QUFDL0UsZ0JBQUFBLFFBQU8sTUFBTSxnQkFBZ0IsS0FBSyxRQUFRLEdBQUcsSUFBSTtBQUNqRCxnQkFBQUEsUUFBTyxNQUFNLGdCQUFnQixLQUFLLEVBQUUsR0FBRyxHQUFHO0FBQzVDLENBQUM7QUFBQSxJQUVELHVCQUFLLGlGQUFpRixNQUFNO0FBQzFGLFFBQU0sTUFBTSxvQkFBb0IsTUFBTSxRQUFXLENBQUMsQ0FBQztBQUNuRCxnQkFBQUEsUUFBTyxVQUFVLEtBQUssRUFBRSxRQUFRLEVBQUUsUUFBUSxLQUFLLEdBQUcsV0FBVyxFQUFFLFFBQVEsS0FBSyxFQUFFLENBQUM7QUFDakYsQ0FBQztBQUFBLElBRUQsdUJBQUssNEZBQTRGLE1BQU07QUFDckcsUUFBTSxZQUFZLEVBQUUsSUFBSSxFQUFFLEtBQUssVUFBVSxTQUFTLHlCQUF5QixXQUFXLFVBQVUsUUFBUSxnQkFBZ0IsR0FBRyxPQUFPLEVBQUUsS0FBSyxVQUFVLFNBQVMscUJBQXFCLEVBQUU7QUFDbkwsUUFBTSxNQUFNLG9CQUFvQixDQUFDLE1BQU8sTUFBTSxjQUFjLFlBQVksUUFBWSxFQUFFLElBQUksU0FBUyxDQUFDO0FBQ3BHLGdCQUFBQSxRQUFPLFVBQVUsSUFBSSxXQUFXO0FBQUEsSUFDOUIsSUFBSSxFQUFFLEtBQUssVUFBVSxTQUFTLHlCQUF5QixXQUFXLFVBQVUsUUFBUSxTQUFTO0FBQUEsSUFDN0YsT0FBTyxFQUFFLEtBQUssVUFBVSxTQUFTLHNCQUFzQixRQUFRLEtBQUs7QUFBQSxFQUN0RSxDQUFDO0FBQ0QsZ0JBQUFBLFFBQU8sTUFBTSxVQUFVLEdBQUcsUUFBUSxpQkFBaUIsMkNBQTJDO0FBQ2hHLENBQUM7QUFBQSxJQUVELHVCQUFLLCtEQUErRCxNQUFNO0FBQ3hFLFFBQU0sTUFBTSxvQkFBb0IsQ0FBQyxPQUFPLEVBQUUsZUFBZSxNQUFNLGlCQUFpQixPQUFPLEdBQThCLENBQUMsR0FBRyxDQUFDLENBQUM7QUFDM0gsZ0JBQUFBLFFBQU8sVUFBVSxLQUFLLEVBQUUsUUFBUSxFQUFFLFFBQVEsS0FBSyxHQUFHLFdBQVcsRUFBRSxRQUFRLEtBQUssRUFBRSxDQUFDO0FBQ2pGLENBQUM7QUFFRCxJQUFNLE1BQU0sQ0FBQyxVQUFvQixDQUFDLE1BQWMsTUFBTSxTQUFTLENBQUM7QUFBQSxJQUVoRSx1QkFBSywrRUFBK0UsTUFBTTtBQUN4RixnQkFBQUEsUUFBTyxVQUFVLHFCQUFxQixFQUFFLFlBQVksd0JBQXdCLGNBQWMsSUFBSSxDQUFDLHNCQUFzQixDQUFDLEVBQUUsQ0FBQyxHQUFHO0FBQUEsSUFDMUgsSUFBSTtBQUFBLElBQ0osU0FBUztBQUFBLElBQ1QsTUFBTSxDQUFDLE9BQU87QUFBQSxJQUNkLFFBQVE7QUFBQSxFQUNWLENBQUM7QUFDRCxRQUFNLE1BQU0scUJBQXFCLEVBQUUsWUFBWSxTQUFTLGNBQWMsSUFBSSxDQUFDLENBQUMsRUFBRSxDQUFDO0FBQy9FLGdCQUFBQSxRQUFPLE1BQU0sSUFBSSxJQUFJLEtBQUs7QUFDMUIsZ0JBQUFBLFFBQU8sTUFBTyxJQUE0QixTQUFTLG1CQUFtQjtBQUN0RSxnQkFBQUEsUUFBTyxVQUFVLHFCQUFxQixFQUFFLFlBQVksb0JBQW9CLGNBQWMsSUFBSSxDQUFDLGtCQUFrQixDQUFDLEVBQUUsQ0FBQyxHQUFHO0FBQUEsSUFDbEgsSUFBSTtBQUFBLElBQ0osU0FBUztBQUFBLElBQ1QsTUFBTSxDQUFDLE1BQU0sY0FBYyxPQUFPO0FBQUEsSUFDbEMsUUFBUTtBQUFBLEVBQ1YsQ0FBQztBQUNELGdCQUFBQSxRQUFPO0FBQUEsSUFDTCxxQkFBcUIsRUFBRSxTQUFTLFNBQVMsVUFBVSxTQUFTLGNBQWMsSUFBSSxDQUFDLGVBQWUsQ0FBQyxFQUFFLENBQUM7QUFBQSxJQUNsRyxFQUFFLElBQUksTUFBTSxTQUFTLGlCQUFpQixNQUFNLENBQUMsT0FBTyxHQUFHLFFBQVEsT0FBTztBQUFBLEVBQ3hFO0FBQ0EsUUFBTSxPQUFPLHFCQUFxQixFQUFFLFNBQVMsTUFBTSxVQUFVLFNBQVMsY0FBYyxJQUFJLENBQUMsQ0FBQyxFQUFFLENBQUM7QUFDN0YsZ0JBQUFBLFFBQU8sTUFBTSxLQUFLLElBQUksS0FBSztBQUMzQixnQkFBQUEsUUFBTyxNQUFPLEtBQTZCLFNBQVMsd0JBQXdCO0FBQzVFLGdCQUFBQSxRQUFPLE1BQU8sS0FBNkIsU0FBUyx5QkFBeUI7QUFDL0UsQ0FBQztBQUFBLElBRUQsdUJBQUsseURBQXlELE1BQU07QUFDbEUsUUFBTSxJQUFJLHFCQUFxQjtBQUFBLElBQzdCLFlBQVk7QUFBQSxJQUNaLGlCQUFpQjtBQUFBLElBQ2pCLGNBQWMsSUFBSSxDQUFDLDBCQUEwQixDQUFDO0FBQUEsRUFDaEQsQ0FBQztBQUNELGdCQUFBQSxRQUFPLE1BQU0sRUFBRSxNQUFNLEVBQUUsU0FBUywwQkFBMEI7QUFDMUQsUUFBTSxJQUFJLHFCQUFxQixFQUFFLFlBQVksbUJBQW1CLE1BQU0sV0FBVyxjQUFjLElBQUksQ0FBQyx1QkFBdUIsQ0FBQyxFQUFFLENBQUM7QUFDL0gsZ0JBQUFBLFFBQU8sTUFBTSxFQUFFLE1BQU0sRUFBRSxTQUFTLHVCQUF1QjtBQUN6RCxDQUFDO0FBQUEsSUFFRCx1QkFBSyxzQ0FBc0MsTUFBTTtBQUMvQyxRQUFNLElBQUksV0FBVyxjQUFjO0FBQUEsSUFDakMsU0FBUztBQUFBLElBQ1QsVUFBVTtBQUFBLElBQ1YsU0FBUztBQUFBLElBQ1QsY0FBYyxDQUFDLE1BQU0sRUFBRSxTQUFTLGdCQUFnQixLQUFLLEVBQUUsU0FBUyxHQUFHO0FBQUEsRUFDckUsQ0FBQztBQUNELGdCQUFBQSxRQUFPLEdBQUcsS0FBSyxFQUFFLFNBQVMsZ0JBQWdCLENBQUM7QUFDN0MsQ0FBQztBQUFBLElBRUQsdUJBQUssaUVBQWlFLE1BQU07QUFDMUUsUUFBTSxRQUFRLGVBQWUsQ0FBQyx1QkFBdUIsNkJBQTZCLGdCQUFnQixDQUFDO0FBQ25HLGdCQUFBQSxRQUFPLFVBQVUsT0FBTyxDQUFDLFVBQVUsV0FBVyxDQUFDO0FBQy9DLGdCQUFBQSxRQUFPLFVBQVUscUJBQXFCLE9BQU8sQ0FBQyxHQUFHLENBQUMsR0FBRyxDQUFDLENBQUMsR0FBRyxDQUFDLFVBQVUsV0FBVyxDQUFDO0FBQ2pGLGdCQUFBQSxRQUFPLFVBQVUscUJBQXFCLE9BQU8sRUFBRSxRQUFRLElBQUksR0FBRyxDQUFDLEdBQUcsQ0FBQyxDQUFDLEdBQUcsQ0FBQyxXQUFXLENBQUM7QUFDcEYsZ0JBQUFBLFFBQU8sVUFBVSxxQkFBcUIsT0FBTyxDQUFDLEdBQUcsRUFBRSxtQkFBbUIsS0FBSyxnQkFBZ0IsSUFBSSxHQUFHLENBQUMsQ0FBQyxHQUFHLENBQUMsQ0FBQztBQUV6RyxnQkFBQUEsUUFBTyxVQUFVLHFCQUFxQixDQUFDLE9BQU8sR0FBRyxDQUFDLEdBQUcsQ0FBQyxHQUFHLEVBQUUsT0FBTyxFQUFFLEtBQUssU0FBUyxFQUFFLENBQUMsR0FBRyxDQUFDLENBQUM7QUFDMUYsZ0JBQUFBLFFBQU8sVUFBVSxxQkFBcUIsQ0FBQyxJQUFJLEdBQUcsQ0FBQyxHQUFHLENBQUMsR0FBRyxFQUFFLElBQUksRUFBRSxLQUFLLFVBQVUsV0FBVyxTQUFTLEVBQUUsQ0FBQyxHQUFHLENBQUMsSUFBSSxDQUFDO0FBQzdHLGdCQUFBQSxRQUFPLFVBQVUscUJBQXFCLENBQUMsSUFBSSxHQUFHLENBQUMsR0FBRyxFQUFFLFFBQVEsSUFBSSxHQUFHLEVBQUUsSUFBSSxFQUFFLEtBQUssVUFBVSxXQUFXLFNBQVMsRUFBRSxDQUFDLEdBQUcsQ0FBQyxDQUFDO0FBQ3hILENBQUM7IiwKICAibmFtZXMiOiBbInNldHRpbmdzIiwgImFzc2VydCJdCn0K
