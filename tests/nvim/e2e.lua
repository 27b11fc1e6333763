-- End-to-end scenario for headless Neovim 0.7+ (Debian's `neovim`) as the LSP client.
--
-- Run by tests/test_neovim.py:
--   LSP_ROUTER_NVIM_CONFIG=config.json nvim --headless -u NONE -i NONE -n -c 'luafile tests/nvim/e2e.lua'
--
-- config.json (written by the Python test):
--   cmd, root, file, init_options, results,
--   action_range, explain_range, expected_markdown,
--   rename_position, new_name, expected_placeholder, expected_text
--
-- Writes what it saw to config.results as JSON (the Python test asserts on it too), then
-- quits with `qa!` when every check here passed and `cquit! 1` otherwise.

local results = { steps = {}, failures = {}, spend = {}, messages = {}, log = {} }
local cfg

local function log(fmt, ...)
  local line = string.format(fmt, ...)
  table.insert(results.log, line)
  io.stderr:write('[nvim-e2e] ' .. line .. '\n')
end

local function check(ok, fmt, ...)
  if not ok then
    local message = string.format(fmt, ...)
    table.insert(results.failures, message)
    log('FAIL: %s', message)
  end
  return ok
end

local function write_results()
  local path = cfg and cfg.results or os.getenv('LSP_ROUTER_NVIM_RESULTS')
  if not path then
    return
  end
  local encoded = vim.json.encode(results)
  local f = assert(io.open(path, 'w'))
  f:write(encoded)
  f:close()
end

local function finish()
  write_results()
  if #results.failures == 0 then
    vim.cmd('qa!')
  else
    vim.cmd('cquit! 1')
  end
end

-- One request, synchronously; returns (result, error) from this client only.
local function request(buf, client_id, method, params, timeout)
  local responses, err = vim.lsp.buf_request_sync(buf, method, params, timeout or 20000)
  if responses == nil then
    return nil, { message = 'no response: ' .. tostring(err) }
  end
  local response = responses[client_id]
  if response == nil then
    return nil, { message = 'no response from lsp-router (timeout?)' }
  end
  return response.result, response.error
end

local function run()
  local config_path = assert(os.getenv('LSP_ROUTER_NVIM_CONFIG'), 'set LSP_ROUTER_NVIM_CONFIG')
  cfg = vim.json.decode(table.concat(vim.fn.readfile(config_path), '\n'))

  vim.cmd('edit ' .. vim.fn.fnameescape(cfg.file))
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'python'
  local uri = vim.uri_from_bufnr(buf)
  results.uri = uri

  local client_id = vim.lsp.start_client({
    name = 'lsp-router',
    cmd = cfg.cmd,
    root_dir = cfg.root,
    init_options = cfg.init_options,
    handlers = {
      ['lspRouter/spendChanged'] = function(_, params)
        table.insert(results.spend, params)
      end,
      ['window/showMessage'] = function(_, params)
        table.insert(results.messages, params)
      end,
    },
    on_exit = function(code, signal)
      results.server_exit = { code = code, signal = signal }
    end,
  })
  if not check(client_id ~= nil, 'vim.lsp.start_client returned nil') then
    return
  end
  vim.lsp.buf_attach_client(buf, client_id)
  local client = vim.lsp.get_client_by_id(client_id)
  local up = vim.wait(30000, function()
    return client.initialized == true
  end, 20)
  if not check(up, 'the server did not initialize within 30 s') then
    return
  end
  local caps = client.server_capabilities or {}
  results.capabilities = {
    rename = caps.renameProvider,
    codeAction = caps.codeActionProvider,
    executeCommand = caps.executeCommandProvider,
  }
  log('initialized: %s', vim.inspect(results.capabilities):gsub('%s+', ' '))

  -- 1. code actions on a selection: titled with tier and price, no model call
  local actions, err = request(buf, client_id, 'textDocument/codeAction', {
    textDocument = { uri = uri },
    range = cfg.action_range,
    context = { diagnostics = {} },
  })
  check(err == nil, 'codeAction failed: %s', vim.inspect(err))
  local titles = {}
  for _, action in ipairs(actions or {}) do
    table.insert(titles, action.title)
    check(action.kind == 'refactor.rewrite', 'action %q has kind %s', action.title, tostring(action.kind))
  end
  results.steps.code_action = { titles = titles }
  log('code actions: %s', table.concat(titles, ' | '))
  local simplify = false
  for _, title in ipairs(titles) do
    check(title:match('%((%a+), ~%$%d+%.%d+%)$') ~= nil or title:match('%((%a+), unpriced%)$') ~= nil,
      'title %q does not show tier and price', title)
    if title:match('^Simplify %(mini, ') then
      simplify = true
    end
  end
  check(simplify, 'no "Simplify (mini, ...)" action in %s', vim.inspect(titles))

  -- 2. explain via workspace/executeCommand
  local explained
  explained, err = request(buf, client_id, 'workspace/executeCommand', {
    command = 'lspRouter.explain',
    arguments = { { textDocument = { uri = uri }, range = cfg.explain_range } },
  })
  check(err == nil, 'lspRouter.explain failed: %s', vim.inspect(err))
  results.steps.explain = explained
  if explained then
    check(explained.markdown == cfg.expected_markdown, 'explain markdown %q ~= %q', tostring(explained.markdown),
      cfg.expected_markdown)
  end

  -- 3. prepareRename + rename on a local variable, the edit applied to the buffer
  local position = cfg.rename_position
  local prepared
  prepared, err = request(buf, client_id, 'textDocument/prepareRename', {
    textDocument = { uri = uri },
    position = position,
  })
  check(err == nil, 'prepareRename failed: %s', vim.inspect(err))
  results.steps.prepare_rename = prepared
  if prepared then
    check(prepared.placeholder == cfg.expected_placeholder, 'placeholder %s ~= %s', tostring(prepared.placeholder),
      cfg.expected_placeholder)
  end
  local edit
  edit, err = request(buf, client_id, 'textDocument/rename', {
    textDocument = { uri = uri },
    position = position,
    newName = cfg.new_name,
  })
  check(err == nil, 'rename failed: %s', vim.inspect(err))
  results.steps.rename = edit
  if edit then
    vim.lsp.util.apply_workspace_edit(edit, 'utf-16')
    local text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n') .. '\n'
    results.steps.buffer_after_rename = text
    check(text == cfg.expected_text, 'the buffer after the rename is not the expected text')
  end

  -- 4. the spend notification: the paid calls above are on the session
  local spent = vim.wait(10000, function()
    local last = results.spend[#results.spend]
    return last ~= nil and type(last.session) == 'table' and type(last.session.costUsd) == 'number'
      and last.session.costUsd > 0 and last.session.requests >= 2
  end, 20)
  local last = results.spend[#results.spend]
  check(spent, 'no lspRouter/spendChanged with session.costUsd > 0 and 2 requests (last: %s)', vim.inspect(last))
  if last then
    log('spend: session.costUsd=%s requests=%s', tostring(last.session.costUsd), tostring(last.session.requests))
  end

  client.stop()
  vim.wait(5000, function()
    return results.server_exit ~= nil
  end, 20)
end

local ok, problem = xpcall(run, debug.traceback)
if not ok then
  check(false, 'error in the scenario: %s', tostring(problem))
end
finish()
